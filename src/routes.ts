import type { Express } from 'express'

import { features } from './features'

/**
 * Public HTTP routes served by express before the Next/Payload handler: each feature's own, in the
 * order of the manifests; the web pages come last because they own `/`.
 */
export async function mountPublicRoutes(app: Express): Promise<void> {
  const ordered = [...features.filter((f) => !f.routesLast), ...features.filter((f) => f.routesLast)]
  for (const feature of ordered) await feature.routes?.(app)
}
