import { idFromKey } from '../lib/relations'
import type { Payload } from 'payload'

import { toSearchDocs, type Lookup } from './documents'
import { isVersioned, SearchEngine, type SearchCollection, type SearchDoc } from './engine'
import { allDocs, rebuildStore } from './indexing'
import { snippet } from './snippet'
import { similarInStore } from './similar'
import { hasKey, queryStore, storeIsEmpty, usesStore } from './store'
import { parseQuery, type ParsedQuery } from './tokenize'
import { asSystem } from '../lib/system'

/**
 * The search module's narrow interface: index / remove / search / rebuild. Everything behind it
 * (the in-process engine, tokenizer, lookups) can be replaced by an external search engine.
 * State lives on globalThis so the express routes and the Next-bundled Payload hooks share it.
 */

export const SEARCH_COLLECTIONS: SearchCollection[] = ['glossary-terms', 'sources', 'issues', 'items', 'translations']

export type SearchFilters = {
  collection?: SearchCollection
  section?: string
  source?: string
  term?: string
  issue?: string
  /** Inclusive bounds in ms. */
  from?: number
  to?: number
}

export type SearchRequest = SearchFilters & { q: string; limit?: number; offset?: number; staff?: boolean }

export type SearchResultDoc = {
  collection: SearchCollection
  id: number | string
  title: string
  snippet: string
  url: string
  published?: boolean
  date?: string | null
}

export type SearchResponse = { docs: SearchResultDoc[]; totalDocs: number }

type Doc = Record<string, unknown> & { id: number | string }

type State = {
  engine: SearchEngine
  terms: Map<string, { english: string; original: string; aliases: string[]; slug: string }>
  sources: Map<string, { name: string; originalName: string; slug: string }>
  issues: Map<string, { slug: string; label: string }>
  drafts: Set<string>
  /** The keys of a special issue's entries (`issues:12#anchor`, `…:draft`), by the issue's key. */
  parts: Map<string, Set<string>>
  built: boolean
  building?: Promise<void>
  pending: Array<() => void>
}

const globalKey = Symbol.for('briefing.search.state')
const g = globalThis as unknown as Record<symbol, State | undefined>

const state = (): State =>
  (g[globalKey] ??= {
    engine: new SearchEngine(),
    terms: new Map(),
    sources: new Map(),
    issues: new Map(),
    drafts: new Set(),
    parts: new Map(),
    built: false,
    pending: [],
  })

const lookup = (s: State): Lookup => ({
  term: (id) => s.terms.get(id),
  source: (id) => s.sources.get(id),
  issue: (id) => s.issues.get(id),
  issueIsPublic: (id) => s.engine.get(`issues:${id}`) !== undefined,
})

const versioned = isVersioned
const str = (v: unknown) => (typeof v === 'string' ? v : '')

function remember(s: State, collection: SearchCollection, doc: Doc): void {
  const id = String(doc.id)
  if (collection === 'glossary-terms') {
    s.terms.set(id, {
      english: str(doc.english),
      original: str(doc.original),
      aliases: (doc.aliases as string[]) ?? [],
      slug: str(doc.slug),
    })
  } else if (collection === 'sources') {
    s.sources.set(id, { name: str(doc.name), originalName: str(doc.originalName), slug: str(doc.slug) })
  } else if (collection === 'issues' && (doc._status === 'published' || !s.issues.has(id))) {
    s.issues.set(id, { slug: str(doc.slug), label: str(doc.label) })
  }
}

/** Drop the entry parts of `key` (`drafts`: only their drafts; `published`: only their main versions). */
function dropParts(s: State, key: string, which: 'all' | 'published' | 'drafts'): void {
  const parts = s.parts.get(key)
  if (!parts) return
  for (const part of [...parts]) {
    if (which !== 'all' && part.endsWith(':draft') !== (which === 'drafts')) continue
    s.engine.remove(part)
    parts.delete(part)
  }
}

function indexNow(s: State, collection: SearchCollection, doc: Doc): void {
  remember(s, collection, doc)
  const key = `${collection}:${doc.id}`
  const published = !versioned(collection) || doc._status === 'published'
  dropParts(s, key, published ? 'all' : 'drafts')
  for (const [suffix, searchDoc] of toSearchDocs(collection, doc, lookup(s))) {
    const target = published ? `${key}${suffix}` : `${key}${suffix}:draft`
    s.engine.put(target, searchDoc)
    if (published) s.engine.remove(`${key}${suffix}:draft`)
    if (suffix) s.parts.set(key, (s.parts.get(key) ?? new Set()).add(target))
  }
  // Staff see the draft's documents only: runQuery hides published ones of a document with a draft.
  if (published) s.drafts.delete(key)
  else s.drafts.add(key)
}

function removeNow(s: State, collection: SearchCollection, id: string, which: 'all' | 'published'): void {
  const key = `${collection}:${id}`
  s.engine.remove(key)
  dropParts(s, key, which)
  if (which === 'all') {
    s.engine.remove(`${key}:draft`)
    s.drafts.delete(key)
    if (collection === 'glossary-terms') s.terms.delete(id)
    if (collection === 'sources') s.sources.delete(id)
    if (collection === 'issues') s.issues.delete(id)
  }
}

