import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * GraphQL cost limits (issue 11, item 1) through the handler the app serves at /api/graphql, with
 * real Request objects: expensive queries are refused with 400 before anything runs; the queries
 * the app and its tests use still work. The server answering /healthz within 100 ms while such
 * queries arrive is tested against the real server in its own process: tests/e2e/05-hardening.
 */
let t: TestPayload
let payload: Payload
let graphql: (req: Request) => Promise<Response>

const NESTED =
  '{ Items(limit: 100) { docs { id issue { items { docs { id issue { items { docs { id issue { items { docs { id } } } } } } } } } } } }'
const ALIASES = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: Items(limit: 100) { docs { id headline } }`).join(' ')} }`

beforeAll(async () => {
  t = await bootPayload('security-graphql')
  payload = t.payload
  const { graphqlPost } = await import('../../src/security/graphql')
  const { default: config } = await import('../../src/payload.config')
  graphql = graphqlPost(config)
  const section = await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
  const issue = await payload.create({
    collection: 'issues',
    data: { volume: 4, number: 68, sections: [{ section: section.id }] },
    draft: true,
  })
  for (let i = 0; i < 3; i += 1)
    await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: section.id, headline: `Item ${i}`, date: '2022-04-15', body: richText('Text') },
      draft: true,
    })
  await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
})
afterAll(async () => {
  await t?.close()
})

const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await graphql(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return {
    status: res.status,
    body: (await res.json()) as { data?: Record<string, { docs: unknown[] }>; errors?: Array<{ message: string }> },
  }
}

describe('GraphQL limits', () => {
  it('refuses the six-level nested join query with 400 and a message', async () => {
    const res = await gql(NESTED)
    expect(res.status).toBe(400)
    expect(res.body.data).toBeUndefined()
    expect(res.body.errors?.[0]?.message).toMatch(/too (deep|complex)|nested/i)
  })

  it('refuses 200 aliases of Items(limit: 100) with 400', async () => {
    const res = await gql(ALIASES)
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.message).toMatch(/alias/i)
  })

  it('refuses an expensive query hidden in fragments and variables', async () => {
    const query = `query Q($n: Int) { Items(limit: $n) { docs { ...F } } }
      fragment F on Item { id issue { items(limit: 100) { docs { id headline } } } }`
    const res = await gql(query, { n: 1000 })
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.message).toMatch(/cost|complex/i)
  })

  it('refuses fragment cycles and a flood of tokens without running them', async () => {
    const cycle = await gql('{ Items { docs { ...A } } } fragment A on Item { id ...B } fragment B on Item { id ...A }')
    expect(cycle.status).toBe(400)
    const flood = await gql(`{ Items { docs { ${'id '.repeat(20_000)} } } }`)
    expect(flood.status).toBe(400)
  })

  it('still answers the queries the app and its tests use', async () => {
    const res = await gql('{ Issues(draft: true) { docs { slug } } Items(draft: true) { docs { headline } } }')
    expect(res.status).toBe(200)
    expect(res.body.data?.Issues?.docs).toEqual([{ slug: '4-68' }])
    expect(res.body.data?.Items?.docs).toHaveLength(3)
    const joined = await gql('{ Items(limit: 10) { docs { headline issue { slug items { docs { id } } } } } }')
    expect(joined.status).toBe(200)
    expect(joined.body.errors).toBeUndefined()
  })

  it('Payload itself applies the same limits (validation rule), whatever route calls it', async () => {
    const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
    const { default: config } = await import('../../src/payload.config')
    const res = await GRAPHQL_POST(config)(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: NESTED }),
      }),
    )
    // Payload answers validation errors as a bare list of errors (status 200, nothing executed).
    const body = (await res.json()) as unknown
    expect(JSON.stringify(body)).not.toContain('"data"')
    expect(JSON.stringify(body)).toMatch(/GraphQL query too (deep|complex)/)
  })
})

describe('GraphQL through the express edge', () => {
  it('answers refused queries itself with 400 and hands ordinary ones to Payload', async () => {
    // Imported after bootPayload: the route loads the Payload config, which reads DATABASE_URI.
    const { default: express } = await import('express')
    const { mountGraphqlRoute } = await import('../../src/security/graphqlRoute')
    const app = express()
    mountGraphqlRoute(app)
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const { port } = server.address() as { port: number }
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${port}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    try {
      const refused = await post(JSON.stringify({ query: ALIASES }))
      expect(refused.status).toBe(400)
      expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/alias/)
      const ok = await post(JSON.stringify({ query: '{ Issues { docs { slug } } }' }))
      expect(ok.status).toBe(200)
      expect(await ok.json()).toEqual({ data: { Issues: { docs: [{ slug: '4-68' }] } } })
      const broken = await post('{"query": ')
      expect(broken.status).toBeGreaterThanOrEqual(400)
      expect(broken.status).toBeLessThan(500)
    } finally {
      server.close()
    }
  })
})
