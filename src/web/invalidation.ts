import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { webCacheRecheckMs } from '../env'
import { relationId } from '../lib/relations'
import { bumpPreview, invalidate } from './cache'
import { doc as docKey, list, nav, SETTINGS } from './deps'
import { asSystem } from '../lib/system'

/**
 * Payload hooks that drop exactly the cached pages showing a changed document. They run again
 * a moment later, so a page rendered while the change's transaction was still open is dropped too.
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

export const itemChanged: CollectionAfterChangeHook = ({ doc, previousDoc }) => {
  bumpPreview([...ids(doc.issue), ...ids(previousDoc?.issue)].map(String))
  if (isPublished(doc) || isPublished(previousDoc)) invalidateSoon(itemKeys([doc, previousDoc]))
  return doc
}

export const itemDeleted: CollectionAfterDeleteHook = ({ doc }) => {
  bumpPreview(ids(doc.issue).map(String))
  invalidateSoon(itemKeys([doc]))
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
  bumpPreview([String(doc.id)])
  if (isPublished(doc) || isPublished(previousDoc)) invalidateSoon(await issueKeys(req, [doc, previousDoc]))
  return doc
}

export const issueDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  bumpPreview([String(doc.id)])
  invalidateSoon(await issueKeys(req, [doc]))
  return doc
}

/** Sections, sources, glossary terms, media: the document itself and the lists of its collection. */
export const referenceChanged =
  (collection: string): CollectionAfterChangeHook =>
  ({ doc }) => {
    bumpPreview([], true)
    invalidateSoon([docKey(collection, doc.id), list(collection)])
    return doc
  }

export const referenceDeleted =
  (collection: string): CollectionAfterDeleteHook =>
  ({ doc }) => {
    bumpPreview([], true)
    invalidateSoon([docKey(collection, doc.id), list(collection), list(collection, doc.id)])
    return doc
  }

export const settingsChanged: GlobalAfterChangeHook = ({ doc }) => {
  bumpPreview([], true)
  invalidateSoon([SETTINGS])
  return doc
}
