import { escapeHtml } from '../../lib/html'
import { ImportError } from '../types'
import { dayOf, toPost } from './post'
import { toSubscriber } from './subscribers'
import type { ImportedExport, ImportedSubscriber } from './types'

type Row = Record<string, unknown>
type GhostData = {
  posts?: Row[]
  tags?: Row[]
  users?: Row[]
  posts_tags?: Row[]
  posts_authors?: Row[]
  members?: Row[]
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value))
const byOrder = (a: Row, b: Row) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0)

/**
 * Consent from a member row: `subscribed` (true/false) when the export has it; otherwise a member
 * with a Ghost status (free, paid, comped) signed up through Ghost's own email confirmation.
 */
function consent(member: Row): ImportedSubscriber['status'] {
  if (typeof member.subscribed === 'boolean' || typeof member.subscribed === 'number')
    return member.subscribed ? 'active' : 'unsubscribed'
  return ['free', 'paid', 'comped'].includes(str(member.status)) ? 'active' : 'pending'
}

/** The `data` of a Ghost export: `{ db: [{ meta, data }] }` as Ghost writes it, or `{ meta, data }`. */
function ghostData(json: string): GhostData {
  let doc: { db?: Array<{ data?: GhostData }>; data?: GhostData }
  try {
    doc = JSON.parse(json) as typeof doc
  } catch (err) {
    throw new ImportError(`not a readable Ghost export (${(err as Error).message})`)
  }
  const data = doc?.db?.[0]?.data ?? doc?.data
  if (!data || !Array.isArray(data.posts))
    throw new ImportError('not a Ghost export: no db[0].data.posts (export it from Ghost Admin → Settings → Labs)')
  return data
}

/**
 * A Ghost JSON export: posts (type post, not pages) with their HTML, tags through `posts_tags`,
 * authors through `posts_authors` (or the older `author_id`), and members with their consent.
 * The post's uuid (else id) is its import key.
 */
export function parseGhost(json: string): ImportedExport {
  const data = ghostData(json)
  const names = (rows: Row[] | undefined) => new Map((rows ?? []).map((r) => [str(r.id), str(r.name)]))
  const tags = names(data.tags)
  const users = names(data.users)
  const linked = (links: Row[] | undefined, post: string, key: string, lookup: Map<string, string>) =>
    (links ?? [])
      .filter((l) => str(l.post_id) === post)
      .sort(byOrder)
      .map((l) => lookup.get(str(l[key])) ?? '')
      .filter(Boolean)
  const warnings: string[] = []
  const all = data.posts ?? []
  const posts = all
    .filter((p) => (p.type ?? 'post') === 'post' && !p.page)
    .map((p, index) => {
      const id = str(p.id)
      const authors = linked(data.posts_authors, id, 'author_id', users)
      if (!authors.length && p.author_id) authors.push(users.get(str(p.author_id)) ?? '')
      return toPost({
        importKey: `ghost:${str(p.uuid) || id}`,
        title: str(p.title),
        html: str(p.html) || escapeHtml(str(p.plaintext)),
        date: dayOf(str(p.published_at)) ?? dayOf(str(p.created_at)),
        author: authors.filter(Boolean).join(', '),
        tags: linked(data.posts_tags, id, 'tag_id', tags),
        url: p.canonical_url,
        published: p.status === 'published',
        line: index + 1,
      })
    })
  if (all.length > posts.length) warnings.push(`${all.length - posts.length} page(s) were left out (posts only)`)
  const subscribers = (data.members ?? [])
    .map((m) => toSubscriber(m.email, m.name, consent(m), warnings))
    .filter((s) => s !== undefined)
  return { kind: 'export', platform: 'ghost', posts, subscribers, warnings }
}
