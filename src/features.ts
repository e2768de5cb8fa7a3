import type { Plugin } from 'payload'

import { analyticsFeature } from './analytics'
import { backupFeature } from './backup'
import { composerFeature } from './composer'
import type { Feature } from './feature'
import { glossaryFeature } from './glossary'
import { importerFeature } from './importer'
import { jobsFeature } from './jobs'
import { publicationsFeature } from './publications'
import { opaqueIdsPlugin } from './lib/opaqueIds'
import { newsletterFeature } from './newsletter'
import { preflightFeature } from './preflight'
import { reuseFeature } from './reuse'
import { searchFeature } from './search'
import { securityPlugin } from './security/plugin'
import { webFeature } from './web'
import { workflowFeature } from './workflow'

/** Every capability, each from its own `src/<feature>/index.ts` manifest. */
export const features: Feature[] = [
  webFeature,
  importerFeature,
  jobsFeature,
  newsletterFeature,
  analyticsFeature,
  searchFeature,
  reuseFeature,
  composerFeature,
  glossaryFeature,
  backupFeature,
  publicationsFeature,
  workflowFeature,
  preflightFeature,
]

/**
 * The features' plugins extend the Payload config (collections, endpoints, hooks, admin views), so the
 * core config stays small. Opaque ids and the security plugin come last: they apply to every
 * collection and global, including those the features add.
 */
export const featurePlugins: Plugin[] = [
  ...features.flatMap((feature) => (feature.plugin ? [feature.plugin] : [])),
  opaqueIdsPlugin,
  securityPlugin,
]
