import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { makeUser } from '../helpers/payload'
import { bootWithRest } from '../helpers/rest'

/** Two editors save the same document: a save based on a stale version is refused with 409. */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let rest: typeof t.rest
let first: typeof t.editor
let second: Awaited<ReturnType<typeof makeUser>>
let section: number

beforeAll(async () => {
  t = await bootWithRest('stale-writes')
  ;({ payload, rest, editor: first } = t)
  second = await makeUser(payload, 'editor', 'second-editor@example.com')
  await payload.update({ collection: 'users', id: second.id, data: { name: 'Second Editor' } })
  section = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
})
afterAll(async () => {
  await t?.close()
})

const ifMatch = (updatedAt: unknown) => ({ 'if-match': `"${String(updatedAt)}"` })

describe.each([
  ['items', () => ({ headline: 'Original', date: '2024-03-05', body: richText('Text.'), section }), 'headline'],
  ['issues', () => ({ volume: 8, title: 'Original' }), 'title'],
] as const)('%s: PATCH with If-Match', (collection, data, field) => {
  let id: number
  let seen: string
  beforeAll(async () => {
    const extra =
      collection === 'items'
        ? { issue: (await payload.create({ collection: 'issues', data: {}, draft: true })).id }
        : {}
    const created = await payload.create({ collection, data: { ...data(), ...extra } as never, draft: true })
    id = created.id
    // Both editors open the same version.
    const opened = await rest('GET', `${collection}/${id}?draft=true`, { as: first })
    seen = String(opened.body.updatedAt)
  })

  const save = (as: typeof first, updatedAt: unknown, value: string) =>
    rest('PATCH', `${collection}/${id}?draft=true`, {
      as,
      headers: updatedAt === undefined ? {} : ifMatch(updatedAt),
      body: { [field]: value },
    })

  it('the first save based on the current version goes through', async () => {
    expect((await save(second, seen, 'Changed by the second editor')).status).toBe(200)
  })

  it('the later, stale save is refused with 409, naming who changed it and when; nothing is overwritten', async () => {
    const res = await save(first, seen, 'Stale change')
    expect(res.status).toBe(409)
    const current = await rest('GET', `${collection}/${id}?draft=true`, { as: first })
    expect(current.body[field]).toBe('Changed by the second editor')
    const error = res.body.errors![0] as { message: string; data?: { updatedAt?: string } }
    expect(error.message).toContain('Second Editor')
    expect(error.message).toContain(String(current.body.updatedAt))
    expect(error.data?.updatedAt).toBe(current.body.updatedAt)
    // Saving again on top of the current version works.
    expect((await save(first, current.body.updatedAt, 'Merged change')).status).toBe(200)
  })

  it('a save without If-Match is not checked (autosave, scripts)', async () => {
    expect((await save(first, undefined, 'Unchecked')).status).toBe(200)
  })
})
