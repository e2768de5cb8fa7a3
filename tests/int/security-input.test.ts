import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Section } from '../../src/payload-types'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

/**
 * Input the server must refuse cleanly (issue 11, items 16, 18, 21): Payload's REST handlers called
 * with real Request objects, and the Local API, on a real SQLite file.
 */
type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let t: TestPayload
let payload: Payload
const handlers: Record<string, Handler> = {}
let adminAuth: string
let sectionId: Section['id']

beforeAll(async () => {
  t = await bootPayload('security-input')
  payload = t.payload
  const routes = await import('@payloadcms/next/routes')
  const { default: config } = await import('../../src/payload.config')
  handlers.GET = routes.REST_GET(config) as never
  handlers.POST = routes.REST_POST(config) as never
  handlers.PATCH = routes.REST_PATCH(config) as never
  const admin = await makeUser(payload, 'admin', 'admin@example.com')
  const login = await payload.login({
    collection: 'users',
    data: { email: admin.email, password: 'correct-horse-battery' },
  })
  adminAuth = `JWT ${login.token}`
  sectionId = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
})
afterAll(async () => {
  await t?.close()
})

async function call(method: string, path: string, body?: unknown) {
  const url = new URL(`http://localhost/api/${path}`)
  const res = await handlers[method](
    new Request(url, {
      method,
      headers: { authorization: adminAuth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug: url.pathname.replace('/api/', '').split('/') }) },
  )
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { errors?: Array<{ message: string }> },
  }
}

describe('settings publicUrl', () => {
  it.each(['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'example.com', 'ftp://example.com', ' '])(
    'refuses %j with 400 and keeps the old value',
    async (value) => {
      await payload.updateGlobal({ slug: 'settings', data: { publicUrl: 'https://briefing.example.com' } })
      const res = await call('POST', 'globals/settings', { publicUrl: value })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body.errors)).toMatch(/http/i)
      const settings = await payload.findGlobal({ slug: 'settings' })
      expect(settings.publicUrl).toBe('https://briefing.example.com')
    },
  )

  it('accepts an absolute http(s) URL and an empty value', async () => {
    expect((await call('POST', 'globals/settings', { publicUrl: 'https://news.example.org/briefing' })).status).toBe(
      200,
    )
    expect((await payload.findGlobal({ slug: 'settings' })).publicUrl).toBe('https://news.example.org/briefing')
    expect((await call('POST', 'globals/settings', { publicUrl: '' })).status).toBe(200)
  })
})

describe('NUL bytes', () => {
  it('a REST create with a NUL byte in a text field is refused with 400 and stores nothing', async () => {
    const res = await call('POST', 'sources', { name: 'abc\u0000def' })
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.message).toMatch(/NUL|control/i)
    expect((await payload.count({ collection: 'sources' })).totalDocs).toBe(0)
  })

  it('a REST update with a NUL byte nested in an array or rich text is refused and changes nothing', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 1, number: 1 }, draft: true })
    const res = await call('PATCH', `issues/${issue.id}?draft=true`, { highlights: [{ text: 'a\u0000b' }] })
    expect(res.status).toBe(400)
    const item = await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: sectionId, headline: 'Clean' },
      draft: true,
    })
    const patched = await call('PATCH', `items/${item.id}?draft=true`, { headline: 'Dirty\u0000 headline' })
    expect(patched.status).toBe(400)
    const stored = await payload.findByID({ collection: 'items', id: item.id, draft: true })
    expect(stored.headline).toBe('Clean')
  })

  it('the Local API refuses it too, for collections and globals', async () => {
    await expect(payload.create({ collection: 'sections', data: { name: 'x\u0000y', style: 'full' } })).rejects.toThrow(
      /NUL/,
    )
    await expect(payload.updateGlobal({ slug: 'settings', data: { footer: 'bye\u0000' } })).rejects.toThrow(/NUL/)
  })
})

describe('settings versions', () => {
  it('GET /api/globals/settings/versions does not answer 500 for staff', async () => {
    const res = await call('GET', 'globals/settings/versions')
    expect(res.status).toBe(404)
    expect(res.body.errors?.[0]?.message).toMatch(/no version history/)
    expect((await call('GET', 'globals/settings/versions/1')).status).toBe(404)
  })
})
