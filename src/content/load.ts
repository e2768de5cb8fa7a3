/**
 * The one content loader: every output (web pages and feeds, preview, email, text, every export
 * format) reads an issue, its items in order and what they refer to through here.
 *
 * Who reads decides what is found: public reads (`PUBLIC_READ`, no user) see exactly what the
 * collections' read access lets anonymous readers see (published issues, published items of
 * published issues, public sections and terms); a preview passes the signed-in user; operator tools
 * (export) read as the system. No "published only" filter is copied here.
 */
import type { Payload, Where } from 'payload'

import { relationId } from '../lib/relations'
import { asSystem, PUBLIC_READ } from '../lib/system'
import type { GlossaryTerm, Issue, Item, Media, Section, Source, Translation } from '../payload-types'
import { markedTerms } from './lexical'
import { compareItems } from './order'

export type Id = number | string

/** Local API access options of a read: public, as a user, or as the system. */
export type ReadAs = { overrideAccess: boolean; user?: unknown }

export type ReadOptions = {
  /** true: latest drafts (preview, export). false: the published versions. */
  draft?: boolean
  /** Who reads; default: anonymous for published reads, the system for drafts (operator tools). */
  as?: ReadAs
}

export const readerOf = (opts: ReadOptions): ReadAs => opts.as ?? (opts.draft ? asSystem('operator') : PUBLIC_READ)

export const key = (value: unknown): string => String(relationId(value))
export const uniq = (values: unknown[]): Id[] => {
  const seen = new Map<string, Id>()
  for (const v of values) {
    const id = relationId(v)
    if (id !== undefined) seen.set(String(id), id)
  }
  return [...seen.values()]
}

/** Everything items refer to, by string id. */
export type Lookups = {
  sections: Map<string, Section>
  sources: Map<string, Source>
  terms: Map<string, GlossaryTerm>
  linked: Map<string, Item>
  issues: Map<string, Issue>
  /** Full translations items link to ("Full translation"). */
  translations: Map<string, Translation>
}

/** The item fields any output uses (public reads skip tags, createdBy and the like). */
const ITEM_FIELDS = {
  headline: true,
  issue: true,
  section: true,
  date: true,
  dateEnd: true,
  orderKey: true,
  body: true,
  sources: true,
  articleUrl: true,
  originalTitle: true,
  excerpt: true,
  terms: true,
  credit: true,
  reusedFrom: true,
  related: true,
  translation: true,
  updatedAt: true,
  _status: true,
} as const

/** Documents of a collection by id (as the reader sees them), keyed by string id. */
export async function findAll<T>(payload: Payload, collection: string, ids: Id[], opts: ReadOptions) {
  if (!ids.length) return new Map<string, T>()
  const res = await payload.find({
    collection: collection as 'sections',
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    draft: opts.draft,
    ...readerOf(opts),
  })
  return new Map(res.docs.map((d) => [String(d.id), d as unknown as T]))
}

/** Load everything the given items refer to, one query per collection. */
export async function loadLookups(
  payload: Payload,
  items: Item[],
  opts: ReadOptions,
  extra: { sections?: unknown[]; terms?: unknown[]; issues?: Issue[] } = {},
): Promise<Lookups> {
  const knownIssues = new Map((extra.issues ?? []).map((i) => [String(i.id), i]))
  const issueIds = uniq(items.map((i) => i.issue)).filter((id) => !knownIssues.has(String(id)))
  const reference = { as: readerOf(opts) } // reference data has no drafts
  const [sections, sources, terms, linked, issues, translations] = await Promise.all([
    findAll<Section>(payload, 'sections', uniq([...items.map((i) => i.section), ...(extra.sections ?? [])]), reference),
    findAll<Source>(payload, 'sources', uniq(items.flatMap((i) => i.sources ?? [])), reference),
    findAll<GlossaryTerm>(
      payload,
      'glossary-terms',
      uniq([...items.flatMap((i) => [...(i.terms ?? []), ...markedTerms(i.body)]), ...(extra.terms ?? [])]),
      reference,
    ),
    findAll<Item>(payload, 'items', uniq(items.flatMap((i) => [...(i.related ?? []), i.reusedFrom])), opts),
    findAll<Issue>(payload, 'issues', issueIds, opts),
    findAll<Translation>(payload, 'translations', uniq(items.map((i) => i.translation)), opts),
  ])
  for (const [k, v] of knownIssues) issues.set(k, v)
  return { sections, sources, issues, linked, terms, translations }
}

