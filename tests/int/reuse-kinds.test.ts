import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { mountPayloadApi } from '../helpers/rest'
import { buildKinds, type Kinds } from './kinds-fixtures'

/** Reuse of a translation's summary and of a special-issue entry into a weekly issue, with provenance (issue 14). */
let t: TestPayload
let k: Kinds
let server: Server
let base: string
let editorToken = ''
let draftIssue: number | string
let section: number | string

beforeAll(async () => {
  t = await bootPayload('reuse-kinds')
  await seed(t.payload)
  k = await buildKinds(t.payload)
  const app = express()
  await mountPayloadApi(app)
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const editor = await makeUser(t.payload, 'editor')
  editorToken = (
    await t.payload.login({ collection: 'users', data: { email: editor.email, password: 'correct-horse-battery' } })
  ).token!
  const drafts = await t.payload.find({
    collection: 'issues',
    where: { and: [{ _status: { equals: 'draft' } }, { kind: { not_equals: 'special' } }] },
    depth: 0,
  })
  draftIssue = drafts.docs[0].id
  section = (await t.payload.find({ collection: 'sections', where: { slug: { equals: 'senior-leaders' } } })).docs[0].id
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await t?.close()
})

const call = async (method: 'GET' | 'POST', path: string, body?: unknown, signedIn = true) => {
  const res = await fetch(`${base}/api/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(signedIn ? { authorization: `JWT ${editorToken}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { errors?: Array<{ message: string }> },
  }
}
const item = (id: unknown) =>
  t.payload.findByID({ collection: 'items', id: id as number, draft: true, depth: 0, overrideAccess: true })
const itemCount = async () => (await t.payload.count({ collection: 'items', overrideAccess: true })).totalDocs

describe('reuse of translations and special-issue entries', () => {
  it("copies a translation's summary into a weekly issue's section, linked to it and with provenance", async () => {
    const { status, body } = await call('POST', `translations/${k.translation}/reuse`, { issue: draftIssue, section })
    expect(status).toBe(201)
    const copy = await item((body.doc as { id: unknown }).id)
    expect(copy).toMatchObject({
      _status: 'draft',
      headline: 'Regulations on Rural Revitalization Work',
      originalTitle: '乡村振兴工作条例',
      articleUrl: 'https://www.xinhuanet.com/2024-03/01/c_1.htm',
      issue: draftIssue,
      section,
      translation: k.translation,
      reusedFromTranslation: k.translation,
    })
    expect(JSON.stringify(copy.body)).toContain('pangolin stewardship') // the introduction is the summary
    expect(copy.sources).toHaveLength(1)
  })

  it('copies a special-issue entry into a weekly issue, with the entry as provenance', async () => {
    const anchor = 'second-session-of-the-14th-npc-opens'
    const { status, body } = await call('POST', `issues/${k.special}/entries/${anchor}/reuse`, {
      issue: draftIssue,
      section,
    })
    expect(status).toBe(201)
    const copy = await item((body.doc as { id: unknown }).id)
    expect(copy).toMatchObject({
      _status: 'draft',
      headline: 'Second Session of the 14th NPC opens',
      issue: draftIssue,
      section,
      reusedFromEntry: { issue: k.special, anchor },
    })
    expect(JSON.stringify(copy.body)).toContain('capybara report')
    expect(copy.sources).toHaveLength(1)
  })

  it('refuses bad requests with a message and creates nothing', async () => {
    const before = await itemCount()
    const cases: Array<[string, unknown, number, RegExp, boolean?]> = [
      [`translations/${k.translation}/reuse`, { issue: draftIssue, section }, 401, /sign in/i, false],
      [`translations/${k.translation}/reuse`, { issue: draftIssue }, 400, /section/i],
      [`translations/${k.translation}/reuse`, { section }, 400, /issue/i],
      [`translations/999999/reuse`, { issue: draftIssue, section }, 404, /translation 999999 does not exist/i],
      [`issues/${k.special}/entries/no-such-entry/reuse`, { issue: draftIssue, section }, 404, /no entry/i],
      [`issues/${draftIssue}/entries/anything/reuse`, { issue: draftIssue, section }, 404, /not a special issue/i],
      [`issues/${k.special}/entries/x/reuse`, { issue: k.special, section }, 400, /weekly issue/i],
    ]
    for (const [path, body, status, message, signedIn] of cases) {
      const res = await call('POST', path, body, signedIn ?? true)
      expect(res.status, path).toBe(status)
      expect(res.body.errors?.[0]?.message, path).toMatch(message)
    }
    expect(await itemCount()).toBe(before)
  })

  it('finds translations and special-issue entries in the reuse search, each with its reuse path', async () => {
    const found = await call('GET', `reuse/search?q=capybara&issue=${draftIssue}`)
    expect(found.status).toBe(200)
    expect(found.body.docs).toEqual([
      expect.objectContaining({
        kind: 'entry',
        title: 'Second Session of the 14th NPC opens',
        reuse: `/api/issues/${k.special}/entries/second-session-of-the-14th-npc-opens/reuse`,
      }),
    ])
    const translation = await call('GET', `reuse/search?q=pangolin&issue=${draftIssue}`)
    expect(translation.body.docs).toEqual([
      expect.objectContaining({
        kind: 'translation',
        title: 'Regulations on Rural Revitalization Work',
        reuse: `/api/translations/${k.translation}/reuse`,
      }),
    ])
    expect((await call('GET', 'reuse/search?q=pangolin', undefined, false)).status).toBe(401)
  })
})
