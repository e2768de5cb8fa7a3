import http from 'node:http'
import type { AddressInfo } from 'node:net'

import express, { type Express } from 'express'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { mountNewsletterRoutes } from '../../src/newsletter/routes'
import { CLIENT_IP_HEADER } from '../../src/security/clientIp'
import { applyEdgeSecurity, BODY_LIMITS } from '../../src/security/edge'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * The express edge (issue 11, items 15, 20, 21) over real HTTP on 127.0.0.1: client addresses
 * behind a proxy, CSP and no-store headers, body limits and JSON errors. The Next/Payload
 * handler is stood in for by a route that echoes what reached it.
 */
const servers: http.Server[] = []
// The subscribe limit is counted in the database: this file gets its own (never the dev database in
// data/, whose rows outlive a run and whose id type may not be this run's DATABASE_ID_TYPE).
let booted: TestPayload | undefined
afterAll(async () => {
  servers.forEach((s) => s.close())
  await booted?.close()
})
afterEach(() => {
  delete process.env.TRUST_PROXY
})

async function start(setup?: (app: Express) => Promise<void> | void): Promise<string> {
  const app = express()
  applyEdgeSecurity(app)
  await setup?.(app)
  // Stand-in for the Next handler: what arrived, and how much body it could still read.
  app.all('/{*splat}', async (req, res) => {
    let bytes = 0
    for await (const chunk of req) bytes += (chunk as Buffer).length
    res.json({ ip: req.headers[CLIENT_IP_HEADER], bytes })
  })
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await new Promise((r) => server.once('listening', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says so, and overwrites a forged address header', async () => {
    const base = await start()
    const res = await fetch(`${base}/api/x`, {
      headers: { 'x-forwarded-for': '203.0.113.9', [CLIENT_IP_HEADER]: '1.2.3.4' },
    })
    expect(((await res.json()) as { ip: string }).ip).toMatch(/127\.0\.0\.1$/)
  })

  it('with TRUST_PROXY=1 takes the address the proxy saw, for login and subscribe limits alike', async () => {
    booted = await bootPayload('security-http')
    process.env.TRUST_PROXY = '1'
    const base = await start((app) =>
      mountNewsletterRoutes(app, { worker: false, subscribeLimit: { max: 1, windowMs: 60_000 } }),
    )
    const res = await fetch(`${base}/api/x`, { headers: { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' } })
    expect(((await res.json()) as { ip: string }).ip).toBe('203.0.113.9')
    // The honeypot answer needs no database; the limiter counts per forwarded client.
    const subscribe = (ip: string) =>
      fetch(`${base}/subscribe`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': ip,
          accept: 'application/json',
        },
        body: 'website=bot&email=a%40example.com',
      })
    expect((await subscribe('203.0.113.1')).status).toBe(202)
    expect((await subscribe('203.0.113.1')).status).toBe(429)
    expect((await subscribe('203.0.113.2')).status).toBe(202)
  })
})

describe('headers', () => {
  it('sends a Content-Security-Policy on public pages and on the admin', async () => {
    const base = await start()
    const page = await fetch(`${base}/issues/4-68`)
    const publicCsp = page.headers.get('content-security-policy') ?? ''
    expect(publicCsp).toContain("default-src 'self'")
    expect(publicCsp).toContain("script-src 'self';")
    expect(publicCsp).toContain("object-src 'none'")
    expect(publicCsp).toContain("frame-ancestors 'self'")
    const admin = await fetch(`${base}/admin`)
    expect(admin.headers.get('content-security-policy')).toContain("object-src 'none'")
  })

  it('marks authenticated API answers private, no-store', async () => {
    const base = await start()
    for (const headers of [{ authorization: 'JWT abc' }, { cookie: 'payload-token=abc' }] as HeadersInit[]) {
      const res = await fetch(`${base}/api/users/me`, { headers })
      expect(res.headers.get('cache-control')).toBe('private, no-store')
    }
    expect((await fetch(`${base}/api/issues`)).headers.get('cache-control')).toBeNull()
  })
})

describe('request bodies', () => {
  it('refuses a JSON body over 1 MB with 413 and a message, before reading it', async () => {
    const base = await start()
    const res = await fetch(`${base}/api/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ headline: 'x'.repeat(5 * BODY_LIMITS.json) }),
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/too large/i)
  })

  it('lets uploads through up to their own limit', async () => {
    const base = await start()
    const form = new FormData()
    form.set('file', new Blob([Buffer.alloc(2 * 1024 * 1024)]), 'a.png')
    const ok = await fetch(`${base}/api/media`, { method: 'POST', body: form })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { bytes: number }).bytes).toBeGreaterThan(2 * 1024 * 1024)
    const big = new FormData()
    big.set('file', new Blob([Buffer.alloc(BODY_LIMITS.upload + 1)]), 'b.png')
    expect((await fetch(`${base}/api/media`, { method: 'POST', body: big })).status).toBe(413)
  })

  it('refuses a streamed body of unknown length that grows past the limit', async () => {
    const base = await start()
    const { port } = new URL(base)
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/api/items',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      })
      req.on('response', (res) => resolve(res.statusCode ?? 0))
      req.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      let sent = 0
      const pump = () => {
        while (sent < 4 * BODY_LIMITS.json) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        req.end()
      }
      pump()
    })
    expect([411, 413]).toContain(status)
  })

  it('answers malformed JSON to /subscribe with 400 JSON, not an HTML stack trace', async () => {
    const base = await start((app) => mountNewsletterRoutes(app, { worker: false }))
    const res = await fetch(`${base}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@example.com",',
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await res.json()) as { errors: Array<{ message: string }> }
    expect(body.errors[0].message).toMatch(/JSON/)
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|node_modules/)
  })
})
