import type { Payload, PayloadRequest, Where } from 'payload'

import { toSearchDocs, type Lookup } from './documents'
import { isVersioned, type SearchCollection } from './engine'
import { specialReferences, translationTermIds } from './kinds'
import {
  analyzeStore,
  clearAll,
  hasKey,
  putDoc,
  removeKey,
  removePrefix,
  shadowPrefix,
  type Db,
  withWriteDb,
} from './store'
import { inlineTermIds, relationKey, relationKeys } from './text'
import { asSystem } from '../lib/system'

/**
 * Keeping the database index (store.ts) in step with saved documents: every save writes its rows in
 * its own transaction, so what another instance reads is exactly what was committed.
 */

type Doc = Record<string, unknown> & { id: number | string }

const versioned = isVersioned
const str = (v: unknown) => (typeof v === 'string' ? v : '')

type Names = {
  terms: Map<string, { english: string; original: string; aliases: string[] }>
  sources: Map<string, { name: string; originalName: string }>
  issues: Map<string, { slug: string; label: string }>
}

const termOf = (d: Doc) => ({
  english: str(d.english),
  original: str(d.original),
  aliases: (d.aliases as string[] | undefined) ?? [],
})
const sourceOf = (d: Doc) => ({ name: str(d.name), originalName: str(d.originalName) })
const issueOf = (d: Doc) => ({ slug: str(d.slug), label: str(d.label) })

/** The terms, sources and issue a document's search text names. */
function referencesOf(collection: SearchCollection, doc: Doc): { terms: string[]; sources: string[]; issue?: string } {
  if (collection === 'items')
    return {
      terms: [...new Set([...relationKeys(doc.terms), ...inlineTermIds(doc.body)])],
      sources: relationKeys(doc.sources),
      issue: relationKey(doc.issue),
    }
  if (collection === 'translations') {
    const source = relationKey(doc.source)
    return { terms: translationTermIds(doc), sources: source ? [source] : [] }
  }
  if (collection === 'issues' && doc.kind === 'special') return specialReferences(doc)
  return { terms: [], sources: [] }
}

/** The names a document's text is flattened with (linked and inline terms, sources, its issue), read in the save's transaction. */
async function namesFor(
  req: Partial<PayloadRequest> & { payload: Payload },
  collection: SearchCollection,
  doc: Doc,
): Promise<Names> {
  const names: Names = { terms: new Map(), sources: new Map(), issues: new Map() }
  const read = async (collection: 'glossary-terms' | 'sources' | 'issues', ids: string[]) => {
    if (!ids.length) return []
    const res = await req.payload.find({
      collection,
      where: { id: { in: ids } },
      depth: 0,
      pagination: false,
      req,
      ...asSystem('searchIndex'),
    })
    return res.docs as unknown as Doc[]
  }
  const { terms, sources, issue } = referencesOf(collection, doc)
  for (const t of await read('glossary-terms', terms)) names.terms.set(String(t.id), termOf(t))
  for (const s of await read('sources', sources)) names.sources.set(String(s.id), sourceOf(s))
  for (const i of await read('issues', issue ? [issue] : [])) names.issues.set(String(i.id), issueOf(i))
  return names
}

/** A lookup over known names; an issue is public when its published version is indexed. */
const lookupOf = (names: Names, publicIssues: Set<string>): Lookup => ({
  term: (id) => names.terms.get(id),
  source: (id) => names.sources.get(id),
  issue: (id) => names.issues.get(id),
  issueIsPublic: (id) => publicIssues.has(id),
})

async function writeDoc(payload: Payload, db: Db, collection: SearchCollection, doc: Doc, lookup: Lookup) {
  const key = `${collection}:${doc.id}`
  const parts = toSearchDocs(collection, doc, lookup)
  const published = !versioned(collection) || doc._status === 'published'
  // A special issue's entries: the saved version's replace the previous ones (their anchors may differ).
  if (collection === 'issues') await removePrefix(payload, db, `${key}#`, published ? 'all' : 'drafts')
  for (const [suffix, searchDoc] of parts) {
    if (published) {
      await putDoc(payload, db, `${key}${suffix}`, searchDoc)
      await removeKey(payload, db, `${key}${suffix}:draft`)
    } else {
      await putDoc(payload, db, `${key}${suffix}:draft`, searchDoc)
    }
  }
  // A newer draft hides every published entry from staff, not only those it still has.
  if (collection === 'issues' && !published) await shadowPrefix(payload, db, `${key}#`, true)
}

