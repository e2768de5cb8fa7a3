import type { CollectionConfig, Config } from 'payload'

import { preflightEndpoint } from './endpoint'

function extend(c: CollectionConfig): CollectionConfig {
  if (c.slug !== 'issues') return c
  return { ...c, endpoints: [...(c.endpoints || []), preflightEndpoint] }
}

/** Preflight: `GET /api/issues/:id/preflight`. */
export const withPreflight = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(extend),
})
