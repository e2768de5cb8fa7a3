import { afterAll, beforeAll, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'

/** GRAPHQL=off (issue 11, item 1): no GraphQL endpoint and no playground, with a clear message. */
let t: TestPayload

beforeAll(async () => {
  process.env.GRAPHQL = 'off'
  t = await bootPayload('security-graphql-off')
})
afterAll(async () => {
  await t?.close()
})

it('answers 404 with a message on /api/graphql and /api/graphql-playground', async () => {
  const { graphqlPlaygroundGet, graphqlPost } = await import('../../src/security/graphql')
  const { default: config } = await import('../../src/payload.config')
  const post = await graphqlPost(config)(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Issues { docs { slug } } }' }),
    }),
  )
  expect(post.status).toBe(404)
  expect(((await post.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/GraphQL is off/)
  const playground = await graphqlPlaygroundGet(config)(new Request('http://localhost/api/graphql-playground'))
  expect(playground.status).toBe(404)
  expect(t.payload.config.graphQL.disable).toBe(true)
})
