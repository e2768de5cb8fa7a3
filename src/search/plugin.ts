import type { Plugin } from 'payload'

import { withGlossary } from '../glossary/config'
import { withReuse } from '../reuse/config'
import { withSearchAdmin } from './admin/config'
import { withSearchHooks } from './hooks'

/**
 * Search, glossary consistency and reuse: index-sync hooks on the searchable collections, item fields
 * and endpoints (reuse, related, term suggestions), and the admin views (Search, Consistency).
 */
export const searchPlugin: Plugin = (config) => {
  const collections = withSearchHooks(config.collections ?? [])
  return withSearchAdmin(withGlossary(withReuse({ ...config, collections })))
}
