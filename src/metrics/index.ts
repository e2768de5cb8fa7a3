import { timingSafeEqual } from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

import { metricsToken } from '../env'
import { asSystem } from '../lib/system'

/**
 * Prometheus metrics of this process, in one registry. Other modules import the metric they
 * increment (one line at the point where it happens); `GET /metrics` serves them all.
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: 'briefing_' })

export const newsletterSends = new Counter({
  name: 'briefing_newsletter_sends_total',
  help: 'Newsletter messages accepted by the SMTP server (or written to the outbox)',
  registers: [registry],
})

export const newsletterSendFailures = new Counter({
  name: 'briefing_newsletter_send_failures_total',
  help: 'Newsletter messages refused permanently (recorded as failed)',
  registers: [registry],
})

export const pageCacheHits = new Counter({
  name: 'briefing_page_cache_hits_total',
  help: 'Public pages served from the page cache',
  registers: [registry],
})

export const pageCacheMisses = new Counter({
  name: 'briefing_page_cache_misses_total',
  help: 'Public pages rendered because the page cache had no fresh copy',
  registers: [registry],
})

export const jobQueueDepth = new Gauge({
  name: 'briefing_job_queue_depth',
  help: 'Work waiting in the database: Payload jobs not yet completed, and newsletter delivery batches pending',
  labelNames: ['queue'],
  registers: [registry],
})

export const requestDuration = new Histogram({
  name: 'briefing_http_request_duration_seconds',
  help: 'HTTP request latency, from the request to the end of the response',
  labelNames: ['method', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

/** Express middleware: observe every request's latency. */
export const observeRequests: RequestHandler = (req, res, next) => {
  const end = requestDuration.startTimer({ method: req.method })
  res.once('finish', () => end({ status: String(res.statusCode) }))
  next()
}

/** Read the queue depths from the database (they are shared by every instance). */
async function updateQueueDepth(payload: Payload): Promise<void> {
  const jobs = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    ...asSystem('health'),
  })
  jobQueueDepth.set({ queue: 'jobs' }, jobs.totalDocs)
  const batches = await payload.count({
    collection: 'delivery-batches',
    where: { state: { in: ['pending', 'sending'] } },
    ...asSystem('health'),
  })
  jobQueueDepth.set({ queue: 'newsletter-batches' }, batches.totalDocs)
}

const sameToken = (given: string, wanted: string): boolean => {
  const a = Buffer.from(given)
  const b = Buffer.from(wanted)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * `GET /metrics` in Prometheus' text format, behind `Authorization: Bearer $METRICS_TOKEN`.
 * Without METRICS_TOKEN the route does not exist (404); a missing or wrong token is a 401.
 */
export const metricsHandler =
  (getPayload: () => Promise<Payload>): RequestHandler =>
  async (req, res) => {
    const token = metricsToken()
    if (!token) {
      res.status(404).json({ errors: [{ message: 'Not Found' }] })
      return
    }
    const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim() ?? ''
    if (!sameToken(given, token)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"')
      res.status(401).json({ errors: [{ message: 'A valid bearer token is required for /metrics' }] })
      return
    }
    try {
      await updateQueueDepth(await getPayload())
    } catch (err) {
      jobQueueDepth.reset()
      ;(await getPayload().catch(() => null))?.logger.warn({ err }, 'metrics: queue depth unavailable')
    }
    res.set('Content-Type', registry.contentType)
    res.send(await registry.metrics())
  }