/** Apply now, queue while a rebuild runs, and skip before the first build (which reads everything). */
function apply(op: (s: State) => void): void {
  const s = state()
  if (s.built) op(s)
  else if (s.building) s.pending.push(() => op(s))
}

/** Index (or re-index) a document as saved: published versions for everyone, drafts for staff. */
export function index(collection: SearchCollection, doc: Doc): void {
  apply((s) => indexNow(s, collection, doc))
}

/** Whether a public version of the document may be indexed (true while a build runs). */
export function hasPublished(collection: SearchCollection, id: number | string): boolean {
  const s = state()
  if (!s.built) return Boolean(s.building) // before the first build nothing is indexed yet
  return s.engine.get(`${collection}:${id}`) !== undefined
}

/** Forget a document; `published` drops only its public version (after an unpublish). */
export function remove(collection: SearchCollection, id: number | string, which: 'all' | 'published' = 'all'): void {
  apply((s) => removeNow(s, collection, String(id), which))
}

/** Read every searchable document from the database into a fresh index. */
export async function rebuild(payload: Payload): Promise<{ documents: number; ms: number }> {
  return usesStore(payload) ? rebuildStore(payload) : rebuildMemory(payload)
}

/** Build the in-memory index (MongoDB's; on SQL databases only tests build it, to check the change-feed path). */
export async function rebuildMemory(payload: Payload): Promise<{ documents: number; ms: number }> {
  const s = state()
  const started = Date.now()
  const run = (async () => {
    s.engine.clear()
    s.terms.clear()
    s.sources.clear()
    s.issues.clear()
    s.drafts.clear()
    s.parts.clear()
    for (const collection of SEARCH_COLLECTIONS) {
      for await (const page of allDocs(payload, collection, false))
        for (const doc of page) if (!versioned(collection) || doc._status === 'published') indexNow(s, collection, doc)
      if (!versioned(collection)) continue
      for await (const page of allDocs(payload, collection, true))
        for (const doc of page) if (doc._status !== 'published') indexNow(s, collection, doc)
    }
  })()
  s.building = run
  try {
    await run
    s.built = true
    for (const op of s.pending.splice(0)) op()
  } finally {
    s.building = undefined
  }
  return { documents: s.engine.size, ms: Date.now() - started }
}

/**
 * In-memory engine (MongoDB): build once (first query or server start); later calls wait for the same
 * build. Database index: nothing to build, except filling it once when it is empty but the archive is
 * not (a database from before the index existed).
 */
export async function ensureBuilt(payload: Payload): Promise<void> {
  if (usesStore(payload)) return fillStoreOnce(payload)
  const s = state()
  if (s.built) return
  if (s.building) return s.building
  await rebuild(payload)
}

/** Sections (slug → id, and the filter options in order), read at most once a minute: they change rarely. */
let sectionCache: { at: number; bySlug: Map<string, string>; options: SectionOption[] } | undefined

export type SectionOption = { value: string; label: string }

async function sections(payload: Payload) {
  const now = Date.now()
  if (!sectionCache || sectionCache.at < now - 60_000) {
    const all = await payload.find({
      collection: 'sections',
      sort: 'position',
      limit: 1000,
      depth: 0,
      overrideAccess: false, // as an anonymous reader: public ones only
    })
    sectionCache = {
      at: now,
      bySlug: new Map(all.docs.map((d) => [String(d.slug), String(d.id)])),
      options: all.docs.map((d) => ({ value: d.slug ?? String(d.id), label: d.name })),
    }
  }
  return sectionCache
}

/** The sections for a search filter, in their report order. */
export const sectionOptions = async (payload: Payload): Promise<SectionOption[]> => (await sections(payload)).options

/** Resolve a filter value given as an id or a slug to an id. */
async function resolveSlug(
  payload: Payload,
  kind: 'section' | 'source' | 'term' | 'issue',
  value: string,
): Promise<string> {
  if (kind === 'section') return (await sections(payload)).bySlug.get(value) ?? value
  if (usesStore(payload)) {
    const collection = kind === 'source' ? 'sources' : kind === 'term' ? 'glossary-terms' : 'issues'
    const found = await payload.find({
      collection,
      where: { slug: { equals: value } },
      depth: 0,
      limit: 1,
      ...asSystem('searchIndex'),
      joins: false as never,
    })
    return found.docs[0] ? String(found.docs[0].id) : value
  }
  const s = state()
  const known = kind === 'source' ? s.sources : kind === 'term' ? s.terms : s.issues
  if (known.has(value)) return value
  for (const [id, v] of known) if (v.slug === value) return id
  return value
}

