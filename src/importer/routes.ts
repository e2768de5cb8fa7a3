import type { Express } from 'express'

import { startParseThread } from './formats/inWorker'

/**
 * Express routes of this feature, mounted before the Next/Payload handler. None yet; the server
 * starts the import parse thread here, so that no request pays for starting it.
 */
export async function mountImporterRoutes(app: Express): Promise<void> {
  void app
  startParseThread()
}
