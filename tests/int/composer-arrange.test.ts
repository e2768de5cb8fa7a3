import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compareItems } from '../../src/content/order'
import { richText } from '../../src/lib/richtext'
import { mountWebRoutes } from '../../src/web/routes'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { mountPayloadApi } from '../helpers/rest'
import { serve } from './web-support'

/** `POST /api/issues/:id/arrange` over real HTTP: the whole arrangement in one transaction. */
let t: TestPayload
let payload: Payload
let base: string
let stop: (() => Promise<void>) | undefined
const tokens: Record<string, string> = {}
let full: number
let other: number
let brief: number

beforeAll(async () => {
  t = await bootPayload('composer-arrange')
  payload = t.payload
  for (const role of ['editor', 'contributor'] as const) {
    const user = await makeUser(payload, role, `${role}@example.com`)
    const { token } = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct-horse-battery' },
    })
    tokens[role] = String(token)
  }
  full = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  other = (await payload.create({ collection: 'sections', data: { name: 'Propaganda Work', style: 'full' } })).id
  brief = (await payload.create({ collection: 'sections', data: { name: 'Organization Work', style: 'brief' } })).id
  const app = express()
  await mountPayloadApi(app)
  await mountWebRoutes(app, { payload: async () => payload, cache: false })
  ;({ url: base, close: stop } = await serve(app))
})
afterAll(async () => {
  await stop?.()
  await t?.close()
})

const arrange = (issue: unknown, body: unknown, as: 'editor' | 'contributor' | null = 'editor') =>
  fetch(`${base}/api/issues/${String(issue)}/arrange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `JWT ${tokens[as]}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

const item = (issue: number, section: number, headline: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'items',
    data: { issue, section, headline, date: '2024-03-05', body: richText(`${headline} text.`), ...extra } as never,
    draft: true,
  })

/** The issue's arrangement as the composer reads it: sections in order, each with its items' headlines. */
async function arrangement(issue: number) {
  const doc = await payload.findByID({ collection: 'issues', id: issue, draft: true, depth: 0 })
  const items = await payload.find({
    collection: 'items',
    where: { issue: { equals: issue } },
    draft: true,
    depth: 0,
    pagination: false,
  })
  return {
    sections: (doc.sections ?? []).map((r) => {
      const id = typeof r.section === 'object' ? r.section.id : r.section
      const mine = items.docs.filter((i) => i.section === id).sort(compareItems)
      return { section: id, items: mine.map((i) => i.headline ?? i.title) }
    }),
    highlights: (doc.highlights ?? []).map((h) => h.id),
  }
}

async function setUp(volume: number) {
  const issue = await payload.create({
    collection: 'issues',
    data: {
      volume,
      periodStart: '2024-03-02',
      periodEnd: '2024-03-08',
      sections: [{ section: full }, { section: other }, { section: brief }],
      highlights: [
        { text: richText('First highlight.'), section: full },
        { text: richText('Second highlight.'), section: other },
      ],
    },
    draft: true,
  })
  const a = await item(issue.id, full, 'A')
  const b = await item(issue.id, full, 'B')
  const c = await item(issue.id, other, 'C')
  return { issue, a, b, c }
}

describe('POST /api/issues/:id/arrange', () => {
  it('sets section order, each item’s section and order, and highlight order; moves write only what moved', async () => {
    const { issue, a, b, c } = await setUp(1)
    const [h1, h2] = (await arrangement(issue.id)).highlights
    const before = await payload.findByID({ collection: 'items', id: b.id, draft: true, depth: 0 })
    const res = await arrange(issue.id, {
      sections: [
        { section: other, items: [c.id, a.id] },
        { section: full, items: [b.id] },
        { section: brief, items: [] },
      ],
      highlights: [h2, h1],
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { moved: number }
    expect(body.moved).toBe(1) // only A changed section; C keeps its key before A's new one
    expect(await arrangement(issue.id)).toEqual({
      sections: [
        { section: other, items: ['C', 'A'] },
        { section: full, items: ['B'] },
        { section: brief, items: [] },
      ],
      highlights: [h2, h1],
    })
    const after = await payload.findByID({ collection: 'items', id: b.id, draft: true, depth: 0 })
    expect(after.updatedAt).toBe(before.updatedAt)
  })

  it('is what the public page shows once published', async () => {
    const { issue, a, b, c } = await setUp(2)
    await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    const res = await arrange(issue.id, {
      sections: [
        { section: full, items: [b.id, a.id] },
        { section: other, items: [c.id] },
        { section: brief, items: [] },
      ],
    })
    expect(res.status).toBe(200)
    const html = await (await fetch(`${base}/issues/${String(issue.slug)}`)).text()
    const at = (s: string) => html.indexOf(s)
    expect(at('>B<')).toBeGreaterThan(-1)
    expect(at('>B<')).toBeLessThan(at('>A<'))
    expect(at('>A<')).toBeLessThan(at('>C<'))
  })

  it('refuses ids that are not the issue’s, items left out, and duplicates: 400, nothing changed', async () => {
    const { issue, a, b, c } = await setUp(3)
    const elsewhere = (await setUp(4)).a
    const was = await arrangement(issue.id)
    const cases = [
      [
        { section: full, items: [a.id, b.id, elsewhere.id] },
        { section: other, items: [c.id] },
      ],
      [{ section: full, items: [b.id, a.id] }],
      [
        { section: full, items: [a.id, b.id] },
        { section: other, items: [c.id, a.id] },
      ],
      [{ section: 999999, items: [a.id, b.id, c.id] }],
    ]
    for (const sections of cases) {
      const res = await arrange(issue.id, { sections })
      expect(res.status).toBe(400)
      const error = (await res.json()) as { errors: Array<{ message: string }> }
      expect(error.errors[0].message).toMatch(/item|section/i)
    }
    expect(await arrangement(issue.id)).toEqual(was)
  })

  it('malformed bodies are 400, an unknown issue 404, anonymous 401, contributors 403', async () => {
    const { issue } = await setUp(5)
    for (const body of [
      '{',
      '[]',
      {},
      { sections: 'x' },
      { sections: [{ items: [] }] },
      { sections: [], highlights: 3 },
    ]) {
      const res = await arrange(issue.id, body)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBeTruthy()
    }
    expect((await arrange(987654, { sections: [] })).status).toBe(404)
    expect((await arrange('not-an-id', { sections: [] })).status).toBe(404)
    expect((await arrange(issue.id, { sections: [] }, null)).status).toBe(401)
    expect((await arrange(issue.id, { sections: [] }, 'contributor')).status).toBe(403)
  })

  it('a failure midway changes nothing: a published brief cannot move into a full section (no headline)', async () => {
    const { issue, a, b, c } = await setUp(6)
    const line = await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: brief, date: '2024-03-04', body: richText('A one-line brief.') } as never,
      draft: true,
    })
    await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    const was = await arrangement(issue.id)
    const res = await arrange(issue.id, {
      sections: [
        { section: brief, items: [] },
        { section: other, items: [a.id, c.id] },
        { section: full, items: [line.id, b.id] },
      ],
    })
    expect(res.status).toBe(400)
    const error = (await res.json()) as { errors: Array<{ message: string }> }
    expect(error.errors[0].message).toMatch(/headline/)
    expect(await arrangement(issue.id)).toEqual(was)
  })
})
