import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compareItems } from '../../src/content/order'
import { importFile, recogniseFile } from '../../src/importer/run'
import { describeRecognised } from '../../src/importer/summary'
import type { ImportedListing } from '../../src/importer/types'
import { plainText } from '../../src/lib/richtext'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
const PLACE = { issue: '8-2', section: 'Translations' }
const REAL_LISTING = path.resolve('../shared/samples/real/translations-blog-listing.txt')

beforeAll(async () => {
  t = await bootPayload('import-listing')
  await t.payload.create({ collection: 'sections', data: { name: 'Translations', style: 'full', position: 10 } })
  const report = [
    'Weekly Report 8|2 3.5.16-3.11.16',
    '',
    'Translations',
    '',
    'A Rule on Names Is Issued',
    '3.7 It was.',
  ]
  const made = await importFile(t.payload, 'report.txt', Buffer.from(report.join('\n')))
  if (made.error) throw new Error(made.error)
})
afterAll(async () => {
  await t?.close()
})

const LISTING = [
  'Skip to content',
  'Rules on Domain Names',
  'Posted on Updated on',
  'It was kindly translated by Jane Roe, who studies the internet.',
  'Article 1: These rules govern domain names.',
  'Article 2: Names must be registered. Read the rest of this entry »',
  'Opinions on Credit Supervision',
  'Posted on March 3, 2016 Updated on March 4, 2016',
  'These opinions set out credit supervision.',
  'They apply to all departments.',
  'A Speech at the Forum',
  'Posted on',
  'Good evening, everyone.',
  'Read the rest of this entry »',
  'Copyright © 2016 Example Translations',
].join('\n\n')

describe('a page holding several posts (a blog listing)', () => {
  it('recognises one post per entry, marking those cut by "Read the rest" as excerpts', async () => {
    const { recognised } = await recogniseFile(t.payload, 'listing.txt', Buffer.from(LISTING), PLACE)
    const listing = recognised as ImportedListing
    expect(listing.kind).toBe('listing')
    expect(
      listing.posts.map((p) => [p.item.headline, p.item.isExcerpt ?? false, p.item.body.length, p.item.postedAt]),
    ).toEqual([
      ['Rules on Domain Names', true, 2, undefined],
      ['Opinions on Credit Supervision', false, 2, '2016-03-03'],
      ['A Speech at the Forum', true, 1, undefined],
    ])
    expect(listing.posts[0].item.credit).toBe('It was kindly translated by Jane Roe, who studies the internet.')
    expect(listing.posts[0].item.body[1]).toBe('Article 2: Names must be registered.')
    const roles = listing.blocks.map((b) => `${b.role}:${b.text.slice(0, 12)}`)
    expect(roles.slice(0, 4)).toEqual([
      'chrome:Skip to cont',
      'headline:Rules on Dom',
      'date-line:Posted on Up',
      'credit:It was kindl',
    ])
    expect(roles.at(-1)).toBe('chrome:Copyright © ')
  })

  it('imports every post as an item of the chosen issue and section, in one go', async () => {
    const result = await importFile(t.payload, 'listing.txt', Buffer.from(LISTING), PLACE)
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ items: 3, issue: '8-2' })
    const { docs } = await t.payload.find({
      collection: 'items',
      where: { headline: { in: ['Rules on Domain Names', 'Opinions on Credit Supervision', 'A Speech at the Forum'] } },
      draft: true,
    })
    docs.sort(compareItems)
    expect(docs.map((d) => [d.headline, d.isExcerpt ?? false])).toEqual([
      ['Rules on Domain Names', true],
      ['Opinions on Credit Supervision', false],
      ['A Speech at the Forum', true],
    ])
    expect(plainText(docs[0].body)).not.toContain('Read the rest')
    const again = await importFile(t.payload, 'listing.txt', Buffer.from(LISTING), PLACE)
    expect(again.written).toMatchObject({ items: 3, replaced: true })
    expect((await t.payload.count({ collection: 'items', where: { issue: { exists: true } } })).totalDocs).toBe(4)
  })

  it('imports the real listing page as 20 posts', async () => {
    if (!fs.existsSync(REAL_LISTING)) throw new Error(`the real sample is missing: ${REAL_LISTING}`)
    const data = fs.readFileSync(REAL_LISTING)
    const { recognised } = await recogniseFile(t.payload, 'listing.txt', data, PLACE)
    const listing = recognised as ImportedListing
    expect(listing.posts).toHaveLength(20)
    expect(listing.posts.filter((p) => p.item.isExcerpt)).toHaveLength(18)
    for (const p of listing.posts) {
      expect(p.item.headline).toBeTruthy()
      expect(JSON.stringify(p.item)).not.toMatch(/Read the rest|Posted on/)
    }
    const result = await importFile(t.payload, 'listing.txt', data, PLACE)
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ items: 20 })
  })
})

/** What a newcomer met importing the real listing page (notes/newb-try.md). */
const LONG_TITLE = 'Rules concerning the Management of Internet Domain Names and the Registering of a Name Online'
const REPEATING = [
  LONG_TITLE,
  'Posted on Updated on',
  LONG_TITLE,
  'Ministry of Industry and Information Technology',
  'These rules govern the registering of names. Read the rest of this entry »',
].join('\n\n')

describe('a listing as a newcomer imports it', () => {
  it('does not repeat the title as the first paragraph of a post that opens with it', async () => {
    const { recognised } = await recogniseFile(t.payload, 'listing.txt', Buffer.from(REPEATING))
    const post = (recognised as ImportedListing).posts[0]
    expect(post.item.headline).toBe(LONG_TITLE)
    expect(post.item.body[0]).toBe('Ministry of Industry and Information Technology')
  })

  it('the dry run tells a post cut by "Read the rest" from one with a Chinese excerpt', async () => {
    const { recognised } = await recogniseFile(t.payload, 'listing.txt', Buffer.from(REPEATING))
    const text = describeRecognised(recognised!)
    expect(text).toContain('[excerpt]')
    expect(text).not.toMatch(/ {2}excerpt:/)
    expect(text).toMatch(/Chinese excerpt: no/)
  })

  it('gives a long title a slug without a trailing hyphen, and reports the path it stored', async () => {
    const result = await importFile(t.payload, 'listing.txt', Buffer.from(REPEATING))
    expect(result.error).toBeUndefined()
    const [slug] = result.written!.slugs!
    expect(slug).not.toMatch(/-$/)
    const { docs } = await t.payload.find({
      collection: 'translations',
      where: { headline: { equals: LONG_TITLE } },
      draft: true,
    })
    expect(docs.map((d) => d.slug)).toEqual([slug])
    // A second save keeps the permalink.
    const saved = await t.payload.update({
      collection: 'translations',
      id: docs[0].id,
      data: { headline: LONG_TITLE },
      draft: true,
    })
    expect(saved.slug).toBe(slug)
  })
})
