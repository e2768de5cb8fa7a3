import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CLIENT_IP_HEADER } from '../../src/security/clientIp'
import { LOGIN_LIMITS } from '../../src/security/login'
import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * Sign-in and passwords (issue 11, items 7 and 15) through Payload's REST handlers with real
 * Request objects; the client IP arrives in the header the express edge sets.
 */
type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let t: TestPayload
let payload: Payload
let POST: Handler
let PATCH: Handler
const GOOD = 'correct-horse-battery'
let adminAuth = ''

beforeAll(async () => {
  t = await bootPayload('security-login')
  payload = t.payload
  const routes = await import('@payloadcms/next/routes')
  const { default: config } = await import('../../src/payload.config')
  POST = routes.REST_POST(config) as never
  PATCH = routes.REST_PATCH(config) as never
})
afterAll(async () => {
  await t?.close()
})

type Answer = { status: number; body: { token?: string; errors?: Array<{ message: string }> }; cookie: string }
async function call(handler: Handler, method: string, path: string, body: unknown, extra: Record<string, string> = {}) {
  const url = new URL(`http://localhost/api/${path}`)
  const res = await handler(
    new Request(url, {
      method,
      headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: '198.51.100.1', ...extra },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug: url.pathname.replace('/api/', '').split('/') }) },
  )
  return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie') ?? '' } as Answer
}
const login = (email: string, password: string, ip: string) =>
  call(POST, 'POST', 'users/login', { email, password }, { [CLIENT_IP_HEADER]: ip })
const asAdmin = () => ({ authorization: adminAuth })
const messages = (a: Answer) => JSON.stringify(a.body.errors ?? [])

describe('passwords: at least 10 characters, not a common one, everywhere', () => {
  it('the first user (first-register) is refused a short or common password', async () => {
    for (const password of ['short-pw1', 'qwertyuiop', 'Password123']) {
      const res = await call(POST, 'POST', 'users/first-register', {
        email: 'admin@example.com',
        password,
        'confirm-password': password,
      })
      expect(res.status, password).toBe(400)
      expect(messages(res)).toMatch(/at least 10 characters|too common/)
    }
    expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(0)
    const ok = await call(POST, 'POST', 'users/first-register', { email: 'admin@example.com', password: GOOD })
    expect(ok.status).toBe(200)
    adminAuth = `JWT ${(await login('admin@example.com', GOOD, '192.0.2.200')).body.token}`
  })

  it('REST create refuses short and common passwords with a clear message', async () => {
    const short = await call(POST, 'POST', 'users', { email: 'c1@example.com', password: 'abc12345' }, asAdmin())
    expect(short.status).toBe(400)
    expect(messages(short)).toContain('at least 10 characters')
    const common = await call(POST, 'POST', 'users', { email: 'c1@example.com', password: '1234567890' }, asAdmin())
    expect(common.status).toBe(400)
    expect(messages(common)).toContain('too common')
    const ok = await call(
      POST,
      'POST',
      'users',
      { email: 'c1@example.com', password: GOOD, role: 'contributor' },
      asAdmin(),
    )
    expect(ok.status).toBe(201)
  })

  it('a self-service password change is checked too, and the old password keeps working', async () => {
    const me = await login('c1@example.com', GOOD, '192.0.2.201')
    const id = (await payload.find({ collection: 'users', where: { email: { equals: 'c1@example.com' } } })).docs[0].id
    const res = await call(
      PATCH,
      'PATCH',
      `users/${id}`,
      { password: 'iloveyou' },
      { authorization: `JWT ${me.body.token}` },
    )
    expect(res.status).toBe(400)
    expect(messages(res)).toContain('at least 10 characters')
    expect((await login('c1@example.com', GOOD, '192.0.2.201')).status).toBe(200)
  })

  it('a password reset is checked too', async () => {
    const token = await payload.forgotPassword({
      collection: 'users',
      data: { email: 'c1@example.com' },
      disableEmail: true,
    })
    const res = await call(POST, 'POST', 'users/reset-password', { token, password: 'qwerty12345' })
    expect(res.status).toBe(400)
    expect(messages(res)).toContain('too common')
    expect((await login('c1@example.com', GOOD, '192.0.2.201')).status).toBe(200)
  })

  it('the CLI user:create applies the same rule', async () => {
    const short = await briefing(['user:create', '--email', 'cli@example.com', '--password', 'abcdefghi'])
    expect(short.status).toBe(1)
    expect(short.stderr).toContain('at least 10 characters')
    const common = await briefing(['user:create', '--email', 'cli@example.com', '--password', 'password123'])
    expect(common.status).toBe(1)
    expect(common.stderr).toContain('too common')
  }, 120_000)
})

