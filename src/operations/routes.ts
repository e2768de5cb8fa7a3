import type { Express } from 'express'
import type { Payload } from 'payload'

import { healthz, readyz } from '../health'
import { metricsHandler, observeRequests } from '../metrics'
import { requestIds } from './requestIds'

/** First of all: every request gets a request id (and its log line) and a latency observation. */
export function observeEveryRequest(app: Express, getPayload: () => Promise<Payload>): void {
  app.use(requestIds(getPayload))
  app.use(observeRequests)
}

/**
 * What operators and load balancers use: `/healthz` (liveness), `/readyz` (readiness: database and
 * migrations) and `/metrics` (Prometheus, behind METRICS_TOKEN).
 */
export function mountOperationRoutes(app: Express, getPayload: () => Promise<Payload>): void {
  app.get('/healthz', healthz(getPayload))
  app.get('/readyz', readyz(getPayload))
  app.get('/metrics', metricsHandler(getPayload))
}
