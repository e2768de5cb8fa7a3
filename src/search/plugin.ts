import type { Plugin } from 'payload'

import { onRemoteChange } from '../changes/feed'
import { installAfterCommit } from '../lib/afterCommit'
import { withSearchAdmin } from './admin/config'
import { searchEndpoint } from './endpoint'
import { refreshSearchFromFeed } from './feed'
import { usesStore } from './store'
import { withSearchHooks } from './hooks'

/**
 * Search: index-sync hooks on the searchable collections, `GET /api/search` and the admin Search view.
 * (Glossary and reuse are features of their own: src/glossary, src/reuse.)
 */
export const searchPlugin: Plugin = (config) => {
  const collections = withSearchHooks(config.collections ?? [])
  const onInit = config.onInit
  return withSearchAdmin({
    ...config,
    collections,
    endpoints: [...(config.endpoints ?? []), searchEndpoint],
    // The index follows committed data only (see afterCommit in the hooks).
    onInit: async (payload) => {
      installAfterCommit(payload)
      // On MongoDB each process holds its own in-memory index: documents saved by other instances reach
      // it through the change feed. Where the index is in the database, every instance already reads it.
      if (!usesStore(payload)) onRemoteChange(refreshSearchFromFeed)
      await onInit?.(payload)
    },
  })
}