describe('sign-in', () => {
  it('in plain http the session cookie is not marked Secure (it would be dropped)', async () => {
    const res = await login('admin@example.com', GOOD, '192.0.2.202')
    expect(res.cookie).toMatch(/payload-token=/)
    expect(res.cookie).not.toMatch(/;\s*Secure/i)
  })

  it('answers an unknown account and a wrong password with the same message', async () => {
    const unknown = await login('nobody@example.com', 'wrong-password-1', '192.0.2.10')
    const wrong = await login('admin@example.com', 'wrong-password-1', '192.0.2.11')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(messages(unknown)).toBe(messages(wrong))
  })

  it('does the same password hashing work for an unknown account as for a known one', async () => {
    // Work, not wall time: CPU time of this process (all threads, so the hashing in libuv's pool
    // counts) per failed sign-in, which other load on the machine does not inflate.
    const cpuMs = async (email: string, ip: string) => {
      const costs: number[] = []
      for (let i = 0; i < 3; i += 1) {
        const before = process.cpuUsage()
        expect((await login(email, `wrong-password-${i}`, ip)).status).toBe(401)
        const used = process.cpuUsage(before)
        costs.push((used.user + used.system) / 1000)
      }
      return costs.sort((a, b) => a - b)[1]
    }
    const known = await cpuMs('admin@example.com', '192.0.2.20')
    const unknown = await cpuMs('nobody-at-all@example.com', '192.0.2.21')
    expect(known).toBeGreaterThan(20) // PBKDF2 with 600,000 iterations is real work
    expect(unknown).toBeGreaterThanOrEqual(known * 0.5)
  })

  it('answers 429 per account and address before any lockout; the owner elsewhere still signs in', async () => {
    const attacker = '203.0.113.66'
    for (let i = 0; i < LOGIN_LIMITS.perAccountAndIp; i += 1)
      expect((await login('c1@example.com', `guess-number-${i}`, attacker)).status).toBe(401)
    const limited = await login('c1@example.com', 'guess-again-now', attacker)
    expect(limited.status).toBe(429)
    expect(limited.body.errors?.[0]?.message).toMatch(/too many sign-in attempts/i)
    expect((await login('c1@example.com', GOOD, attacker)).status).toBe(429)
    // Payload's own lockout is off (the limits replace it): the owner signs in from elsewhere.
    expect(payload.collections.users.config.auth.maxLoginAttempts).toBe(0)
    expect((await login('c1@example.com', GOOD, '192.0.2.99')).status).toBe(200)
  })

  it('answers 429 per client address across accounts', async () => {
    const ip = '203.0.113.77'
    for (let i = 0; i < LOGIN_LIMITS.perIp; i += 1)
      expect((await login(`someone${i}@example.com`, 'not-the-password', ip)).status).toBe(401)
    const limited = await login('admin@example.com', GOOD, ip)
    expect(limited.status).toBe(429)
    expect(limited.body.errors?.[0]?.message).toMatch(/too many sign-in attempts/i)
    expect((await login('admin@example.com', GOOD, '192.0.2.98')).status).toBe(200)
  }, 120_000)
})
