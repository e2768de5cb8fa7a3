import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { plainText } from '../../src/lib/richtext'
import { importFile } from '../../src/importer/run'
import { bootPayload, type TestPayload } from '../helpers/payload'

const FIXTURES = path.resolve('tests/fixtures/import')
const sample = fs.readFileSync(path.join(FIXTURES, 'weekly-report-3-9.txt'))

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('import-report')
})
afterAll(async () => {
  await t?.close()
})

type Rel = number | string | { id: number | string } | null | undefined
const idOf = (v: Rel) => (v && typeof v === 'object' ? v.id : v)

async function issueStructure(payload: Payload, slug: string) {
  const { docs } = await payload.find({
    collection: 'issues',
    where: { slug: { equals: slug } },
    draft: true,
    depth: 1,
  })
  const issue = docs[0]
  const items = await payload.find({
    collection: 'items',
    where: { issue: { equals: issue.id } },
    draft: true,
    depth: 1,
    pagination: false,
    sort: 'position',
  })
  const sections = (issue.sections ?? []).map((row) => {
    const section = row.section as { id: number; name: string; style: string }
    const mine = items.docs.filter((i) => idOf(i.section as Rel) === section.id)
    return {
      name: section.name,
      style: section.style,
      items: mine.map((i) => ({
        date: i.date?.slice(0, 10),
        headline: i.headline ?? null,
        sources: (i.sources ?? []).map((s) => (s as { name: string }).name),
        terms: (i.terms ?? []).map((x) => (x as { english: string }).english),
      })),
    }
  })
  const highlights = (issue.highlights ?? []).map((h) => ({
    text: plainText(h.text),
    section: (h.section as { name: string } | null)?.name,
  }))
  return { issue, sections, highlights, items: items.docs }
}

