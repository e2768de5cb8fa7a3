import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { rest as restCall } from '../helpers/rest'
import { buildArchive, type Archive } from './search-fixtures'

let t: TestPayload
let a: Archive
let editor: Awaited<ReturnType<typeof makeUser>>
let contributor: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  t = await bootPayload('reuse')
  a = await buildArchive(t.payload)
  editor = await makeUser(t.payload, 'editor')
  contributor = await makeUser(t.payload, 'contributor')
})
afterAll(async () => {
  await t?.close()
})

const rest = (method: 'GET' | 'POST', path: string, user?: { email: string }, body?: unknown) =>
  restCall(t.payload, method, path, user, body)

describe('POST /api/items/:id/reuse', () => {
  it('creates a draft copy in the chosen issue with provenance both ways', async () => {
    const { status, body } = await rest('POST', `items/${a.zeroFull}/reuse`, editor, { issue: a.draftIssue })
    expect(status).toBe(201)
    const doc = body.doc as Record<string, unknown>
    expect(doc).toMatchObject({ _status: 'draft', headline: 'Xi Jinping Stresses Dynamic Zero Policies' })
    const copy = await t.payload.findByID({
      collection: 'items',
      id: doc.id as number | string,
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    expect(copy.issue).toEqual(a.draftIssue)
    expect(copy.section).toEqual(a.senior)
    expect(copy.reusedFrom).toEqual(a.zeroFull)
    expect(copy.sources).toEqual([a.xinhua])
    expect(copy.terms).toEqual([a.dynamicZero])
    expect(JSON.stringify(copy.body)).toContain('动态清零')
    expect(copy.date ?? null).toBeNull()

    const original = await t.payload.findByID({
      collection: 'items',
      id: a.zeroFull,
      depth: 0,
      overrideAccess: true,
      joins: { reusedIn: { limit: 10 } },
    })
    const reusedIn = (original as unknown as { reusedIn: { docs: Array<number | { id: number }> } }).reusedIn.docs
    expect(reusedIn.map((d) => (typeof d === 'object' ? d.id : d))).toEqual([doc.id])
    expect(original._status).toBe('published') // the original is untouched
  })

  it('takes another section when asked, and refuses unknown issues and sections', async () => {
    const moved = await rest('POST', `items/${a.zeroFull}/reuse`, editor, { issue: a.draftIssue, section: a.org })
    expect(moved.status).toBe(201)
    expect(moved.body.doc?.section).toMatchObject({ id: a.org })
    expect((await rest('POST', `items/${a.zeroFull}/reuse`, editor, {})).status).toBe(400)
    expect((await rest('POST', `items/${a.zeroFull}/reuse`, editor, { issue: 99999 })).status).toBe(404)
    expect(
      (await rest('POST', `items/${a.zeroFull}/reuse`, editor, { issue: a.draftIssue, section: 99999 })).status,
    ).toBe(404)
    expect((await rest('POST', `items/99999/reuse`, editor, { issue: a.draftIssue })).status).toBe(404)
  })

  it('lets contributors reuse into draft issues only, and anonymous callers not at all', async () => {
    const before = await t.payload.count({ collection: 'items', overrideAccess: true })
    const refused = await rest('POST', `items/${a.zeroBrief}/reuse`, contributor, { issue: a.i2024 })
    expect(refused.status).toBe(403)
    expect(refused.body.errors?.[0].message).toMatch(/published: contributors may reuse items into draft issues only/)
    expect((await rest('POST', `items/${a.zeroBrief}/reuse`, undefined, { issue: a.draftIssue })).status).toBe(401)
    expect(await t.payload.count({ collection: 'items', overrideAccess: true })).toEqual(before)

    const ok = await rest('POST', `items/${a.zeroBrief}/reuse`, contributor, { issue: a.draftIssue })
    expect(ok.status).toBe(201)
    expect(ok.body.doc).toMatchObject({
      _status: 'draft',
      reusedFrom: { id: a.zeroBrief },
      createdBy: { id: contributor.id },
    })

    const editorIntoPublished = await rest('POST', `items/${a.zeroBrief}/reuse`, editor, { issue: a.i2024 })
    expect(editorIntoPublished.status).toBe(201)
  })
})

describe('GET /api/items/:id/related', () => {
  it('lists past items sharing terms, sources and text, with reasons', async () => {
    const { status, body } = await rest('GET', `items/${a.draftItem}/related`, editor)
    expect(status).toBe(200)
    const docs = body.docs as Array<{ id: number; reasons: string[]; linked: boolean }>
    const ids = docs.map((d) => d.id)
    expect(ids).toContain(a.zeroFull)
    expect(ids).toContain(a.zeroBrief)
    expect(ids).not.toContain(a.draftItem)
    expect(docs.find((d) => d.id === a.zeroBrief)?.reasons).toEqual(
      expect.arrayContaining(["source: People's Daily", 'similar text']),
    )
    expect((await rest('GET', `items/${a.draftItem}/related`)).status).toBe(401)
  })
})
