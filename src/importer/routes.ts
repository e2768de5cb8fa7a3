import type { Express } from 'express'

/** Express routes of this feature, mounted before the Next/Payload handler. */
export async function mountImporterRoutes(app: Express): Promise<void> {
  void app
}