describe('importing the sample weekly report', () => {
  it('builds exactly its issue, sections, items, highlights, sources and terms', async () => {
    const result = await importFile(t.payload, 'weekly-report-3-9.txt', sample)
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ issue: '3-9', status: 'draft', items: 7, sections: 4, replaced: false })
    const { issue, sections, highlights } = await issueStructure(t.payload, '3-9')
    expect(issue).toMatchObject({ volume: 3, number: 9, slug: '3-9', label: 'Weekly Report 3|9', _status: 'draft' })
    expect(issue.periodStart?.slice(0, 10)).toBe('2024-03-02')
    expect(issue.periodEnd?.slice(0, 10)).toBe('2024-03-08')
    expect(sections).toEqual([
      {
        name: 'Senior Leaders',
        style: 'full',
        items: [
          {
            date: '2024-03-05',
            headline: 'Xi Jinping: Develop New Quality Productive Forces According to Local Conditions',
            sources: [],
            terms: [
              'top priority',
              'social credit',
              'Yangtze River Economic Belt',
              'pointless formalities and bureaucratism',
            ],
          },
          {
            date: '2024-03-06',
            headline: 'Xi Jinping: Build Broad Consensus for Chinese Modernization',
            sources: [],
            terms: ['Taiwan independence', 'deeper cross-Strait integrated development', 'Wang Huning', 'Cai Qi'],
          },
          {
            date: '2024-03-07',
            headline: 'Xi Jinping: Comprehensively Enhance Strategic Capabilities in Emerging Areas',
            sources: [],
            terms: ['strategic capabilities in emerging areas', 'new quality combat capabilities'],
          },
        ],
      },
      {
        name: 'Propaganda Work',
        style: 'full',
        items: [
          {
            date: '2024-03-07',
            headline: 'People’s Daily Commentator Article: Grasp the Key Phrase of the Sessions',
            sources: ['People’s Daily'],
            terms: ['new quality productive forces', 'according to local conditions', 'headlong rush'],
          },
        ],
      },
      {
        name: 'International Liaison Work',
        style: 'brief',
        items: [
          { date: '2024-03-04', headline: null, sources: [], terms: ['Liu Jianchao'] },
          { date: '2024-03-06', headline: null, sources: [], terms: ['Sun Haiyan'] },
        ],
      },
      {
        name: 'Organization Work',
        style: 'brief',
        items: [{ date: '2024-03-08', headline: null, sources: [], terms: [] }],
      },
    ])
    expect(highlights).toEqual([
      {
        text: expect.stringMatching(/^Xi Jinping joined the Jiangsu delegation .*according to local conditions\.$/),
        section: 'Senior Leaders',
      },
      { text: expect.stringMatching(/^Xi told political advisors .*\(中国式现代化\)\.$/), section: 'Senior Leaders' },
      {
        text: expect.stringMatching(/^A People’s Daily commentator article .*sessions\.$/),
        section: 'Propaganda Work',
      },
    ])
  })

  it('keeps numbered lists as lists and the brief lines as one-liners', async () => {
    const { items } = await issueStructure(t.payload, '3-9')
    const first = items.find((i) => i.headline?.startsWith('Xi Jinping: Develop'))!
    const root = (
      first.body as unknown as { root: { children: Array<{ type: string; listType?: string; children: unknown[] }> } }
    ).root
    expect(root.children.map((c) => c.type)).toEqual(['paragraph', 'list', 'paragraph'])
    expect(root.children[1]).toMatchObject({ listType: 'number' })
    expect(root.children[1].children).toHaveLength(3)
    const brief = items.find((i) => plainText(i.body).startsWith('CCP International Department'))!
    expect(plainText(brief.body)).toBe(
      'CCP International Department (CCP/ID) Head Liu Jianchao (刘建超) met a delegation of the Communist Party of Vietnam.',
    )
  })

  it('creates glossary candidates unreviewed, persons as persons, and the source once', async () => {
    const terms = await t.payload.find({ collection: 'glossary-terms', pagination: false })
    const byOriginal = new Map(terms.docs.map((d) => [d.original, d]))
    for (const [original, english] of [
      ['王沪宁', 'Wang Huning'],
      ['蔡奇', 'Cai Qi'],
      ['刘建超', 'Liu Jianchao'],
      ['孙海燕', 'Sun Haiyan'],
    ]) {
      expect(byOriginal.get(original)).toMatchObject({ english, kind: 'person', status: 'unreviewed' })
    }
    expect(byOriginal.get('新质生产力')).toMatchObject({ english: 'new quality productive forces', kind: 'term' })
    expect(byOriginal.get('中国式现代化')).toMatchObject({ english: 'Chinese modernization' })
    expect(terms.totalDocs).toBe(16)
    const sources = await t.payload.find({ collection: 'sources' })
    expect(sources.docs.map((s) => s.name)).toEqual(['People’s Daily'])
  })

  it('importing the same report again updates that issue and replaces its items', async () => {
    const before = await t.payload.count({ collection: 'items' })
    const edited = Buffer.from(sample.toString('utf8').replace('3.8 The second session', '3.7 The second session'))
    const result = await importFile(t.payload, 'weekly-report-3-9.txt', edited, { publish: true })
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({
      issue: '3-9',
      replaced: true,
      status: 'published',
      newTerms: 0,
      newSources: 0,
      newSections: 0,
    })
    expect(await t.payload.count({ collection: 'issues' })).toEqual({ totalDocs: 1 })
    expect(await t.payload.count({ collection: 'items' })).toEqual(before)
    const { issue, sections, items } = await issueStructure(t.payload, '3-9')
    expect(issue._status).toBe('published')
    expect(items.every((i) => i._status === 'published')).toBe(true)
    expect(sections[3].items[0].date).toBe('2024-03-07')
    expect(await t.payload.count({ collection: 'glossary-terms' })).toEqual({ totalDocs: 16 })
    expect(await t.payload.count({ collection: 'sections' })).toEqual({ totalDocs: 4 })
  })

  it('matches existing sections and terms by name and original, case-insensitively', async () => {
    const text = [
      'Weekly Report 3|10 3.9.24-3.15.24',
      '',
      'Something happened. (See senior leaders section)',
      '',
      '',
      'SENIOR LEADERS',
      '',
      'Xi Jinping: Another Speech',
      '',
      '3.11 Xi spoke of “new quality productive forces” (新质生产力) and met Wang Huning (王沪宁).',
    ].join('\n')
    const result = await importFile(t.payload, 'r.txt', Buffer.from(text))
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ newSections: 0, newTerms: 0, items: 1 })
    const { sections, highlights } = await issueStructure(t.payload, '3-10')
    expect(sections[0]).toMatchObject({
      name: 'Senior Leaders',
      items: [{ terms: ['new quality productive forces', 'Wang Huning'] }],
    })
    expect(highlights[0].section).toBe('Senior Leaders')
  })
})
