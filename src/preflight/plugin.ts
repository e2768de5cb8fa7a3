import type { CollectionConfig, Config } from 'payload'

import { preflightEndpoint } from './endpoint'
import { overridesField, preflightPanelField, publishOverrideField } from './fields'
import { publishGate } from './gate'

function extend(c: CollectionConfig): CollectionConfig {
  if (c.slug !== 'issues') return c
  return {
    ...c,
    fields: [...c.fields, preflightPanelField, publishOverrideField, overridesField],
    endpoints: [...(c.endpoints || []), preflightEndpoint],
    hooks: { ...c.hooks, beforeChange: [...(c.hooks?.beforeChange ?? []), publishGate] },
  }
}

/** Preflight: `GET /api/issues/:id/preflight`, the publish gate and its overrides on issues. */
export const withPreflight = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(extend),
})
