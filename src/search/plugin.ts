import type { Plugin } from 'payload'

import { installAfterCommit } from '../lib/afterCommit'
import { withSearchAdmin } from './admin/config'
import { searchEndpoint } from './endpoint'
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
      await onInit?.(payload)
    },
  })
}
