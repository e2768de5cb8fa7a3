import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

/**
 * The REST and GraphQL handlers that the Next app mounts under /api, called with real Request
 * objects: drafts and subscribers must stay invisible to anonymous callers and contributors.
 */
let t: TestPayload
let payload: Payload
let rest: (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let graphql: (req: Request) => Promise<Response>
const tokens: Record<string, string> = {}

beforeAll(async () => {
  t = await bootPayload('rest')
  payload = t.payload
  const { REST_GET, GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const { default: config } = await import('../../src/payload.config')
  rest = REST_GET(config) as never
  graphql = GRAPHQL_POST(config) as never
  await makeUser(payload, 'admin') // the first account always becomes admin
  for (const role of ['contributor', 'editor'] as const) {
    const u = await makeUser(payload, role, `${role}@example.com`)
    const login = await payload.login({
      collection: 'users',
      data: { email: u.email, password: 'correct-horse-battery' },
    })
    tokens[role] = login.token as string
  }
  const section = await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
  const published = await payload.create({
    collection: 'issues',
    data: { volume: 4, number: 68, sections: [{ section: section.id }] },
    draft: true,
  })
  await payload.create({
    collection: 'items',
    data: {
      issue: published.id,
      section: section.id,
      headline: 'Public item',
      date: '2022-04-15',
      body: richText('Text'),
    },
    draft: true,
  })
  await payload.update({ collection: 'issues', id: published.id, data: { _status: 'published' } })
  const draft = await payload.create({ collection: 'issues', data: { volume: 4, number: 69 }, draft: true })
  await payload.create({
    collection: 'items',
    data: { issue: draft.id, section: section.id, headline: 'Secret draft item' },
    draft: true,
  })
  await payload.create({ collection: 'subscribers', data: { email: 'reader@example.com', status: 'active' } })
})
afterAll(async () => {
  await t?.close()
})

const headers = (role?: string): HeadersInit => (role ? { authorization: `JWT ${tokens[role]}` } : {})
const get = async (path: string, role?: string) => {
  const url = new URL(`http://localhost/api/${path}`)
  const res = await rest(new Request(url, { headers: headers(role) }), {
    params: Promise.resolve({ slug: url.pathname.replace('/api/', '').split('/') }),
  })
  return { status: res.status, body: (await res.json()) as { docs?: Array<Record<string, unknown>>; errors?: unknown } }
}
const gql = async (query: string, role?: string) => {
  const res = await graphql(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers(role) },
      body: JSON.stringify({ query }),
    }),
  )
  return (await res.json()) as {
    data?: Record<string, { docs: Array<Record<string, unknown>> } | null>
    errors?: Array<{ message: string }>
  }
}

describe('REST', () => {
  it('anonymous GET /api/issues lists only published issues', async () => {
    const { status, body } = await get('issues')
    expect(status).toBe(200)
    expect(body.docs?.map((d) => d.slug)).toEqual(['4-68'])
  })

  it('anonymous GET /api/items?draft=true still shows published items only', async () => {
    const { body } = await get('items?draft=true')
    expect(body.docs?.map((d) => d.headline)).toEqual(['Public item'])
  })

  it('staff see draft issues', async () => {
    const { body } = await get('issues?draft=true', 'contributor')
    expect(body.docs?.map((d) => d.slug).sort()).toEqual(['4-68', '4-69'])
  })

  it('anonymous and contributor GET /api/subscribers are refused; editors read it', async () => {
    expect((await get('subscribers')).status).toBe(403)
    expect((await get('subscribers', 'contributor')).status).toBe(403)
    const editor = await get('subscribers', 'editor')
    expect(editor.status).toBe(200)
    expect(editor.body.docs?.map((d) => d.email)).toEqual(['reader@example.com'])
  })
})

describe('GraphQL', () => {
  it('anonymous sees published issues and items only, even asking for drafts', async () => {
    const res = await gql('{ Issues(draft: true) { docs { slug } } Items(draft: true) { docs { headline } } }')
    expect(res.data?.Issues?.docs.map((d) => d.slug)).toEqual(['4-68'])
    expect(res.data?.Items?.docs.map((d) => d.headline)).toEqual(['Public item'])
  })

  it('subscribers are refused to anonymous callers and contributors', async () => {
    for (const role of [undefined, 'contributor']) {
      const res = await gql('{ Subscribers { docs { email } } }', role)
      expect(res.data?.Subscribers ?? null).toBeNull()
      expect(res.errors?.[0]?.message).toMatch(/not allowed/i)
    }
    const editor = await gql('{ Subscribers { docs { email } } }', 'editor')
    expect(editor.data?.Subscribers?.docs.map((d) => d.email)).toEqual(['reader@example.com'])
  })
})
