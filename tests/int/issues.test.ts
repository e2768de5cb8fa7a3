import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('issues')
})
afterAll(async () => {
  await t?.close()
})

describe('issue numbering', () => {
  it('defaults the number to the next in the volume and builds the slug', async () => {
    const first = await t.payload.create({ collection: 'issues', data: { volume: 4, number: 67 }, draft: true })
    expect(first.slug).toBe('4-67')
    const next = await t.payload.create({ collection: 'issues', data: { volume: 4 }, draft: true })
    expect(next.number).toBe(68)
    expect(next.slug).toBe('4-68')
    expect(next.label).toBe('Weekly Report 4|68')
  })

  it('refuses a duplicate volume+number with a clear message', async () => {
    const err = await t.payload
      .create({ collection: 'issues', data: { volume: 4, number: 68 }, draft: true })
      .catch((e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e)
    expect(err).toMatchObject({
      data: { errors: [{ path: 'number', message: expect.stringMatching(/Weekly Report 4\|68 already exists/) }] },
    })
    expect(await t.payload.count({ collection: 'issues', where: { slug: { equals: '4-68' } } })).toEqual({
      totalDocs: 1,
    })
  })
})