/** Search the archive: every query token must match; filters narrow to items (except `issue`/dates). */
export async function search(payload: Payload, request: SearchRequest): Promise<SearchResponse> {
  const query = parseQuery(request.q ?? '')
  if (!query.tokens.length) return { docs: [], totalDocs: 0 }
  await ensureBuilt(payload)
  const f: SearchFilters = { ...request }
  for (const kind of ['section', 'source', 'term', 'issue'] as const) {
    const value = f[kind]
    if (value) f[kind] = await resolveSlug(payload, kind, value)
  }
  if (!usesStore(payload)) return runQuery(state().engine, state().drafts, { ...request, ...f })
  const { hits, total } = await queryStore(
    payload,
    query,
    { ...f, itemsOnly: Boolean(f.section || f.source || f.term), staff: request.staff },
    pageSize(request),
    Math.max(request.offset ?? 0, 0),
  )
  return response(query, hits, total)
}

const pageSize = (request: SearchRequest) => Math.min(Math.max(request.limit ?? 10, 1), 50)

/** The API's answer for ranked hits: escaped snippets with the matches marked. */
function response(query: ParsedQuery, hits: Array<{ doc: SearchDoc }>, total: number): SearchResponse {
  return {
    totalDocs: total,
    docs: hits.map(({ doc }) => ({
      collection: doc.collection,
      id: idFromKey(doc.id),
      title: doc.title,
      snippet: snippet(doc.text || doc.title, query.highlights),
      url: doc.url,
      published: doc.published,
      date: doc.date ? new Date(doc.date).toISOString() : null,
    })),
  }
}

/**
 * The query pipeline over an in-memory engine (filters resolved to ids): parse, match, filter, rank,
 * snippet. Pure, so the benchmark runs exactly what the API runs.
 */
export function runQuery(engine: SearchEngine, drafts: Set<string>, request: SearchRequest): SearchResponse {
  const query = parseQuery(request.q ?? '')
  if (!query.tokens.length) return { docs: [], totalDocs: 0 }
  const f = request
  const itemsOnly = Boolean(f.section || f.source || f.term)
  const accept = (d: SearchDoc): boolean => {
    if (request.staff) {
      if (d.published && drafts.has(`${d.collection}:${d.id}`)) return false
    } else if (!d.published) return false
    if (f.collection && d.collection !== f.collection) return false
    if (itemsOnly && d.collection !== 'items') return false
    if (f.section && d.section !== f.section) return false
    if (f.source && !d.sources?.includes(f.source)) return false
    if (f.term && !d.terms?.includes(f.term)) return false
    if (f.issue && d.issue !== f.issue) return false
    if (f.from !== undefined && (!d.date || d.date < f.from)) return false
    if (f.to !== undefined && (!d.date || d.date > f.to)) return false
    return true
  }
  const pre = { from: f.from, to: f.to, section: f.section, publishedOnly: !request.staff }
  // Anonymous queries filtered only by section/dates are fully decided by the prefilter.
  const needsAccept = Boolean(request.staff || f.collection || f.source || f.term || f.issue)
  const { hits, total } = engine.search(
    query,
    needsAccept ? accept : null,
    pageSize(request),
    Math.max(request.offset ?? 0, 0),
    pre,
  )
  return response(query, hits, total)
}

/** Published items whose text is most like an item's (its draft when staff edit it), best first. */
export async function similarItems(
  payload: Payload,
  id: number | string,
  limit = 20,
): Promise<Array<{ id: string; score: number }>> {
  await ensureBuilt(payload)
  if (usesStore(payload)) {
    const draft = await hasKey(payload, undefined, `items:${id}:draft`)
    const hits = await similarInStore(payload, draft ? `items:${id}:draft` : `items:${id}`, String(id), limit)
    return hits.map((h) => ({ id: h.doc.id, score: h.score }))
  }
  const s = state()
  const key = s.engine.get(`items:${id}:draft`) ? `items:${id}:draft` : `items:${id}`
  const hits = s.engine.similar(key, (d) => d.collection === 'items' && d.published && d.id !== String(id), limit)
  return hits.map((h) => ({ id: h.doc.id, score: h.score }))
}

/** Fill an empty database index once per process when the archive has documents (see ensureBuilt). */
let filling: Promise<void> | undefined
function fillStoreOnce(payload: Payload): Promise<void> {
  filling ??= (async () => {
    if (!(await storeIsEmpty(payload))) return
    const some = await payload.count({ collection: 'items', ...asSystem('searchIndex') })
    const terms = await payload.count({ collection: 'glossary-terms', ...asSystem('searchIndex') })
    if (some.totalDocs + terms.totalDocs > 0) await rebuildStore(payload)
  })().catch((err) => {
    filling = undefined
    throw err
  })
  return filling
}

/** The in-memory index answering a request as `search` does on MongoDB (filters given as ids). */
export const searchMemory = (request: SearchRequest): SearchResponse =>
  runQuery(state().engine, state().drafts, request)

/** For tests and the CLI: forget everything (the next query rebuilds). */
export function reset(): void {
  filling = undefined
  const s = state()
  s.engine.clear()
  s.built = false
  s.pending = []
}
