import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readyz } from '../../src/health'
import { mountOperationRoutes, observeEveryRequest } from '../../src/operations/routes'
import { seed } from '../../src/seed'
import { mountWebRoutes } from '../../src/web/routes'
import { invalidationsSettled } from '../../src/web/invalidation'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { serve } from './web-support'

/**
 * The operator's side of the web server, over real HTTP on a real database: readiness, Prometheus
 * metrics behind a bearer token, and a request id on every request and its JSON log line.
 */
let t: TestPayload
let web: { url: string; close: () => Promise<void> }
const logged: string[] = []
const stdoutWrite = process.stdout.write

beforeAll(async () => {
  process.env.LOG_FORMAT = 'json'
  t = await bootPayload('operations')
  await seed(t.payload)
  const app = express()
  const getPayload = async () => t.payload
  observeEveryRequest(app, getPayload)
  mountOperationRoutes(app, getPayload)
  app.get(
    '/readyz-unreachable',
    readyz(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))),
  )
  await mountWebRoutes(app, { payload: getPayload })
  web = await serve(app)
  // Payload's JSON log lines go through process.stdout.write: keep a copy of each.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged.push(String(chunk))
    return (stdoutWrite as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest)
  }) as typeof process.stdout.write
})
afterAll(async () => {
  process.stdout.write = stdoutWrite
  await web?.close()
  await t?.close()
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${web.url}${path}`, { headers })
const messageOf = async (res: Response) => ((await res.json()) as { errors: { message: string }[] }).errors[0].message

describe('/readyz', () => {
  it('is 200 when the database answers and its schema is current, 503 with a message when not', async () => {
    const ok = await get('/readyz')
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ status: 'ready' })
    const down = await get('/readyz-unreachable')
    expect(down.status).toBe(503)
    expect(await messageOf(down)).toContain('database unreachable: connect ECONNREFUSED')
  })
})

describe('/metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    delete process.env.METRICS_TOKEN
    const res = await get('/metrics')
    expect(res.status).toBe(404)
    expect(await messageOf(res)).toBe('Not Found')
  })

  it('refuses a missing or wrong bearer token with 401', async () => {
    process.env.METRICS_TOKEN = 'metrics-secret-token'
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Basic bWV0cmljcw==' }] as Record<
      string,
      string
    >[]) {
      const res = await get('/metrics', headers)
      expect(res.status).toBe(401)
      expect(await messageOf(res)).toContain('bearer token')
    }
  })

  it('serves sends, failures, queue depth, page cache hits and misses and request latency', async () => {
    process.env.METRICS_TOKEN = 'metrics-secret-token'
    const auth = { authorization: 'Bearer metrics-secret-token' }
    const scrape = async () => {
      const res = await get('/metrics', auth)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/plain')
      return res.text()
    }
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `))
      return line === undefined ? undefined : Number(line.slice(series.length + 1))
    }
    // Jobs waiting in the database (scheduled ones, such as the daily notification digest, included).
    const waiting = async () =>
      (
        await t.payload.count({
          collection: 'payload-jobs',
          where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
        })
      ).totalDocs
    const before = await scrape()
    expect(value(before, 'briefing_newsletter_sends_total')).toBe(0)
    expect(value(before, 'briefing_newsletter_send_failures_total')).toBe(0)
    expect(value(before, 'briefing_job_queue_depth{queue="jobs"}')).toBe(await waiting())
    const waitingBefore = await waiting()

    // The seed's second, delayed round of invalidations must not land between the two requests.
    await invalidationsSettled()
    expect((await get('/issues/3-9')).status).toBe(200)
    expect((await get('/issues/3-9')).status).toBe(200)
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 3_600_000),
      input: { type: 'publish', doc: { relationTo: 'issues', value: 'x' as never } },
    })

    const after = await scrape()
    expect(value(after, 'briefing_page_cache_misses_total')).toBe(
      (value(before, 'briefing_page_cache_misses_total') ?? 0) + 1,
    )
    expect(value(after, 'briefing_page_cache_hits_total')).toBe(
      (value(before, 'briefing_page_cache_hits_total') ?? 0) + 1,
    )
    expect(await waiting()).toBeGreaterThan(waitingBefore)
    expect(value(after, 'briefing_job_queue_depth{queue="jobs"}')).toBe(await waiting())
    expect(value(after, 'briefing_job_queue_depth{queue="newsletter-batches"}')).toBe(0)
    const served = value(after, 'briefing_http_request_duration_seconds_count{method="GET",status="200"}') ?? 0
    expect(served).toBeGreaterThanOrEqual(3)
    expect(after).toContain('briefing_http_request_duration_seconds_bucket{le="0.1",method="GET",status="200"}')
  })
})

describe('request ids', () => {
  const logLine = async (requestId: string) => {
    for (let i = 0; i < 50; i++) {
      const line = logged.find((l) => l.includes(`"requestId":"${requestId}"`))
      if (line) return JSON.parse(line) as Record<string, unknown>
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(`no log line for request ${requestId}`)
  }

  it('keeps an acceptable X-Request-Id, echoes it, and logs the request as one JSON line with it', async () => {
    const res = await get('/healthz', { 'x-request-id': 'edge-7f3a.42' })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('edge-7f3a.42')
    const line = await logLine('edge-7f3a.42')
    expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/healthz', status: 200, name: 'briefing' })
    expect(typeof line.ms).toBe('number')
  })

  it('replaces a missing or unacceptable id with a new UUID', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    for (const given of [undefined, 'a b<script>', 'x'.repeat(200), '"quoted"']) {
      const res = await get('/no-such-page', given === undefined ? {} : { 'x-request-id': given })
      const id = res.headers.get('x-request-id') ?? ''
      expect(id).toMatch(uuid)
      expect((await logLine(id)).status).toBe(res.status)
    }
  })
})
