import { describe, expect, it } from 'vitest'

import { adminToken, baseUrl, userToken } from '../helpers/e2e'

/** The express server as a client sees it: health, headers, REST and GraphQL through the real stack. */
describe('server', () => {
  it('GET /healthz answers JSON with the database state', async () => {
    const res = await fetch(`${baseUrl()}/healthz`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await res.json()) as { status: string; database: { status: string; adapter: string } }
    expect(body.status).toBe('ok')
    expect(body.database.status).toBe('ok')
    expect(['sqlite', 'mongoose']).toContain(body.database.adapter)
  })

  it('sets security headers and hides the framework', async () => {
    const res = await fetch(`${baseUrl()}/api/issues?limit=1`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it('anonymous GET /api/issues lists only published issues', async () => {
    const body = (await (await fetch(`${baseUrl()}/api/issues?limit=100&draft=true`)).json()) as {
      docs: Array<{ slug: string; _status: string }>
    }
    expect(body.docs.length).toBeGreaterThan(0)
    expect(body.docs.map((d) => d.slug)).toContain('3-9')
    expect(body.docs.map((d) => d.slug)).not.toContain('3-10')
    expect(body.docs.every((d) => d._status === 'published')).toBe(true)
  })

  it('anonymous and contributor GET /api/subscribers are refused, over REST and GraphQL', async () => {
    const contributor = await userToken('contributor')
    for (const auth of [undefined, contributor.token]) {
      const headers: Record<string, string> = auth ? { authorization: `JWT ${auth}` } : {}
      expect((await fetch(`${baseUrl()}/api/subscribers`, { headers })).status).toBe(403)
      const gql = await fetch(`${baseUrl()}/api/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ Subscribers { docs { email } } }' }),
      })
      const body = (await gql.json()) as { data?: { Subscribers: unknown }; errors?: unknown[] }
      expect(body.data?.Subscribers ?? null).toBeNull()
      expect(body.errors?.length).toBeGreaterThan(0)
    }
    const admin = await adminToken()
    expect((await fetch(`${baseUrl()}/api/subscribers`, { headers: { authorization: `JWT ${admin}` } })).status).toBe(
      200,
    )
  })

  it('a contributor cannot publish an issue over REST', async () => {
    const contributor = await userToken('contributor')
    const headers = { authorization: `JWT ${contributor.token}`, 'content-type': 'application/json' }
    const list = (await (
      await fetch(`${baseUrl()}/api/issues?draft=true&where[slug][equals]=3-10`, { headers })
    ).json()) as {
      docs: Array<{ id: string }>
    }
    expect(list.docs).toHaveLength(1)
    const res = await fetch(`${baseUrl()}/api/issues/${list.docs[0].id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(res.status).toBe(403)
    const anon = (await (await fetch(`${baseUrl()}/api/issues?where[slug][equals]=3-10`)).json()) as { docs: unknown[] }
    expect(anon.docs).toHaveLength(0)
  })
})
