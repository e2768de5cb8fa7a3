import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, PayloadRequest } from 'payload'

import { afterCommit } from '../lib/afterCommit'
import { isVersioned, type SearchCollection } from './engine'
import { indexSaved, publishedIndexed, removeSaved } from './indexing'
import { hasPublished, index, remove, SEARCH_COLLECTIONS } from './service'
import { usesStore } from './store'
import { asSystem } from '../lib/system'

/** Keep the index in step with a saved document (a draft save keeps the public version unless it was unpublished). */
const afterChange =
  (collection: SearchCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const stored = usesStore(req.payload)
    const versioned = isVersioned(collection)
    const indexed = stored ? await publishedIndexed(req, collection, doc.id) : hasPublished(collection, doc.id)
    if (versioned && doc._status !== 'published' && indexed) {
      const main = await req.payload.find({
        collection,
        where: { id: { equals: doc.id } },
        draft: false,
        depth: 0,
        limit: 1,
        req,
        ...asSystem('searchIndex'),
      })
      if ((main.docs[0] as { _status?: string } | undefined)?._status !== 'published') {
        if (stored) await removeSaved(req, collection, doc.id, 'published')
        else afterCommit(req, () => remove(collection, doc.id, 'published'))
      }
    }
    if (stored) await indexSaved(req, collection, doc)
    else afterCommit(req, () => index(collection, doc))
    if (collection === 'issues') await reindexItemsOf(req, doc.id)
    return doc
  }

/** A published item is public only while its issue is: re-index them after the issue's own entry. */
async function reindexItemsOf(req: PayloadRequest, issue: number | string): Promise<void> {
  const items = await req.payload.find({
    collection: 'items',
    where: { and: [{ issue: { equals: issue } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    req,
    ...asSystem('searchIndex'),
  })
  const docs = items.docs as unknown as Parameters<typeof index>[1][]
  if (usesStore(req.payload)) for (const item of docs) await indexSaved(req, 'items', item)
  else afterCommit(req, () => docs.forEach((item) => index('items', item)))
}

const afterDelete =
  (collection: SearchCollection): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    if (usesStore(req.payload)) await removeSaved(req, collection, id)
    else afterCommit(req, () => remove(collection, id))
  }

/** Add the index-sync hooks to the searchable collections. */
export function withSearchHooks(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => {
    const slug = c.slug as SearchCollection
    if (!SEARCH_COLLECTIONS.includes(slug)) return c
    return {
      ...c,
      hooks: {
        ...c.hooks,
        afterChange: [...(c.hooks?.afterChange ?? []), afterChange(slug)],
        afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete(slug)],
      },
    }
  })
}
