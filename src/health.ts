import type { RequestHandler } from 'express'
import type { Payload } from 'payload'
import { asSystem } from './lib/system'

/** `GET /healthz`: 200 with the database round-trip time, 503 when the database does not answer. */
export const healthz =
  (getPayload: () => Promise<Payload>): RequestHandler =>
  async (_req, res) => {
    try {
      const payload = await getPayload()
      const started = Date.now()
      await payload.count({ collection: 'sections', ...asSystem('health') })
      res.json({ status: 'ok', database: { status: 'ok', adapter: payload.db.name, latencyMs: Date.now() - started } })
    } catch (err) {
      res.status(503).json({ status: 'error', database: { status: 'error', message: (err as Error).message } })
    }
  }
