import { APIError, type PayloadRequest, type Where } from 'payload'

import { parseId } from '../lib/db'
import { similarItems } from '../search/service'
import { relationKey, relationKeys } from '../search/text'
import { asSystem } from '../lib/system'

export type RelatedItem = {
  id: number | string
  title: string
  date: string | null
  issue: string | null
  score: number
  reasons: string[]
  linked: boolean
}

type Named = { id: number | string; english?: string; name?: string; kind?: string }

const titleOf = (doc: { headline?: string | null; body?: unknown }, fallback: string) =>
  doc.headline?.trim() || fallback

/**
 * Past published items related to an item: shared people (weight 4), shared terms (3), shared
 * sources (1, at most 2) and similar text (from the search index), with the reasons spelled out.
 */
export async function relatedItems(req: PayloadRequest, id: unknown, limit = 8): Promise<RelatedItem[]> {
  const { key, item } = await findItem(req, id)
  const populated = (list: unknown): Named[] =>
    Array.isArray(list) ? list.filter((v): v is Named => typeof v === 'object' && v !== null) : []
  const terms = populated(item.terms)
  const sources = populated(item.sources)
  const linked = new Set(relationKeys(item.related))
  const scored = new Map<string, { score: number; reasons: string[] }>()
  const bump: Bump = (other, score, reason) => {
    if (other === key) return
    const entry = scored.get(other) ?? { score: 0, reasons: [] }
    entry.score += score
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason)
    scored.set(other, entry)
  }
  await scoreShared(req, item.id, terms, sources, bump)
  for (const hit of await similarItems(req.payload, item.id, 20))
    bump(hit.id, Math.min(hit.score / 5, 4), 'similar text')

  const best = [...scored.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, limit)
  if (!best.length) return []
  return describe(req, best, linked)
}

type Bump = (other: string, score: number, reason: string) => void

/** The item by its id (drafts too, depth 1): 400 without an id, 404 when there is none. */
async function findItem(req: PayloadRequest, id: unknown) {
  const { payload } = req
  const key = relationKey(id)
  if (!key) throw new APIError('Which item? The item id is missing.', 400, null, true)
  const itemId = parseId(payload, key)
  const item =
    itemId === undefined
      ? null
      : await payload.findByID({
          collection: 'items',
          id: itemId,
          depth: 1,
          draft: true,
          req,
          ...asSystem('operator'),
          disableErrors: true,
        })
  if (!item) throw new APIError(`Item ${key.slice(0, 64)} does not exist.`, 404, null, true)
  return { key, item }
}

/** Published items sharing the item's terms (people 4, terms 3) or sources (1 each, at most 2). */
async function scoreShared(
  req: PayloadRequest,
  itemId: number | string,
  terms: Named[],
  sources: Named[],
  bump: Bump,
): Promise<void> {
  if (!terms.length && !sources.length) return
  const published: Where = { _status: { equals: 'published' } }
  const or: Where[] = []
  if (terms.length) or.push({ terms: { in: terms.map((t) => t.id) } })
  if (sources.length) or.push({ sources: { in: sources.map((s) => s.id) } })
  const found = await req.payload.find({
    collection: 'items',
    where: { and: [published, { id: { not_equals: itemId } }, { or }] },
    sort: '-date',
    limit: 200,
    depth: 0,
    req,
    ...asSystem('operator'),
  })
  for (const other of found.docs) {
    const otherTerms = new Set(relationKeys(other.terms))
    for (const t of terms) {
      if (!otherTerms.has(String(t.id))) continue
      const person = t.kind === 'person'
      bump(String(other.id), person ? 4 : 3, `${person ? 'person' : 'term'}: ${t.english ?? t.id}`)
    }
    const otherSources = new Set(relationKeys(other.sources))
    const shared = sources.filter((s) => otherSources.has(String(s.id)))
    for (const s of shared.slice(0, 2)) bump(String(other.id), 1, `source: ${s.name ?? s.id}`)
  }
}

/** The best-scored items with their title, date, issue and reasons, in score order. */
async function describe(
  req: PayloadRequest,
  best: Array<[string, { score: number; reasons: string[] }]>,
  linked: Set<string>,
): Promise<RelatedItem[]> {
  const docs = await req.payload.find({
    collection: 'items',
    where: { id: { in: best.map(([id]) => id) } },
    depth: 1,
    limit: best.length,
    req,
    ...asSystem('operator'),
  })
  const byId = new Map(docs.docs.map((d) => [String(d.id), d]))
  return best.flatMap(([otherId, { score, reasons }]) => {
    const doc = byId.get(otherId)
    if (!doc) return []
    const issue = typeof doc.issue === 'object' && doc.issue ? (doc.issue.label ?? null) : null
    return [
      {
        id: doc.id,
        title: titleOf(doc, `Item ${otherId}`),
        date: doc.date ?? null,
        issue,
        score: Math.round(score * 100) / 100,
        reasons,
        linked: linked.has(otherId),
      },
    ]
  })
}
