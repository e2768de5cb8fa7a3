import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderIssue } from '../../src/exporter/formats'
import { loadIssue } from '../../src/exporter/load'
import { importFile } from '../../src/importer/run'
import { plainText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'

const fixture = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/import', name))

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('import-formats')
  await seed(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const outline = async (slug: string) => {
  const issue = await loadIssue(t.payload, slug)
  return issue.sections.map((s) => ({
    name: s.name,
    style: s.style,
    items: s.items.map((i) => [i.date, i.headline ?? String(i.body[0]), i.sources.join(',')].join(' | ')),
  }))
}

describe('HTML saved from a browser', () => {
  it('imports exactly the report, leaving out the page chrome', async () => {
    const result = await importFile(t.payload, 'weekly-report-4-68.html', fixture('weekly-report-4-68.html'))
    expect(result.error).toBeUndefined()
    expect(result.format).toBe('html')
    expect(result.warnings).toEqual([])
    expect(await outline('4-68')).toEqual([
      {
        name: 'Senior Leaders',
        style: 'full',
        items: [
          '2022-04-21 | Xi Jinping Proposes the Global Security Initiative | Xinhua',
          '2022-04-18 | Xi Jinping Chairs a Politburo Meeting on the Economy | ',
        ],
      },
      {
        name: 'Propaganda Work',
        style: 'full',
        items: ['2022-04-16 | Xi Jinping: Correctly Understanding Common Prosperity | Qiushi'],
      },
      {
        name: 'Organization Work',
        style: 'brief',
        items: [
          '2022-04-19 | The Central Organization Department issued rules on cadre evaluation. | ',
          '2022-04-22 | Chen Xi (陈希) spoke at a training session for young cadres. | ',
        ],
      },
    ])
    const issue = await loadIssue(t.payload, '4-68')
    const allText = JSON.stringify(issue)
    for (const chrome of [
      'top of page',
      'Skip to',
      'Admin',
      'Related postings',
      '4|67',
      'Facebook',
      'views',
      '©',
      'Log In',
      'Subscribe',
    ]) {
      expect(allText).not.toContain(chrome)
    }
    expect(issue.sections[0].items[0].body).toEqual([
      'In a video address to the opening of the Boao Forum for Asia, Xi Jinping proposed a “Global Security Initiative” (全球安全倡议) built on six commitments, including:',
      {
        list: 'number',
        items: [
          'staying committed to the vision of common, comprehensive, cooperative and sustainable security;',
          'respecting the sovereignty and territorial integrity of all countries.',
        ],
      },
      'Han Zheng (韩正) read out congratulations at the closing session.',
    ])
    // …and exports back to the report's text (the page content without its chrome).
    expect(renderIssue(issue, 'txt')).toBe(fixture('weekly-report-4-68.expected.txt').toString('utf8'))
    // Existing sources and terms are matched, not duplicated: the seed has Xinhua, Qiushi and 动态清零.
    const sources = await t.payload.find({ collection: 'sources', where: { name: { in: ['Xinhua', 'Qiushi'] } } })
    expect(sources.totalDocs).toBe(2)
    expect(
      (await t.payload.count({ collection: 'glossary-terms', where: { original: { equals: '动态清零' } } })).totalDocs,
    ).toBe(1)
    const hanZheng = await t.payload.find({ collection: 'glossary-terms', where: { original: { equals: '韩正' } } })
    expect(hanZheng.docs[0]).toMatchObject({ english: 'Han Zheng', kind: 'person', status: 'unreviewed' })
  })
})

describe('Markdown (marked lexer) and a year boundary', () => {
  it('resolves 12.xx dates to the old year and 1.x dates to the new one', async () => {
    const result = await importFile(t.payload, 'weekly-report-5-1.md', fixture('weekly-report-5-1.md'))
    expect(result.error).toBeUndefined()
    const issue = await loadIssue(t.payload, '5-1')
    expect([issue.periodStart, issue.periodEnd]).toEqual(['2024-12-28', '2025-01-03'])
    expect(await outline('5-1')).toEqual([
      {
        name: 'Senior Leaders',
        style: 'full',
        items: [
          '2025-01-01 | Xi Jinping: New Year Address for 2025 | ',
          '2024-12-30 | Xi Jinping Presides Over a Politburo Democratic Life Meeting | ',
        ],
      },
      {
        name: 'Party Discipline',
        style: 'brief',
        items: [
          '2024-12-29 | The CCDI announced an investigation into a deputy governor. | ',
          '2025-01-02 | Qiushi published an article on strict Party self-governance (全面从严治党). | Qiushi',
        ],
      },
    ])
    expect(result.warnings).toContain('section "Party Discipline" changed from full to brief style, as in the report')
    expect(issue.sections[0].items[0].body[1]).toEqual({
      list: 'number',
      items: [
        'growth of about 5 percent;',
        'grain output above 700 million tons;',
        'progress in “new quality productive forces” (新质生产力).',
      ],
    })
  })
})

describe('section styles', () => {
  it('keeps the style of a section already in use and says so', async () => {
    const text =
      'Weekly Report 6|1 1.4.25-1.10.25\n\n\nSenior Leaders\n\n1.6 Xi Jinping met a visiting president.\n\n1.8 Xi Jinping spoke at a conference.\n'
    const result = await importFile(t.payload, 'six.txt', Buffer.from(text))
    expect(result.error).toBeUndefined()
    expect(result.warnings).toContain('section "Senior Leaders" is full style in Briefing but reads as brief here')
    const section = await t.payload.find({ collection: 'sections', where: { name: { equals: 'Senior Leaders' } } })
    expect(section.docs[0].style).toBe('full')
  })
})

describe('DOCX (mammoth)', () => {
  it('imports headings, the bold headline, the numbered list and the brief section', async () => {
    const result = await importFile(t.payload, 'weekly-report-4-69.docx', fixture('weekly-report-4-69.docx'), {
      publish: true,
    })
    expect(result.error).toBeUndefined()
    expect(result.format).toBe('docx')
    expect(await outline('4-69')).toEqual([
      {
        name: 'Senior Leaders',
        style: 'full',
        items: ['2022-04-29 | Xi Jinping Chairs the Politburo Meeting on the Economy | Xinhua'],
      },
      {
        name: 'International Liaison Work',
        style: 'brief',
        items: [
          '2022-04-26 | CCP/ID Head Liu Jianchao (刘建超) met the ambassador of Pakistan. | ',
          '2022-04-28 | CCP/ID Deputy Head Guo Yezhou (郭业洲) spoke at a think-tank forum. | ',
        ],
      },
    ])
    const issue = await loadIssue(t.payload, '4-69')
    expect(issue.status).toBe('published')
    expect(issue.sections[0].items[0].body[1]).toMatchObject({
      list: 'number',
      items: expect.arrayContaining(['step up infrastructure investment;']),
    })
  })
})

describe('a single translated article', () => {
  it('becomes one item with source, URL, original title, credit and excerpt in the chosen issue and section', async () => {
    const data = fixture('article-xinhua-2020-04-01.txt')
    // Without a placement it would be a translation (tests/int/import-translations.test.ts).
    const alone = await importFile(t.payload, 'article.txt', data, { dryRun: true })
    expect(alone.recognised?.kind).toBe('article')
    const result = await importFile(t.payload, 'article.txt', data, { issue: '3-10', section: 'Senior Leaders' })
    expect(result.error).toBeUndefined()
    const items = await t.payload.find({
      collection: 'items',
      where: { originalTitle: { exists: true } },
      draft: true,
      depth: 1,
    })
    expect(items.totalDocs).toBe(1)
    const item = items.docs[0]
    expect(item).toMatchObject({
      headline: 'Xi Jinping: Make Every Effort to Stabilize Employment',
      originalTitle: '习近平：千方百计稳定和扩大就业',
      articleUrl: 'http://www.xinhuanet.com/politics/leaders/2020-04/01/c_1125799612.htm',
      credit: 'Introduction and Translation by Jane Doe',
      excerpt: '习近平强调，就业是民生之本。\n要千方百计稳定和扩大就业。',
      issue: { slug: '3-10' },
      section: { slug: 'senior-leaders' },
    })
    expect(item.date?.slice(0, 10)).toBe('2020-04-01')
    expect((item.sources ?? []).map((s) => (s as { name: string }).name)).toEqual(['Xinhua'])
    expect((item.terms ?? []).map((x) => (x as { english: string }).english)).toEqual([
      'the foundation of people’s livelihood',
      'six stabilities',
    ])
    expect(plainText(item.body)).toMatch(
      /^Introduction: During an inspection tour[\s\S]*1\. support small[\s\S]*continue\.$/,
    )
    // Importing it again updates the same item.
    const again = await importFile(t.payload, 'article.txt', data, { issue: '3-10', section: 'senior-leaders' })
    expect(again.written).toMatchObject({ replaced: true })
    expect(
      (await t.payload.find({ collection: 'items', where: { originalTitle: { exists: true } }, draft: true }))
        .totalDocs,
    ).toBe(1)
    const wrong = await importFile(t.payload, 'article.txt', data, { issue: '9-99', section: 'senior-leaders' })
    expect(wrong.error).toBe('article.txt: there is no issue "9-99" (use its slug, e.g. 3-9)')
  })
})
