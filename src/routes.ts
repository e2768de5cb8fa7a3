import type { Express } from 'express'

import { mountImporterRoutes } from './importer/routes'
import { mountNewsletterRoutes } from './newsletter/routes'
import { mountSearchRoutes } from './search/routes'
import { mountWebRoutes } from './web/routes'

/**
 * Public HTTP routes served by express before the Next/Payload handler. Each capability owns
 * its router module; the web pages come last because they own `/`.
 */
export async function mountPublicRoutes(app: Express): Promise<void> {
  await mountNewsletterRoutes(app)
  await mountSearchRoutes(app)
  await mountImporterRoutes(app)
  await mountWebRoutes(app)
}
