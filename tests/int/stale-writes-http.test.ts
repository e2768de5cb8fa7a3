import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { makeUser } from '../helpers/payload'
import { bootWithRest, mountPayloadApi } from '../helpers/rest'
import { serve } from './web-support'

/**
 * No lost edits over real HTTP: a save based on a stale version is refused with 409, the current
 * `updatedAt` in the answer, and nothing changes. The admin form sends the `updatedAt` it loaded (and
 * the one each save returned) with every save, autosave included; scripts send `If-Match`.
 */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let api: { url: string; close: () => Promise<void> }
let token: (email: string) => Promise<string>
let second: Awaited<ReturnType<typeof makeUser>>
let item: number

const save = async (as: { email: string }, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const res = await fetch(`${api.url}/api/items/${item}?draft=true&autosave=true`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${await token(as.email)}`, ...headers },
    body: JSON.stringify(body),
  })
  return {
    status: res.status,
    body: (await res.json()) as {
      doc?: { updatedAt: string; headline: string }
      errors?: Array<{ message: string }>
      updatedAt?: string
    },
  }
}
const current = () => payload.findByID({ collection: 'items', id: item, draft: true, depth: 0 })

beforeAll(async () => {
  t = await bootWithRest('stale-writes-http')
  payload = t.payload
  second = await makeUser(payload, 'editor', 'second-http@example.com')
  await payload.update({ collection: 'users', id: second.id, data: { name: 'Second Editor' } })
  const app = express()
  await mountPayloadApi(app)
  api = await serve(app)
  token = async (email) =>
    String((await payload.login({ collection: 'users', data: { email, password: 'correct-horse-battery' } })).token)
  const section = await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
  const issue = await payload.create({ collection: 'issues', data: {}, draft: true })
  item = (
    await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: section.id, headline: 'Original', date: '2024-03-05', body: richText('Text.') },
      draft: true,
    })
  ).id
})
afterAll(async () => {
  await api?.close()
  await t?.close()
})

describe('saving with the updatedAt the form loaded', () => {
  it('advances with each save of the same editor (autosave saves again and again)', async () => {
    let base = (await current()).updatedAt
    for (const headline of ['First autosave', 'Second autosave', 'Third autosave']) {
      const res = await save(t.editor, { headline, updatedAt: base })
      expect(res.status).toBe(200)
      expect(res.body.doc!.updatedAt).not.toBe(base)
      base = res.body.doc!.updatedAt
    }
    expect((await current()).headline).toBe('Third autosave')
  })

  it('refuses the other editor’s stale save with 409: who and when, the current updatedAt, a link to compare', async () => {
    const opened = (await current()).updatedAt
    expect((await save(second, { headline: 'Second editor’s change', updatedAt: opened })).status).toBe(200)
    const now = await current()
    const stale = await save(t.editor, { headline: 'Stale change', updatedAt: opened })
    expect(stale.status).toBe(409)
    expect(stale.body.updatedAt).toBe(now.updatedAt)
    const message = stale.body.errors![0]!.message
    expect(message).toContain('Second Editor')
    expect(message).toContain(now.updatedAt)
    expect(message).toContain(`/admin/collections/items/${item}/versions`)
    expect(await current()).toMatchObject({ headline: 'Second editor’s change', updatedAt: now.updatedAt })
  })

  it('If-Match answers the same 409 with the current updatedAt at the top level', async () => {
    const now = await current()
    const stale = await save(t.editor, { headline: 'Stale again' }, { 'if-match': '"2000-01-01T00:00:00.000Z"' })
    expect(stale.status).toBe(409)
    expect(stale.body.updatedAt).toBe(now.updatedAt)
    expect((await current()).headline).toBe('Second editor’s change')
  })

  it('a save without either is not checked (scripts that do not ask)', async () => {
    expect((await save(t.editor, { headline: 'Unchecked' })).status).toBe(200)
  })
})