/** Index (or re-index) a document as saved, in the request's transaction. */
export async function indexSaved(
  req: Partial<PayloadRequest> & { payload: Payload },
  collection: SearchCollection,
  doc: Doc,
): Promise<void> {
  const { payload } = req
  await withWriteDb(payload, req.transactionID, async (db) => {
    const publicIssues = new Set<string>()
    const names = await namesFor(req, collection, doc)
    const issue = relationKey(doc.issue)
    if (collection === 'items' && issue && (await hasKey(payload, db, `issues:${issue}`))) publicIssues.add(issue)
    await writeDoc(payload, db, collection, doc, lookupOf(names, publicIssues))
  })
}

/** Whether the document's published version is indexed. */
export async function publishedIndexed(req: PayloadRequest, collection: SearchCollection, id: number | string) {
  return withWriteDb(req.payload, req.transactionID, (db) => hasKey(req.payload, db, `${collection}:${id}`))
}

/** Forget a document (`published`: only its public version, after an unpublish). */
export async function removeSaved(
  req: PayloadRequest,
  collection: SearchCollection,
  id: number | string,
  which: 'all' | 'published' = 'all',
): Promise<void> {
  await withWriteDb(req.payload, req.transactionID, async (db) => {
    await removeKey(req.payload, db, `${collection}:${id}`)
    if (which === 'all') await removeKey(req.payload, db, `${collection}:${id}:draft`)
    if (collection === 'issues') await removePrefix(req.payload, db, `${collection}:${id}#`, which)
  })
}

/** Main documents (the published version when there is one), or with `draft` only those whose latest version is a draft. */
export async function* allDocs(payload: Payload, collection: SearchCollection, draft: boolean): AsyncGenerator<Doc[]> {
  const where: Where | undefined = draft ? { _status: { equals: 'draft' } } : undefined
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection,
      depth: 0,
      limit: 500,
      page,
      draft,
      where,
      ...asSystem('searchIndex'),
      sort: 'id',
      // The index never reads join fields (an issue's items, an item's reuses); typed per collection.
      joins: false as never,
    })
    yield res.docs as unknown as Doc[]
    if (!res.hasNextPage) break
  }
}

const SEARCH_ORDER: SearchCollection[] = ['glossary-terms', 'sources', 'issues', 'items', 'translations']

/** Read every searchable document into an emptied database index, 500 documents a transaction. */
export async function rebuildStore(payload: Payload): Promise<{ documents: number; ms: number }> {
  const started = Date.now()
  const names: Names = { terms: new Map(), sources: new Map(), issues: new Map() }
  const publicIssues = new Set<string>()
  const lookup = lookupOf(names, publicIssues)
  let documents = 0
  await withWriteDb(payload, undefined, (db) => clearAll(payload, db))
  for (const collection of SEARCH_ORDER) {
    for (const draft of versioned(collection) ? [false, true] : [false]) {
      for await (const page of allDocs(payload, collection, draft)) {
        const wanted = page.filter((d) => !versioned(collection) || (d._status === 'published') !== draft)
        for (const d of wanted) {
          const id = String(d.id)
          if (collection === 'glossary-terms') names.terms.set(id, termOf(d))
          if (collection === 'sources') names.sources.set(id, sourceOf(d))
          if (collection === 'issues' && (!draft || !names.issues.has(id))) names.issues.set(id, issueOf(d))
          if (collection === 'issues' && !draft) publicIssues.add(id)
        }
        await withWriteDb(payload, undefined, async (db) => {
          for (const d of wanted) await writeDoc(payload, db, collection, d, lookup)
        })
        documents += wanted.length
      }
    }
  }
  await analyzeStore(payload)
  return { documents, ms: Date.now() - started }
}
