import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile } from '../../src/importer/run'
import { plainText } from '../../src/lib/richtext'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
const REAL_LISTING = path.resolve('../shared/samples/real/translations-blog-listing.txt')

beforeAll(async () => {
  t = await bootPayload('import-translations')
})
afterAll(async () => {
  await t?.close()
})

/** A translated article written for this test: every part in a different place than usual. */
const ARTICLE = [
  '6 min read',
  '关于贸易问题的答问',
  'Xinhua: A Spokesperson Answers Questions on Trade',
  'Introduction and Translation by Jane Roe',
  'This is a translation of a short exchange on trade. It shows how the ministry frames the question.',
  'The spokesperson said trade should stay open.',
  'Both sides agreed to talk again next month.',
  'Update 6 April: a fuller transcript was published later.',
  'Excerpt in Chinese:',
  '发言人表示，贸易应当保持开放。',
  'Source: Xinhua, April 1, 2020',
  'http://www.news.cn/politics/2020-04/01/c_1.htm',
].join('\n\n')

const LISTING = [
  'Rules on Domain Names',
  'Posted on March 3, 2016 Updated on March 9, 2016',
  'Translated by Jo Poe',
  'Article 1: These rules govern domain names.',
  'Article 2: Names must be registered. Read the rest of this entry »',
  'Opinions on Credit Supervision',
  'Posted on March 5, 2016',
  'These opinions set out credit supervision.',
  'They apply to all departments.',
].join('\n\n')

const find = (where = {}) =>
  t.payload.find({ collection: 'translations', where, draft: true, depth: 1, sort: 'createdAt', pagination: false })

describe('translated articles and listing posts go into the translations collection', () => {
  it('imports a single translated article as a translation with every part in its field', async () => {
    const result = await importFile(t.payload, 'trade.txt', Buffer.from(ARTICLE))
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ kind: 'translations', items: 1, replaced: false, status: 'draft' })
    const { docs } = await find({ headline: { equals: 'A Spokesperson Answers Questions on Trade' } })
    expect(docs).toHaveLength(1)
    const doc = docs[0]
    expect(doc).toMatchObject({
      _status: 'draft',
      originalTitle: '关于贸易问题的答问',
      sourceUrl: 'http://www.news.cn/politics/2020-04/01/c_1.htm',
      excerpt: true,
      isExcerpt: false,
    })
    expect(typeof doc.source === 'object' && doc.source?.name).toBe('Xinhua')
    expect(doc.originalDate?.slice(0, 10)).toBe('2020-04-01')
    expect(doc.credits?.map((c) => [c.person, c.role])).toEqual([
      ['Jane Roe', 'introduction'],
      ['Jane Roe', 'translator'],
    ])
    expect(plainText(doc.introduction)).toBe(
      'This is a translation of a short exchange on trade. It shows how the ministry frames the question.',
    )
    expect(plainText(doc.body)).toBe(
      'The spokesperson said trade should stay open.\n\nBoth sides agreed to talk again next month.',
    )
    expect(plainText(doc.original)).toBe('发言人表示，贸易应当保持开放。')
    expect(doc.updateNotes?.map((n) => [n.date.slice(0, 10), n.text])).toEqual([
      ['2020-04-06', 'a fuller transcript was published later.'],
    ])
    expect(JSON.stringify(doc)).not.toMatch(/min read|Source:|Update 6 April/)

    const again = await importFile(t.payload, 'trade.txt', Buffer.from(ARTICLE))
    expect(again.written).toMatchObject({ kind: 'translations', items: 1, replaced: true })
    expect((await t.payload.count({ collection: 'translations' })).totalDocs).toBe(1)
  })

  it('imports each post of a listing as a translation, with its Posted/Updated dates and excerpt mark', async () => {
    const result = await importFile(t.payload, 'listing.txt', Buffer.from(LISTING))
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ kind: 'translations', items: 2 })
    const { docs } = await find({ headline: { in: ['Rules on Domain Names', 'Opinions on Credit Supervision'] } })
    expect(
      docs.map((d) => [d.headline, d.isExcerpt, d.publishedAt?.slice(0, 10), d.revisedAt?.slice(0, 10) ?? null]),
    ).toEqual([
      ['Rules on Domain Names', true, '2016-03-03', '2016-03-09'],
      ['Opinions on Credit Supervision', false, '2016-03-05', null],
    ])
    expect(docs[0].credits?.map((c) => [c.person, c.role])).toEqual([['Jo Poe', 'translator']])
    expect(plainText(docs[0].body)).toBe(
      'Article 1: These rules govern domain names.\n\nArticle 2: Names must be registered.',
    )
    expect((await importFile(t.payload, 'listing.txt', Buffer.from(LISTING))).written).toMatchObject({
      items: 2,
      replaced: true,
    })
    expect((await t.payload.count({ collection: 'translations' })).totalDocs).toBe(3)
  })

  it('writes nothing of a file whose one post cannot be saved, and names the line', async () => {
    const before = (await t.payload.count({ collection: 'translations' })).totalDocs
    const bad = [
      LISTING.replace('Rules on Domain Names', 'Rules on Hosting'),
      `${'Long '.repeat(70)}Title`,
      'Posted on',
    ]
    // Drafts skip validation: publishing checks every field (a headline is at most 300 characters).
    const result = await importFile(t.payload, 'bad.txt', Buffer.from(bad.join('\n\n')), { publish: true })
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^bad\.txt:19: .*headline/)
    expect((await t.payload.count({ collection: 'translations' })).totalDocs).toBe(before)
  })

  it('imports the real listing page as 20 translations, 18 of them excerpts', async () => {
    if (!fs.existsSync(REAL_LISTING)) throw new Error(`the real sample is missing: ${REAL_LISTING}`)
    const data = fs.readFileSync(REAL_LISTING)
    const before = (await t.payload.count({ collection: 'translations' })).totalDocs
    const result = await importFile(t.payload, 'translations-blog-listing.txt', data)
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ kind: 'translations', items: 20 })
    expect((await t.payload.count({ collection: 'translations' })).totalDocs).toBe(before + 20)
    const all = (await find()).docs.slice(before)
    expect(all).toHaveLength(20)
    expect(all.filter((d) => d.isExcerpt)).toHaveLength(18)
    for (const d of all) expect(JSON.stringify(d)).not.toMatch(/Read the rest|Posted on/)
    const again = await importFile(t.payload, 'translations-blog-listing.txt', data)
    expect(again.written).toMatchObject({ items: 20, replaced: true })
    expect((await t.payload.count({ collection: 'translations' })).totalDocs).toBe(before + 20)
  })
})
