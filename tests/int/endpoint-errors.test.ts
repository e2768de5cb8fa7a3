import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mountNewsletterRoutes } from '../../src/newsletter/routes'
import { mountSearchRoutes } from '../../src/search/routes'
import { seed } from '../../src/seed'
import { mountWebRoutes } from '../../src/web/routes'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { mountPayloadApi } from '../helpers/rest'
import { serve } from './web-support'

/**
 * Issue 10, the HTTP edge: every custom endpoint answers errors in Payload's own shape
 * `{ "errors": [{ "message": "…" }] }` with a 4xx status, never `{ error }` and never a 500 for bad
 * input. A sample of each family over real HTTP: Payload's REST handlers (as the Next route serves
 * them) for the Payload endpoints, the express routes for subscribe and preview.
 */
let t: TestPayload
let stop: (() => Promise<void>) | undefined
let base: string
const tokens: Record<string, string> = {}
let publishedIssue: string
let itemId: string

beforeAll(async () => {
  process.env.BRIEFING_SEARCH_EAGER = '0'
  t = await bootPayload('endpoint-errors')
  await seed(t.payload)
  for (const role of ['editor', 'contributor'] as const) {
    const user = await makeUser(t.payload, role)
    const { token } = await t.payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct-horse-battery' },
    })
    tokens[role] = token as string
  }
  const issues = await t.payload.find({ collection: 'issues', where: { slug: { equals: '3-9' } }, depth: 0 })
  publishedIssue = String(issues.docs[0].id)
  const items = await t.payload.find({ collection: 'items', limit: 1, depth: 0, overrideAccess: true })
  itemId = String(items.docs[0].id)
  const app = express()
  await mountPayloadApi(app) // first: /api/search must be Payload's endpoint, not an express route
  await mountNewsletterRoutes(app, { worker: false })
  await mountSearchRoutes(app, async () => t.payload)
  await mountWebRoutes(app, { payload: async () => t.payload, cache: false })
  ;({ url: base, close: stop } = await serve(app))
})
afterAll(async () => {
  await stop?.()
  await t?.close()
})

type Call = { as?: 'editor' | 'contributor'; body?: string; type?: string; accept?: string }

async function call(method: string, path: string, { as, body, type, accept }: Call = {}) {
  const headers: Record<string, string> = {}
  if (as) headers.authorization = `JWT ${tokens[as]}`
  if (body !== undefined) headers['content-type'] = type ?? 'application/json'
  if (accept) headers.accept = accept
  const res = await fetch(`${base}${path}`, { method, headers, body })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: res.status, body: json }
}

/** The one error shape: `errors` holds one entry with a non-empty message, and nothing else says "error". */
function expectErrorShape(answer: { status: number; body: unknown }, status: number, message: RegExp) {
  expect(answer.status).toBe(status)
  const body = answer.body as { errors?: Array<{ message?: unknown }>; error?: unknown }
  expect(body.error).toBeUndefined()
  expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })])
}

describe('newsletter endpoints', () => {
  it('refuse the public (401) and contributors (403) in the error shape', async () => {
    expectErrorShape(await call('GET', '/api/newsletter/subscribers/stats'), 401, /sign in/i)
    expectErrorShape(await call('GET', '/api/newsletter/subscribers/stats', { as: 'contributor' }), 403, /editors/i)
  })

  it('answer unknown issues and campaigns with 404, malformed bodies with 400', async () => {
    const missing = await call('POST', '/api/newsletter/issues/999999/send', { as: 'editor', body: '{}' })
    expectErrorShape(missing, 404, /no such issue/i)
    expectErrorShape(await call('POST', '/api/newsletter/campaigns/abc/pause', { as: 'editor' }), 404, /campaign/i)
    const malformed = await call('POST', '/api/newsletter/subscribers/import', { as: 'editor', body: '{"csv": ' })
    expectErrorShape(malformed, 400, /JSON/)
    const unconfirmed = await call('POST', `/api/newsletter/issues/${publishedIssue}/send`, {
      as: 'editor',
      body: JSON.stringify({ confirmRecipients: 99 }),
    })
    expectErrorShape(unconfirmed, 400, /confirm the send/i)
    expect((unconfirmed.body as { errors: Array<{ data?: unknown }> }).errors[0].data).toEqual({ audience: 0 })
    const badAddress = await call('POST', `/api/newsletter/issues/${publishedIssue}/test`, {
      as: 'editor',
      body: JSON.stringify({ email: 'not an address' }),
    })
    expectErrorShape(badAddress, 400, /valid email/i)
  })
})

describe('importer endpoint', () => {
  it('refuses the public, contributors and a body that is not an upload', async () => {
    expectErrorShape(await call('POST', '/api/import', { body: '{}' }), 401, /sign in/i)
    expectErrorShape(await call('POST', '/api/import', { as: 'contributor', body: '{}' }), 403, /editors/i)
    const notUpload = await call('POST', '/api/import', { as: 'editor', body: '{}' })
    expectErrorShape(notUpload, 400, /multipart|file/i)
  })
})

describe('glossary endpoints', () => {
  it('refuse the public (401) and contributors (403); malformed JSON is a 400', async () => {
    expectErrorShape(await call('GET', '/api/glossary-terms/consistency'), 401, /sign in/i)
    expectErrorShape(await call('GET', '/api/glossary-terms/consistency', { as: 'contributor' }), 403, /editors/i)
    const malformed = await call('POST', '/api/glossary-terms/consistency/apply', { as: 'editor', body: '[' })
    expectErrorShape(malformed, 400, /JSON/)
    expectErrorShape(await call('GET', `/api/items/${itemId}/term-suggestions`), 401, /sign in/i)
  })
})

describe('reuse endpoints', () => {
  it('answer anonymous, malformed and unknown requests in the error shape', async () => {
    expectErrorShape(await call('GET', `/api/items/${itemId}/related`), 401, /sign in/i)
    const malformed = await call('POST', `/api/items/${itemId}/reuse`, { as: 'editor', body: '{"issue": ' })
    expectErrorShape(malformed, 400, /JSON/)
    const notObject = await call('POST', `/api/items/${itemId}/reuse`, { as: 'editor', body: '[1]' })
    expectErrorShape(notObject, 400, /object/i)
  })
})

describe('search endpoint', () => {
  it('answers bad parameters in the error shape', async () => {
    expectErrorShape(await call('GET', '/api/search?q=xi&limit=abc'), 400, /whole number/)
    expectErrorShape(await call('GET', '/api/search?q=a&q=b'), 400, /once/)
  })
})

describe('express routes that answer JSON', () => {
  it('subscribe and preview answer errors in the same shape', async () => {
    const subscribe = await call('POST', '/subscribe', {
      body: 'email=nobody',
      type: 'application/x-www-form-urlencoded',
      accept: 'application/json',
    })
    expect(subscribe.status).toBeGreaterThanOrEqual(400)
    expect(subscribe.status).toBeLessThan(500)
    expectErrorShape(subscribe, subscribe.status, /address/i)
    expectErrorShape(await call('GET', '/preview/issues/3-9/version'), 401, /sign in/i)
    expectErrorShape(await call('GET', '/preview/issues/no-such/version', { as: 'editor' }), 404, /no such issue/i)
  })
})
