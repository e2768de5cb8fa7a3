import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { buildIssueView, type Inline, type IssueView } from '../../src/content/viewModel'
import { bootPayload, type TestPayload } from '../helpers/payload'

const publicUrl = 'https://briefing.example.com'
let t: TestPayload
let view: IssueView

const inlinesOf = (v: IssueView): Inline[] =>
  v.sections.flatMap((s) =>
    s.items.flatMap((i) => i.body.flatMap((b) => (b.type === 'list' ? b.items.flat() : b.inlines))),
  )

beforeAll(async () => {
  t = await bootPayload('web-viewmodel')
  await seed(t.payload)
  view = (await buildIssueView(t.payload, '3-9', { publicUrl }))!
})
afterAll(async () => {
  await t?.close()
})

describe('issue view-model', () => {
  it('labels the issue as the reports do', () => {
    expect(view).toMatchObject({
      slug: '3-9',
      label: 'Weekly Report 3|9',
      numberLabel: '3|9',
      periodStart: '2024-03-02',
      periodEnd: '2024-03-08',
      periodLabel: '3.2.24–3.8.24',
      url: `${publicUrl}/issues/3-9`,
      status: 'published',
    })
    expect(view.description).toMatch(/^Xi Jinping joined the Jiangsu delegation/)
    expect(JSON.parse(JSON.stringify(view))).toEqual(view)
  })

  it('orders sections as the issue does and gives every highlight a target on the page', () => {
    expect(view.sections.map((s) => s.slug)).toEqual([
      'senior-leaders',
      'propaganda-work',
      'international-liaison-work',
      'organization-work',
    ])
    expect(view.highlights).toHaveLength(3)
    const anchors = new Set(view.sections.flatMap((s) => [s.anchor, ...s.items.map((i) => i.anchor)]))
    for (const h of view.highlights) {
      expect(h.target).toBeDefined()
      expect(anchors.has(h.target!.anchor)).toBe(true)
    }
    expect(view.highlights.map((h) => h.target!.label)).toEqual([
      'Senior Leaders section',
      'Senior Leaders section',
      'Propaganda Work section',
    ])
  })

  it('gives full items headlines, sources and date labels; briefs no headline', () => {
    const [senior, , liaison] = view.sections
    const first = senior.items[0]
    expect(first.headline).toBe('Xi Jinping: Develop New Quality Productive Forces According to Local Conditions')
    expect(first).toMatchObject({ date: '2024-03-05', dateLabel: '3.5', style: 'full' })
    expect(first.sources[0]).toMatchObject({
      name: 'Xinhua',
      originalName: '新华社',
      url: `${publicUrl}/sources/xinhua`,
    })
    expect(first.permalink).toBe(`${publicUrl}/items/${first.id}`)
    expect(first.excerpt).toContain('新质生产力')
    expect(liaison.style).toBe('brief')
    for (const item of liaison.items) expect(item.headline).toBeUndefined()
    expect(liaison.items.map((i) => i.dateLabel)).toEqual(['3.4', '3.6'])
  })

  it('marks Chinese runs with zh-Hans and glossary terms with their definitions', () => {
    const inlines = inlinesOf(view)
    expect(inlines.find((i) => i.text === '社会信用')).toMatchObject({ lang: 'zh-Hans' })
    const marked = inlines.filter((i) => i.term)
    expect(marked.map((i) => i.term!.slug)).toEqual(
      expect.arrayContaining(['top-priority', 'wang-huning', 'liu-jianchao']),
    )
    const top = marked.find((i) => i.term!.slug === 'top-priority')!
    expect(top.text).toBe('top priority')
    expect(top.term!.definition).toMatch(/high-quality development/)
    expect(top.term!.url).toBe(`${publicUrl}/glossary/top-priority`)
    expect(view.terms.length).toBeGreaterThanOrEqual(7)
  })

  it('links prev/next only to published issues and hides drafts publicly', async () => {
    expect(view.prev).toBeNull()
    expect(view.next).toBeNull()
    expect(await buildIssueView(t.payload, '3-10', { publicUrl })).toBeNull()
    const draft = await buildIssueView(t.payload, '3-10', { publicUrl, draft: true })
    expect(draft?.status).toBe('draft')
    expect(draft?.sections[0].items[0].headline).toBe('Li Qiang Closes the Sessions With a Press Conference')
  })

  it('labels dates correctly across a year boundary', async () => {
    const { payload } = t
    const sections = await payload.find({ collection: 'sections', where: { slug: { equals: 'organization-work' } } })
    const section = sections.docs[0].id
    const issue = await payload.create({
      collection: 'issues',
      draft: true,
      data: {
        volume: 3,
        number: 50,
        periodStart: '2024-12-28',
        periodEnd: '2025-01-03',
        sections: [{ section }],
        _status: 'draft',
      },
    })
    for (const [date, text] of [
      ['2024-12-30T12:00:00.000Z', 'Year-end meeting.'],
      ['2025-01-02T12:00:00.000Z', 'New year meeting.'],
    ]) {
      await payload.create({
        collection: 'items',
        draft: true,
        data: { issue: issue.id, section, date, body: richText(text), _status: 'draft' },
      })
    }
    await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    const v = (await buildIssueView(payload, '3-50', { publicUrl }))!
    expect(v.periodLabel).toBe('12.28.24–1.3.25')
    expect(v.sections[0].items.map((i) => [i.dateLabel, i.date])).toEqual([
      ['12.30', '2024-12-30'],
      ['1.2', '2025-01-02'],
    ])
    const again = (await buildIssueView(payload, '3-9', { publicUrl }))!
    expect(again.next).toMatchObject({ slug: '3-50', label: 'Weekly Report 3|50' })
    expect(v.prev).toMatchObject({ slug: '3-9', url: `${publicUrl}/issues/3-9` })
  })
})
