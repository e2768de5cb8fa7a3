import { NotFound, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { parseId } from './db'

/**
 * An id this database cannot have is simply not found: a 404 before the query is sent. Without this,
 * `/api/items/not-an-id` is a 500 on Postgres (its integer and uuid columns reject the value), and
 * `/api/items/1abc` serves item 1 on numeric ids (Payload's REST layer parseFloat()s the URL id first,
 * so the raw route id is checked too).
 */
const rejectForeignId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (typeof id !== 'string' && typeof id !== 'number') return args
  const raw = req.routeParams?.id
  const fromUrl = typeof raw === 'string' && typeof id === 'number' && parseFloat(raw) === id ? raw : undefined
  for (const value of fromUrl === undefined ? [id] : [id, fromUrl])
    if (parseId(req.payload, value) === undefined) throw new NotFound(req.t)
  return args
}

/** Adds rejectForeignId to every collection (findByID, updateByID, deleteByID over REST, GraphQL, Local API). */
export const opaqueIdsPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), rejectForeignId],
    },
  })),
})
