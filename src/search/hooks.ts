import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, PayloadRequest } from 'payload'

import { afterCommit } from '../lib/afterCommit'
import type { SearchCollection } from './engine'
import { hasPublished, index, remove, SEARCH_COLLECTIONS } from './service'
import { asSystem } from '../lib/system'

/** Keep the index in step with a saved document (a draft save keeps the public version unless it was unpublished). */
const afterChange =
  (collection: SearchCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const versioned = collection === 'items' || collection === 'issues'
    if (versioned && doc._status !== 'published' && hasPublished(collection, doc.id)) {
      const main = await req.payload.find({
        collection,
        where: { id: { equals: doc.id } },
        draft: false,
        depth: 0,
        limit: 1,
        req,
        ...asSystem('searchIndex'),
      })
      if (main.docs[0]?._status !== 'published') afterCommit(req, () => remove(collection, doc.id, 'published'))
    }
    afterCommit(req, () => index(collection, doc))
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
  afterCommit(req, () => items.docs.forEach((item) => index('items', item as unknown as Parameters<typeof index>[1])))
}

const afterDelete =
  (collection: SearchCollection): CollectionAfterDeleteHook =>
  ({ id, req }) => {
    afterCommit(req, () => remove(collection, id))
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
