import './checkConfiguration'

import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import express, { type Express } from 'express'
import next from 'next'

import { isProduction, port as envPort, setPort } from './env'
import { closeDatabase } from './lib/db'
import { getBriefingPayload } from './lib/payload'
import { onShutdownSignal } from './operations/shutdown'
import { mountOperationRoutes, observeEveryRequest } from './operations/routes'
import { mountPublicRoutes } from './routes'
import { applyEdgeSecurity } from './security/edge'
import { mountGraphqlRoute } from './security/graphqlRoute'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The express layer: what express answers itself (request ids and metrics, the security edge, /healthz, /readyz, /metrics, GraphQL, every
 * feature's public routes). `startServer` hands everything else to Next (admin, REST).
 */
export async function createApp(): Promise<Express> {
  const app = express()
  observeEveryRequest(app, getBriefingPayload)
  applyEdgeSecurity(app)
  mountOperationRoutes(app, getBriefingPayload)
  mountGraphqlRoute(app)
  await mountPublicRoutes(app)
  return app
}

export async function startServer(
  port = envPort(),
): Promise<{ app: Express; server: http.Server; close: () => Promise<void> }> {
  setPort(port)
  const server = http.createServer()
  const nextApp = next({ dev: !isProduction, dir: root, hostname: 'localhost', port, httpServer: server })
  const handle = nextApp.getRequestHandler()
  await nextApp.prepare()
  const maybeWs = nextApp as unknown as { setupWebSocketHandler?: (s: http.Server) => void }
  maybeWs.setupWebSocketHandler?.(server)

  const app = await createApp()
  app.all('/{*splat}', (req, res) => handle(req, res))
  server.on('request', app)

  await new Promise<void>((resolve) => server.listen(port, resolve))
  // Stop accepting, let requests in flight finish (idle keep-alive connections are closed now).
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
  // SIGTERM: drain HTTP and the in-process send queue, close the database, exit 0.
  onShutdownSignal(`briefing server ${process.pid}`, () => {
    const jobs = import('./jobs/worker').then(({ drainBackgroundJobs }) => drainBackgroundJobs())
    void Promise.all([close(), jobs])
      // Opens and clicks answered but still buffered are written before the database closes.
      .then(() => import('./analytics/events').then(({ flushEngagementEvents }) => flushEngagementEvents()))
      .then(async () => closeDatabase(await getBriefingPayload()))
      .then(() => process.exit(0))
  })
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