/** An issue, its items in order and everything they refer to. */
export type IssueContent = {
  issue: Issue
  /** The issue's items (that the reader may see), in order (`compareItems`). */
  items: Item[]
  /** The issue's sections in the issue's order, then those of items not listed; empty ones included. */
  sections: Section[]
  look: Lookups
}

async function findIssue(payload: Payload, ref: Issue | string | { id: Id }, opts: ReadOptions): Promise<Issue | null> {
  if (typeof ref === 'object' && 'slug' in ref && 'updatedAt' in ref) return ref // loaded by the caller (live preview)
  const where: Where = typeof ref === 'string' ? { slug: { equals: ref } } : { id: { equals: ref.id } }
  const res = await payload.find({
    collection: 'issues',
    where,
    draft: opts.draft,
    depth: 0,
    limit: 1,
    pagination: false,
    joins: false, // items are loaded below, in order
    ...readerOf(opts),
  })
  return res.docs[0] ?? null
}

/**
 * Load an issue for an output, or null when the reader may not see it.
 * `ref`: an issue document already loaded (depth 0), its slug ("3-9"), or `{ id }`.
 */
export async function loadIssueContent(
  payload: Payload,
  ref: Issue | string | { id: Id },
  opts: ReadOptions,
): Promise<IssueContent | null> {
  const issue = await findIssue(payload, ref, opts)
  if (!issue) return null
  const res = await payload.find({
    collection: 'items',
    where: { issue: { equals: issue.id } },
    draft: opts.draft,
    depth: 0,
    pagination: false,
    ...(opts.draft ? {} : { select: ITEM_FIELDS }),
    ...readerOf(opts),
  })
  const items = (res.docs as Item[]).sort(compareItems)
  const highlights = issue.highlights ?? []
  const look = await loadLookups(payload, items, opts, {
    sections: [...(issue.sections ?? []).map((r) => r.section), ...highlights.map((h) => h.section)],
    terms: highlights.flatMap((h) => markedTerms(h.text)).concat(markedTerms(issue.editorsNote)),
    issues: [issue],
  })
  const order = uniq([...(issue.sections ?? []).map((r) => r.section), ...items.map((i) => i.section)])
  const sections = order.map((id) => look.sections.get(String(id))).filter((s): s is Section => Boolean(s))
  return { issue, items, sections, look }
}

/** The published issue before or after this one (by volume and number), as anonymous readers see it. */
export async function neighbourIssue(payload: Payload, issue: Issue, dir: 'prev' | 'next'): Promise<Issue | null> {
  const v = Number(issue.volume)
  const n = Number(issue.number)
  const cmp = dir === 'prev' ? 'less_than' : 'greater_than'
  const res = await payload.find({
    collection: 'issues',
    where: { or: [{ volume: { [cmp]: v } }, { and: [{ volume: { equals: v } }, { number: { [cmp]: n } }] }] },
    sort: dir === 'prev' ? ['-volume', '-number'] : ['volume', 'number'],
    depth: 0,
    limit: 1,
    pagination: false,
    select: { slug: true, label: true, title: true, volume: true, number: true },
    ...PUBLIC_READ,
  })
  return (res.docs[0] as Issue | undefined) ?? null
}

/** The cover image of an issue (a media relation, populated or not). */
export async function loadMedia(payload: Payload, value: unknown): Promise<Media | null> {
  const id = relationId(value)
  if (id === undefined) return null
  if (typeof value === 'object') return value as Media
  return (await payload.findByID({
    collection: 'media',
    id,
    depth: 0,
    disableErrors: true,
    ...PUBLIC_READ,
  })) as Media | null
}
