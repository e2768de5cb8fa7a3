import type { Payload } from 'payload'

import type { Change } from '../changes/feed'
import { parseId } from '../lib/db'
import { isVersioned, type SearchCollection } from './engine'
import { index, remove, SEARCH_COLLECTIONS } from './service'
import { asSystem } from '../lib/system'

type Doc = Record<string, unknown> & { id: number | string; _status?: string | null }

const read = async (payload: Payload, collection: SearchCollection, id: number | string, draft: boolean) =>
  (
    await payload.find({
      collection,
      where: { id: { equals: id } },
      draft,
      depth: 0,
      limit: 1,
      ...asSystem('searchIndex'),
      joins: false as never,
    })
  ).docs[0] as unknown as Doc | undefined

/**
 * A searchable document changed in another process (change feed): re-read it and update this
 * instance's in-memory index as the local hooks do (hooks.ts). MongoDB only: on SQLite and PostgreSQL
 * the index lives in the database and every instance reads it (search/plugin.ts registers this there only).
 */
export async function refreshSearchFromFeed(change: Change, payload: Payload): Promise<void> {
  const collection = change.collection as SearchCollection
  if (!SEARCH_COLLECTIONS.includes(collection)) return
  const id = parseId(payload, change.docId)
  if (id === undefined) return
  const versioned = isVersioned(collection)
  const latest = await read(payload, collection, id, versioned)
  if (!latest) return remove(collection, id)
  if (versioned && latest._status !== 'published') {
    const main = await read(payload, collection, id, false)
    if (main?._status !== 'published') remove(collection, id, 'published')
  }
  index(collection, latest)
  if (collection !== 'issues') return
  const items = await payload.find({
    collection: 'items',
    where: { and: [{ issue: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    ...asSystem('searchIndex'),
  })
  for (const item of items.docs) index('items', item as unknown as Doc)
}
