import { NotFound, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { parseId } from './db'

/**
 * An id this database cannot have (`/api/items/not-an-id` on Postgres, whose integer and uuid columns
 * reject it with a 500) is simply not found: a 404 before the query is sent.
 */
const rejectForeignId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if ((typeof id === 'string' || typeof id === 'number') && parseId(req.payload, id) === undefined)
    throw new NotFound(req.t)
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
