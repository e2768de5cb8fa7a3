import type { RequestHandler } from 'express'
import type { Payload } from 'payload'
import { pendingMigrations } from './lib/migrations'
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

/**
 * `GET /readyz`: 200 when this instance can serve (the database answers and every shipped migration
 * has run), else 503 with the reason; a proxy sends traffic only to ready instances.
 */
export const readyz =
  (getPayload: () => Promise<Payload>): RequestHandler =>
  async (_req, res) => {
    const notReady = (message: string) => res.status(503).json({ status: 'not ready', errors: [{ message }] })
    try {
      const payload = await getPayload()
      // Reads the migrations table: a database that does not answer throws here.
      const pending = await pendingMigrations(payload)
      if (pending.length) {
        notReady(`${pending.length} migration(s) not run: ${pending.join(', ')} (run briefing migrate)`)
        return
      }
      res.json({ status: 'ready', database: { adapter: payload.db.name, migrations: 'done' } })
    } catch (err) {
      notReady(`database unreachable: ${(err as Error).message}`)
    }
  }
