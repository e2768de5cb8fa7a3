import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile, recogniseFile } from '../../src/importer/run'
import type { ImportedArticle } from '../../src/importer/types'
import { plainText } from '../../src/lib/richtext'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
const PLACE = { issue: '7-1', section: 'Leaders' }

beforeAll(async () => {
  t = await bootPayload('import-articles')
  const report = ['Weekly Report 7|1 3.28.20-4.3.20', '', 'Leaders', '', 'The Council Meets on Jobs', '4.1 It met.']
  const made = await importFile(t.payload, 'report.txt', Buffer.from(report.join('\n')))
  if (made.error) throw new Error(made.error)
})
afterAll(async () => {
  await t?.close()
})

const recognise = async (lines: string[]) => {
  const { recognised } = await recogniseFile(t.payload, 'post.txt', Buffer.from(lines.join('\n\n')), PLACE)
  return recognised as ImportedArticle
}
const roles = (a: ImportedArticle) => a.blocks.map((b) => b.role)

describe('translated articles: parts in any order, each optional', () => {
  it('takes the source line and URL last, after the Chinese excerpt (Chinascope order)', async () => {
    const a = await recognise([
      'The Council Calls for Steady Jobs',
      'The State Council met and called for steady jobs in every province.',
      'It asked local governments to help small firms keep their staff.',
      'Excerpt in Chinese:',
      '国务院召开会议，要求稳定就业。',
      '各地要帮助小企业留住员工。',
      'Source: Xinhua, April 1, 2020',
      'http://www.example.cn/2020-04/01/c_1.htm',
    ])
    expect(a.item).toMatchObject({
      headline: 'The Council Calls for Steady Jobs',
      date: '2020-04-01',
      sources: ['Xinhua'],
      articleUrl: 'http://www.example.cn/2020-04/01/c_1.htm',
      excerpt: '国务院召开会议，要求稳定就业。\n各地要帮助小企业留住员工。',
      body: [
        'The State Council met and called for steady jobs in every province.',
        'It asked local governments to help small firms keep their staff.',
      ],
    })
    expect(roles(a)).toEqual(['headline', 'body', 'body', 'excerpt', 'excerpt', 'excerpt', 'source', 'url'])
  })

  it('takes "Source: <URL>" alone, the Chinese title first, and the credit after the source (Neican order)', async () => {
    const a = await recognise([
      '习近平：稳定就业是头等大事',
      'Xi Jinping: Stable Jobs Come First',
      'Source: http://www.example.cn/politics/2020-04/01/c_2.htm',
      'Introduction and Translation by Jane Roe',
      'In this speech, Xi puts jobs at the top of the agenda.',
    ])
    expect(a.item).toMatchObject({
      headline: 'Xi Jinping: Stable Jobs Come First',
      originalTitle: '习近平：稳定就业是头等大事',
      articleUrl: 'http://www.example.cn/politics/2020-04/01/c_2.htm',
      credit: 'Introduction and Translation by Jane Roe',
      body: ['In this speech, Xi puts jobs at the top of the agenda.'],
    })
    expect(a.item.sources).toEqual([])
    expect(roles(a)).toEqual(['original-title', 'headline', 'url', 'credit', 'body'])
    expect(a.warnings).toContain('no original date found (e.g. "Source: Xinhua, April 1, 2020")')
  })

  it('takes an outlet and date without URL, "Excerpt in Chinese" before the source, and other credit phrasings', async () => {
    for (const credit of [
      'Translated by Jane Roe',
      'It was kindly translated by Jane Roe, who studies law.',
      'Translation: Jane Roe',
    ]) {
      const a = await recognise([
        'A Paper Praises the Plan',
        credit,
        'The paper said the plan was sound.',
        'Excerpt in Chinese:',
        '报纸称该计划是合理的。',
        'Source: Guangming Daily, March 3, 2021',
      ])
      expect(a.item).toMatchObject({
        headline: 'A Paper Praises the Plan',
        credit,
        sources: ['Guangming Daily'],
        date: '2021-03-03',
        excerpt: '报纸称该计划是合理的。',
        body: ['The paper said the plan was sound.'],
      })
      expect(a.item.articleUrl).toBeUndefined()
    }
  })

  it('keeps alternating English and Chinese paragraphs as aligned pairs', async () => {
    const a = await recognise([
      'People’s Daily: Hold Fast to the Line',
      'The first point is to hold fast.',
      '第一点是坚守。',
      'The second point is to move ahead.',
      '第二点是前进。',
      'The third point is to stay united.',
      '第三点是团结。',
    ])
    expect(a.item.pairs).toEqual([
      { en: 'The first point is to hold fast.', zh: '第一点是坚守。' },
      { en: 'The second point is to move ahead.', zh: '第二点是前进。' },
      { en: 'The third point is to stay united.', zh: '第三点是团结。' },
    ])
    expect(a.item.headline).toBe('Hold Fast to the Line')
    expect(a.item.sources).toEqual(['People’s Daily'])
    expect(a.item.body).toHaveLength(3)
    expect(a.item.excerpt).toBe('第一点是坚守。\n第二点是前进。\n第三点是团结。')
  })

  it('imports an article with no source line at all as a draft with warnings, not a refusal', async () => {
    const result = await importFile(
      t.payload,
      'bare.txt',
      Buffer.from(['A Bare Translation With No Source', 'Only the text of it is here.'].join('\n\n')),
      PLACE,
    )
    expect(result.error).toBeUndefined()
    expect(result.warnings).toEqual([
      'no source outlet found (a line like "Source: Xinhua, April 1, 2020")',
      'no original date found (e.g. "Source: Xinhua, April 1, 2020")',
      'no article URL found',
    ])
    const { docs } = await t.payload.find({
      collection: 'items',
      where: { headline: { equals: 'A Bare Translation With No Source' } },
      draft: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]._status).toBe('draft')
    expect(plainText(docs[0].body)).toBe('Only the text of it is here.')
  })

  it('refuses only what has no recognisable content, naming file, line and reason', async () => {
    const result = await importFile(
      t.payload,
      'empty.txt',
      Buffer.from(['Source: Xinhua, April 1, 2020', 'http://www.example.cn/a.htm'].join('\n')),
      PLACE,
    )
    expect(result.error).toBe('empty.txt:1: the article has no text: only its source and URL lines were found')
  })
})
