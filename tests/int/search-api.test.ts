import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mountSearchRoutes } from '../../src/search/routes'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { mountPayloadApi } from '../helpers/rest'
import { buildArchive, type Archive } from './search-fixtures'

let t: TestPayload
let a: Archive
let server: Server
let base: string

beforeAll(async () => {
  process.env.BRIEFING_SEARCH_EAGER = '1'
  t = await bootPayload('search-api')
  a = await buildArchive(t.payload)
  const app = express()
  await mountPayloadApi(app) // GET /api/search: Payload's endpoint, as the Next route serves it
  await mountSearchRoutes(app, async () => t.payload)
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await t?.close()
})

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, { headers })
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? await res.json() : await res.text()
  return { status: res.status, body, cacheControl: res.headers.get('cache-control') }
}
const q = (value: string) => encodeURIComponent(value)

describe('GET /api/search', () => {
  it('answers { docs: [{ collection, id, title, snippet, url }], totalDocs } for anonymous callers', async () => {
    const { status, body, cacheControl } = await get(`/api/search?q=${q('清零')}&limit=10`)
    expect(status).toBe(200)
    expect(cacheControl).toBe('public, max-age=30')
    expect(body.totalDocs).toBe(3) // two published items and the glossary term
    for (const doc of body.docs) {
      expect(doc).toEqual(
        expect.objectContaining({
          collection: expect.any(String),
          id: expect.anything(),
          title: expect.any(String),
          snippet: expect.any(String),
          url: expect.any(String),
        }),
      )
    }
    expect(body.docs.map((d: { collection: string; id: unknown }) => `${d.collection}:${d.id}`).sort()).toEqual(
      [`glossary-terms:${a.dynamicZero}`, `items:${a.zeroBrief}`, `items:${a.zeroFull}`].sort(),
    )
    const limited = await get(`/api/search?q=${q('清零')}&limit=1`)
    expect(limited.body).toMatchObject({ totalDocs: 3, docs: [expect.anything()] })
  })

  it('applies filters given in the query string', async () => {
    const { body } = await get(`/api/search?q=${q('dynamic')}&section=organization-work`)
    expect(body.docs.map((d: { id: unknown }) => String(d.id))).toEqual([String(a.zeroBrief)])
    const dated = await get(`/api/search?q=xi&from=2024-03-01&to=2024-03-31&collection=items`)
    expect(dated.body.docs.map((d: { id: unknown }) => String(d.id))).toEqual([String(a.forces)])
  })

  it('shows drafts to signed-in staff only', async () => {
    expect((await get(`/api/search?q=zebrafish`)).body).toEqual({ docs: [], totalDocs: 0 })
    const user = await makeUser(t.payload, 'contributor')
    const { token } = await t.payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct-horse-battery' },
    })
    const staff = await get(`/api/search?q=zebrafish`, { authorization: `JWT ${token}` })
    expect(staff.cacheControl).toBe('private, no-store')
    expect(staff.body.docs.map((d: { id: unknown }) => String(d.id))).toEqual([String(a.draftItem)])
    const cookie = await get(`/api/search?q=zebrafish`, {
      cookie: `payload-token=${token}`,
      'sec-fetch-site': 'same-origin',
    })
    expect(cookie.body.totalDocs).toBe(1)
    const forged = await get(`/api/search?q=zebrafish`, { authorization: 'JWT not-a-token' })
    expect(forged.body.totalDocs).toBe(0)
  })

  it('answers hostile queries with an empty result or a 4xx, never a 500', async () => {
    const started = Date.now()
    const cases: Array<[string, number]> = [
      [`/api/search?q=${q('x'.repeat(10_240))}`, 400],
      [`/api/search?q=${q('清'.repeat(1_000))}`, 400],
      [`/api/search?q=${q('清'.repeat(10_240))}`, 431], // 92 KB of URL: refused by the HTTP server itself
      [`/api/search?q=${q('.*+?^${}()|[]\\/')}`, 200],
      [`/api/search?q=${q('   ')}`, 200],
      [`/api/search`, 200],
      [`/api/search?q[$gt]=a`, 200], // express 5 parses query strings flat: no operator objects
      [`/api/search?q=a&q=b`, 400],
      [`/api/search?q=xi&limit=abc`, 400],
      [`/api/search?q=xi&limit=-1`, 400],
      [`/api/search?q=xi&from=yesterday`, 400],
      [`/api/search?q=xi&collection=users`, 400],
    ]
    for (const [path, status] of cases) {
      const res = await get(path)
      expect(res.status, path.slice(0, 60)).toBe(status)
      if (status === 200) expect(res.body).toEqual({ docs: [], totalDocs: 0 })
      else if (status === 400) expect(res.body.errors[0].message).toEqual(expect.any(String))
    }
    const many = await get(`/api/search?q=${q(Array.from({ length: 45 }, (_, i) => `w${i}`).join(' '))}`)
    expect(many.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('GET /search (public page)', () => {
  it('lists published results with escaped, highlighted snippets', async () => {
    const { status, body } = await get(`/search?q=${q('动态清零 shanghai')}`)
    expect(status).toBe(200)
    expect(body).toContain('1 result for “动态清零 shanghai”')
    expect(body).toContain('<mark>动态清零</mark>')
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).not.toContain('<script>alert(1)')
    expect(body).toContain('<a href="/search" aria-current="page">Search</a>') // the web edition's layout
    expect(body).toContain(`href="/items/${a.zeroBrief}"`)
  })

  it('never shows drafts and escapes the echoed query', async () => {
    const { body } = await get(`/search?q=${q('zebrafish <img src=x onerror=alert(1)>')}`)
    expect(body).toContain('0 results')
    expect(body).not.toContain('<img src=x')
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;')
    const filtered = await get(`/search?q=${q('dynamic')}&section=organization-work&from=2022-01-01&to=2022-12-31`)
    expect(filtered.body).toContain('1 result for “dynamic”')
    expect(filtered.body).toContain('<option value="organization-work" selected>Organization Work</option>')
    expect(filtered.body).toContain(`href="/items/${a.zeroBrief}"`)
    const tooLong = await get(`/search?q=${q('x'.repeat(10_240))}`)
    expect(tooLong.status).toBe(400)
    expect(tooLong.body).toContain('too long')
  })
})
