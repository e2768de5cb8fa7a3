import type { CollectionConfig, Plugin } from 'payload'

import { composerEndpoints } from './endpoints'

const withComposer = (c: CollectionConfig): CollectionConfig =>
  c.slug !== 'issues' ? c : { ...c, endpoints: [...(c.endpoints || []), ...composerEndpoints] }

/** Adds the arrange endpoint to issues. */
export const composerPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map(withComposer),
})
