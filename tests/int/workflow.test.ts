import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload
let full: number
let brief: number

beforeAll(async () => {
  t = await bootPayload('workflow')
  payload = t.payload
  full = (
    await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full', position: 1 } })
  ).id
  brief = (
    await payload.create({ collection: 'sections', data: { name: 'Organization Work', style: 'brief', position: 2 } })
  ).id
})
afterAll(async () => {
  await t?.close()
})

describe('issue defaults', () => {
  it('starts with every section in default order and a Saturday–Friday period ending on the planned day', async () => {
    const issue = await payload.create({
      collection: 'issues',
      data: { volume: 2, plannedPublication: '2022-04-22' },
      draft: true,
    })
    expect(issue.number).toBe(1)
    expect(issue.sections?.map((s) => (typeof s.section === 'object' ? s.section.id : s.section))).toEqual([
      full,
      brief,
    ])
    expect(issue.periodStart?.slice(0, 10)).toBe('2022-04-16')
    expect(issue.periodEnd?.slice(0, 10)).toBe('2022-04-22')
    expect(issue.periodLabel).toBe('4.16.22–4.22.22')
  })

  it('defaults the planned day to the coming Friday', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 2 }, draft: true })
    expect(new Date(issue.plannedPublication as string).getUTCDay()).toBe(5)
    expect(issue.number).toBe(2)
  })

  it('refuses a period that ends before it starts, and a highlight to a section outside the issue', async () => {
    await expect(
      payload.create({
        collection: 'issues',
        data: { volume: 7, periodStart: '2024-03-08', periodEnd: '2024-03-02' },
        draft: true,
      }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'periodEnd' }] } })
    const other = await payload.create({ collection: 'sections', data: { name: 'Elsewhere', style: 'full' } })
    await expect(
      payload.create({
        collection: 'issues',
        data: { volume: 7, sections: [{ section: full }], highlights: [{ text: richText('x'), section: other.id }] },
        draft: true,
      }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'highlights.0.section' }] } })
    expect((await payload.count({ collection: 'issues', where: { volume: { equals: 7 } } })).totalDocs).toBe(0)
  })
})

describe('publishing an issue', () => {
  it('is refused while items miss required content, naming them, and changes nothing', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 3 }, draft: true })
    await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: full, headline: 'Complete', date: '2024-03-05', body: richText('Body.') },
      draft: true,
    })
    const incomplete = await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: full, date: '2024-03-06' },
      draft: true,
    })
    await expect(
      payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } }),
    ).rejects.toThrow(new RegExp(`item ${incomplete.id} \\(missing headline, body\\)`))
    const after = await payload.findByID({ collection: 'issues', id: issue.id, draft: true })
    expect(after._status).toBe('draft')
  })

  it('publishes its draft items with it; briefs need no headline', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 4 }, draft: true })
    const item = await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: brief, headline: 'dropped', date: '2024-03-08', body: richText('Appointed.') },
      draft: true,
    })
    expect(item.headline ?? null).toBeNull()
    expect(item.sectionStyle).toBe('brief')
    const published = await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    expect(published._status).toBe('published')
    expect(published.publishedAt).toBeTruthy()
    const after = await payload.findByID({ collection: 'items', id: item.id })
    expect(after._status).toBe('published')
  })

  it('publishes items whose issue was set only in a later draft (as autosave does)', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 6 }, draft: true })
    const empty = await payload.create({ collection: 'items', data: {} as never, draft: true })
    await payload.update({
      collection: 'items',
      id: empty.id,
      draft: true,
      data: { issue: issue.id, section: full, headline: 'Autosaved', date: '2024-03-05', body: richText('Text.') },
    })
    await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    const after = await payload.findByID({ collection: 'items', id: empty.id })
    expect(after).toMatchObject({ _status: 'published', headline: 'Autosaved' })
  })

  it('orders new items within their section in order of creation (order keys)', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 5 }, draft: true })
    const a = await payload.create({ collection: 'items', data: { issue: issue.id, section: full }, draft: true })
    const b = await payload.create({ collection: 'items', data: { issue: issue.id, section: full }, draft: true })
    const c = await payload.create({ collection: 'items', data: { issue: issue.id, section: brief }, draft: true })
    expect(String(a.orderKey) < String(b.orderKey)).toBe(true)
    expect(c.orderKey).toBeTruthy()
  })
})

describe('validation messages', () => {
  it('names the problem for bad subscribers, terms and URLs', async () => {
    await expect(
      payload.create({ collection: 'subscribers', data: { email: 'not-an-address' } as never }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'email', message: expect.stringContaining('valid email') }] },
    })
    const s = await payload.create({ collection: 'subscribers', data: { email: '  Reader@Example.COM ' } as never })
    expect(s.email).toBe('reader@example.com')
    await expect(
      payload.create({ collection: 'subscribers', data: { email: 'reader@example.com' } as never }),
    ).rejects.toThrow()
    await expect(
      payload.create({ collection: 'glossary-terms', data: { english: 'x', original: 'no chinese' } as never }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'original' }] },
    })
    await expect(
      payload.create({ collection: 'sources', data: { name: 'Bad', homepage: 'javascript:alert(1)' } }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'homepage' }] },
    })
  })

  it('makes the first user an admin, later ones what they are given', async () => {
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(0)
    const u = await payload.create({
      collection: 'users',
      data: { email: 'first@example.com', password: 'long-password' } as never,
    })
    expect(u.role).toBe('admin')
    const second = await makeUser(payload, 'contributor')
    expect(second.role).toBe('contributor')
  })
})

describe('admin list helpers', () => {
  it('gives items a readable title and issues an item count', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 8 }, draft: true })
    const item = await payload.create({
      collection: 'items',
      data: {
        issue: issue.id,
        section: brief,
        date: '2024-03-04',
        body: richText(
          'CCP International Department Head Liu Jianchao (刘建超) met a delegation of the Communist Party of Vietnam.',
        ),
      },
      draft: true,
    })
    expect(item.title).toBe('3.4 CCP International Department Head Liu Jianchao (刘建超) met a delegation…')
    await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: full, headline: 'A headline' },
      draft: true,
    })
    const editor = await makeUser(payload, 'editor')
    const staffView = await payload.findByID({ collection: 'issues', id: issue.id, draft: true, user: editor })
    expect(staffView.itemCount).toBe(2)
    const anonymous = await payload.findByID({
      collection: 'issues',
      id: issue.id,
      draft: true,
      overrideAccess: true,
      user: undefined,
    })
    // Not computed (no query) for anonymous and internal reads: nothing about drafts leaks either.
    expect(anonymous.itemCount).toBeUndefined()
  })
})

describe('slugs', () => {
  it('fills slugs from names and never clashes', async () => {
    const a = await payload.create({
      collection: 'glossary-terms',
      data: { english: 'Party building', original: '党建', kind: 'term', status: 'reviewed' },
    })
    const b = await payload.create({
      collection: 'glossary-terms',
      data: { english: 'Party Building', original: '党的建设', kind: 'term', status: 'reviewed' },
    })
    expect([a.slug, b.slug]).toEqual(['party-building', 'party-building-2'])
    const updated = await payload.update({ collection: 'glossary-terms', id: a.id, data: { definition: 'x' } })
    expect(updated.slug).toBe('party-building')
    const s = await payload.create({ collection: 'sources', data: { name: 'People’s Daily', kind: 'newspaper' } })
    expect(s.slug).toBe('peoples-daily')
  })
})
