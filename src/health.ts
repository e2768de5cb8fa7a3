import type { Express } from 'express'

import { getBriefingPayload } from './lib/payload'

/** GET /healthz: the process answers and the database does (JSON, 503 when it does not). */
export function mountHealth(app: Express): void {
  app.get('/healthz', async (_req, res) => {
    try {
      const payload = await getBriefingPayload()
      const started = Date.now()
      await payload.count({ collection: 'sections', overrideAccess: true })
      res.json({ status: 'ok', database: { status: 'ok', adapter: payload.db.name, latencyMs: Date.now() - started } })
    } catch (err) {
      res.status(503).json({ status: 'error', database: { status: 'error', message: (err as Error).message } })
    }
  })
}
