import type { Plugin } from 'payload'

import { importerPlugin } from './importer/plugin'
import { jobsPlugin } from './jobs/plugin'
import { opaqueIdsPlugin } from './lib/opaqueIds'
import { newsletterPlugin } from './newsletter/plugin'
import { searchPlugin } from './search/plugin'
import { securityPlugin } from './security/plugin'
import { webPlugin } from './web/plugin'

/**
 * Each capability extends the Payload config through one plugin that it owns (collections,
 * endpoints, hooks, admin views), so the core config stays small. The security plugin comes last:
 * it hardens every collection and global, including those the other plugins add.
 */
export const featurePlugins: Plugin[] = [
  webPlugin,
  importerPlugin,
  jobsPlugin,
  newsletterPlugin,
  searchPlugin,
  opaqueIdsPlugin,
  securityPlugin,
]
