import { afterAll, beforeAll, expect, it } from 'vitest'

import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

/** With an https public URL the session cookie is Secure (issue 11, item 15). */
let t: TestPayload

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://briefing.example.com'
  t = await bootPayload('security-https')
})
afterAll(async () => {
  await t?.close()
})

it('sets the payload-token cookie with Secure, HttpOnly and SameSite=Lax', async () => {
  const { REST_POST } = await import('@payloadcms/next/routes')
  const { default: config } = await import('../../src/payload.config')
  const user = await makeUser(t.payload, 'admin', 'admin@example.com')
  const res = await (REST_POST(config) as never as (r: Request, c: unknown) => Promise<Response>)(
    new Request('https://briefing.example.com/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'correct-horse-battery' }),
    }),
    { params: Promise.resolve({ slug: ['users', 'login'] }) },
  )
  expect(res.status).toBe(200)
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/payload-token=/)
  expect(cookie).toMatch(/;\s*Secure/i)
  expect(cookie).toMatch(/;\s*HttpOnly/i)
  expect(cookie).toMatch(/SameSite=Lax/i)
})
