import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { recordChange } from '../changes/feed'
import { webCacheRecheckMs } from '../env'
import { relationId } from '../lib/relations'
import { bumpPreview, invalidate } from './cache'
import { doc as docKey, list, nav, PREVIEW_ALL, preview, SETTINGS } from './deps'
import { asSystem } from '../lib/system'

/**
 * Payload hooks that drop exactly the cached pages showing a changed document. They run again
 * a moment later, so a page rendered while the change's transaction was still open is dropped too.
 * The same keys (and the preview versions bumped) go into the database change feed, from which the
 * other instances drop their own copies (src/changes/feed.ts, applied by applyRemoteChange).
 */

type Doc = Record<string, unknown> & { id?: unknown; _status?: string | null }

const ids = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]).map(relationId).filter((x) => x !== undefined)
const isPublished = (d: Doc | undefined | null) => d?._status === 'published'

let pending = 0
let waiters: Array<() => void> = []

export function invalidateSoon(keys: string[]): void {
  invalidate(keys)
  pending++
  const timer = setTimeout(() => {
    invalidate(keys)
    if (--pending === 0) {
      for (const resolve of waiters) resolve()
      waiters = []
    }
  }, webCacheRecheckMs())
  timer.unref?.()
}

/** Resolves once every delayed re-invalidation has run (tests wait on it before asserting the cache). */
export const invalidationsSettled = (): Promise<void> =>
  pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))

const PREVIEW_ISSUE = preview('')

function bumpPreviews(previews: string[]): void {
  if (previews.includes(PREVIEW_ALL)) bumpPreview([], true)
  bumpPreview(previews.filter((k) => k.startsWith(PREVIEW_ISSUE)).map((k) => k.slice(PREVIEW_ISSUE.length)))
}

/** This process's cache and preview now; the other instances through the change feed. */
function changed(
  req: Partial<PayloadRequest>,
  collection: string,
  id: unknown,
  keys: string[],
  previews: string[],
): void {
  bumpPreviews(previews)
  if (keys.length) invalidateSoon(keys)
  recordChange(req, { collection, docId: id === undefined ? undefined : String(id), keys: [...keys, ...previews] })
}

/** A change another instance made: its keys, and its preview versions. */
export function applyRemoteChange(keys: string[]): void {
  const previews = keys.filter((k) => k.startsWith(PREVIEW_ISSUE) || k === PREVIEW_ALL)
  bumpPreviews(previews)
  invalidate(keys.filter((k) => !previews.includes(k)))
}

export function itemKeys(docs: Array<Doc | undefined | null>): string[] {
  const keys = new Set<string>()
  for (const d of docs) {
    if (!d) continue
    keys.add(docKey('items', d.id))
    for (const id of ids(d.issue)) keys.add(list('issues', id))
    for (const id of ids(d.section)) keys.add(list('sections', id))
    for (const id of ids(d.terms)) keys.add(list('glossary-terms', id))
    for (const id of ids(d.sources)) keys.add(list('sources', id))
  }
  return [...keys]
}

const issuePreviews = (...docs: Array<Doc | undefined | null>) => [
  ...new Set(docs.flatMap((d) => ids(d?.issue)).map((id) => preview(id))),
]

export const itemChanged: CollectionAfterChangeHook = ({ doc, previousDoc, req }) => {
  const keys = isPublished(doc) || isPublished(previousDoc) ? itemKeys([doc, previousDoc]) : []
  changed(req, 'items', doc.id, keys, issuePreviews(doc, previousDoc))
  return doc
}

export const itemDeleted: CollectionAfterDeleteHook = ({ doc, req }) => {
  changed(req, 'items', doc.id, itemKeys([doc]), issuePreviews(doc))
  return doc
}

/** Published issues next to (volume, number): their prev/next links change with this issue. */
async function neighbourIds(req: PayloadRequest, d: Doc): Promise<unknown[]> {
  const v = Number(d.volume)
  const n = Number(d.number)
  if (!Number.isFinite(v) || !Number.isFinite(n)) return []
  const find = (cmp: 'less_than' | 'greater_than', sort: string[]) =>
    req.payload.find({
      collection: 'issues',
      where: {
        and: [
          { _status: { equals: 'published' } },
          { id: { not_equals: d.id } },
          { or: [{ volume: { [cmp]: v } }, { and: [{ volume: { equals: v } }, { number: { [cmp]: n } }] }] },
        ],
      },
      sort,
      limit: 1,
      depth: 0,
      ...asSystem('cache'),
      req,
      select: { slug: true },
    })
  const [prev, next] = await Promise.all([
    find('less_than', ['-volume', '-number']),
    find('greater_than', ['volume', 'number']),
  ])
  return [...prev.docs, ...next.docs].map((x) => x.id)
}

async function issueKeys(req: PayloadRequest, docs: Array<Doc | undefined | null>): Promise<string[]> {
  const keys = new Set<string>([list('issues')])
  for (const d of docs) {
    if (!d) continue
    keys.add(docKey('issues', d.id))
    keys.add(list('issues', d.id))
    for (const id of await neighbourIds(req, d).catch(() => [])) keys.add(nav(id))
  }
  return [...keys]
}

export const issueChanged: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const keys = isPublished(doc) || isPublished(previousDoc) ? await issueKeys(req, [doc, previousDoc]) : []
  changed(req, 'issues', doc.id, keys, [preview(doc.id)])
  return doc
}

export const issueDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  changed(req, 'issues', doc.id, await issueKeys(req, [doc]), [preview(doc.id)])
  return doc
}

/** Sections, sources, glossary terms, media: the document itself and the lists of its collection. */
export const referenceChanged =
  (collection: string): CollectionAfterChangeHook =>
  ({ doc, req }) => {
    changed(req, collection, doc.id, [docKey(collection, doc.id), list(collection)], [PREVIEW_ALL])
    return doc
  }

export const referenceDeleted =
  (collection: string): CollectionAfterDeleteHook =>
  ({ doc, req }) => {
    const keys = [docKey(collection, doc.id), list(collection), list(collection, doc.id)]
    changed(req, collection, doc.id, keys, [PREVIEW_ALL])
    return doc
  }

export const settingsChanged: GlobalAfterChangeHook = ({ doc, req }) => {
  changed(req, 'settings', undefined, [SETTINGS], [PREVIEW_ALL])
  return doc
}
