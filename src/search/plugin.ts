import type { Plugin } from 'payload'

import { onRemoteChange } from '../changes/feed'
import { withGlossary } from '../glossary/config'
import { installAfterCommit } from '../lib/afterCommit'
import { withReuse } from '../reuse/config'
import { withSearchAdmin } from './admin/config'
import { refreshSearchFromFeed } from './feed'
import { withSearchHooks } from './hooks'

/**
 * Search, glossary consistency and reuse: index-sync hooks on the searchable collections, item fields
 * and endpoints (reuse, related, term suggestions), and the admin views (Search, Consistency).
 */
export const searchPlugin: Plugin = (config) => {
  const collections = withSearchHooks(config.collections ?? [])
  const onInit = config.onInit
  return withSearchAdmin(
    withGlossary(
      withReuse({
        ...config,
        collections,
        // The index follows committed data only (see afterCommit in the hooks).
        onInit: async (payload) => {
          installAfterCommit(payload)
          // Documents saved by other instances reach this index through the change feed.
          onRemoteChange(refreshSearchFromFeed)
          await onInit?.(payload)
        },
      }),
    ),
  )
}
