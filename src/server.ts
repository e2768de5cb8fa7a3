import './checkConfiguration'

import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import express, { type Express } from 'express'
import next from 'next'

import { isProduction, port as envPort } from './env'
import { getBriefingPayload } from './lib/payload'
import { mountPublicRoutes } from './routes'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Security headers for every response (the admin needs inline scripts, so no strict CSP here). */
const securityHeaders: express.RequestHandler = (_req, res, nextFn) => {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  if (isProduction) res.setHeader('Strict-Transport-Security', 'max-age=15552000')
  nextFn()
}

export async function startServer(
  port = envPort(),
): Promise<{ app: Express; server: http.Server; close: () => Promise<void> }> {
  process.env.PORT = String(port)
  const app = express()
  app.disable('x-powered-by')
  const server = http.createServer(app)
  const nextApp = next({ dev: !isProduction, dir: root, hostname: 'localhost', port, httpServer: server })
  const handle = nextApp.getRequestHandler()
  await nextApp.prepare()
  const maybeWs = nextApp as unknown as { setupWebSocketHandler?: (s: http.Server) => void }
  maybeWs.setupWebSocketHandler?.(server)

  app.use(securityHeaders)
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
  await mountPublicRoutes(app)
  app.all('/{*splat}', (req, res) => handle(req, res))

  await new Promise<void>((resolve) => server.listen(port, resolve))
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return { app, server, close }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  startServer()
    .then(() => console.log(`Briefing on http://localhost:${envPort()} (admin /admin, API /api)`))
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
