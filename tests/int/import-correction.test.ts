import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Correction } from '../../src/importer/correct/corrections'
import { recogniseFile } from '../../src/importer/run'
import type { ImportedArticle, ImportedListing, ImportedReport, RoledBlock } from '../../src/importer/types'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { REPORT } from './import-correction-text'

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('import-correction')
  await t.payload.create({ collection: 'sections', data: { name: 'Leaders', style: 'full', position: 10 } })
  await t.payload.create({ collection: 'sections', data: { name: 'Economy', style: 'full', position: 20 } })
})
afterAll(async () => {
  await t?.close()
})

type Opts = { corrections?: Correction[]; issue?: string; section?: string }
const recognise = async (text: string, opts: Opts = {}, name = 'report.txt') =>
  (await recogniseFile(t.payload, name, Buffer.from(text), opts)).recognised
const report = async (corrections: Correction[] = []) => (await recognise(REPORT, { corrections })) as ImportedReport
const index = (blocks: RoledBlock[] | undefined, text: string) => blocks!.findIndex((b) => b.text.startsWith(text))
/** The outlet line as a source (so that the items after it stay in "Leaders"). */
const outletFixed = (base: ImportedReport): Correction => ({
  op: 'role',
  block: index(base.blocks, 'Harbour'),
  role: 'source',
})
const items = (r: ImportedReport) =>
  r.sections.map((s) => [s.name, s.items.map((i) => [i.headline ?? null, i.date ?? null, i.body, i.sources])])

describe('the correction step: the structure re-derives from the corrected roles', () => {
  it('without corrections the outlet line is misread as a section heading', async () => {
    const r = await report()
    const b = r.blocks!.find((x) => x.text === 'Harbour Evening Gazette')
    expect(b?.role).toBe('section-heading')
    expect(r.sections.map((s) => s.name)).toEqual(['Leaders', 'Harbour Evening Gazette', 'Economy'])
  })

  it('a role change (section heading → source) moves the line into the item’s sources', async () => {
    const base = await report()
    const r = await report([{ op: 'role', block: index(base.blocks, 'Harbour'), role: 'source' }])
    expect(r.sections.map((s) => s.name)).toEqual(['Leaders', 'Economy'])
    const first = r.sections[0].items[0]
    expect(first.headline).toBe('A Council Meets on Rivers')
    expect(first.body).toEqual(['The council met to discuss the rivers of the west.'])
    expect(first.sources).toEqual(['Harbour Evening Gazette'])
    expect(r.blocks!.find((x) => x.text === 'Harbour Evening Gazette')?.role).toBe('source')
  })

  it('joins two adjacent paragraphs into one', async () => {
    const base = await report()
    const r = await report([outletFixed(base), { op: 'join', block: index(base.blocks, '5.7 The plan') }])
    const bridges = r.sections[0].items.find((i) => i.headline === 'A Plan for Bridges Is Issued')!
    expect(bridges.body).toEqual(['The plan covers small bridges. It takes effect in June.'])
    expect(r.blocks).toHaveLength(base.blocks!.length - 1)
  })

  it('splits a paragraph at an offset, and the second part can become a new item’s headline', async () => {
    const base = await report()
    const at = index(base.blocks, '5.8 A minister')
    const offset = base.blocks![at].text.indexOf('Ports Get')
    const r = await report([
      outletFixed(base),
      { op: 'split', block: at, offset },
      { op: 'role', block: at + 1, role: 'headline' },
    ])
    const leaders = r.sections[0].items
    expect(leaders.map((i) => i.headline ?? null)).toEqual([
      'A Council Meets on Rivers',
      'A Plan for Bridges Is Issued',
      null,
      'Ports Get New Cranes',
    ])
    expect(leaders[2]).toMatchObject({ date: '2024-05-08', body: ['A minister toured a port.'] })
  })

  it('moves an item to another section', async () => {
    const base = await report()
    const r = await report([
      outletFixed(base),
      { op: 'move', block: index(base.blocks, 'A Plan for Bridges'), section: 'Economy' },
    ])
    expect(r.sections.map((s) => [s.name, s.items.map((i) => i.headline ?? i.body[0])])).toEqual([
      ['Leaders', ['A Council Meets on Rivers', 'A minister toured a port. Ports Get New Cranes']],
      ['Economy', ['Tariffs Are Cut on Tea', 'A Plan for Bridges Is Issued']],
    ])
    const moved = r.sections[1].items[1]
    expect(moved).toMatchObject({
      date: '2024-05-07',
      body: ['The plan covers small bridges.', 'It takes effect in June.'],
    })
  })

  it('is deterministic: the same corrections give the same structure', async () => {
    const base = await report()
    const corrections: Correction[] = [
      { op: 'role', block: index(base.blocks, 'Harbour'), role: 'chrome' },
      { op: 'join', block: index(base.blocks, '5.7 The plan') - 1 },
    ]
    const [a, b] = [await report(corrections), await report(corrections)]
    expect(items(a)).toEqual(items(b))
    expect(a.blocks).toEqual(b.blocks)
  })

  it('changing the header line’s role leaves no report: refused with the reason', async () => {
    await expect(report([{ op: 'role', block: 0, role: 'body' }])).rejects.toThrow(/exactly one header block/)
  })

  it('refuses bad corrections with their number and reason', async () => {
    const base = await report()
    const cases: Array<[Correction, RegExp]> = [
      [{ op: 'role', block: 99, role: 'body' }, /correction 1: there is no block 99/],
      [{ op: 'split', block: 1, offset: 0 }, /correction 1: cannot split at 0/],
      [{ op: 'join', block: base.blocks!.length - 1 }, /correction 1: the last block has no next block/],
      [{ op: 'move', block: index(base.blocks, 'It takes effect'), section: 'Economy' }, /only an item/],
      [{ op: 'move', block: index(base.blocks, 'A Plan'), section: 'Sport' }, /no section heading "Sport"/],
      [{ op: 'role', block: index(base.blocks, 'Harbour'), role: 'date-line' }, /a date line must start with/],
    ]
    for (const [c, message] of cases) await expect(report([c])).rejects.toThrow(message)
  })
})

const ARTICLE = [
  'Rules on River Bridges',
  'Source: Harbour Evening Gazette, May 6, 2024',
  'Translated by Jane Roe',
  'The rules govern small bridges.',
  'Read the original at https://example.org/bridges',
  '关于桥梁的规定',
].join('\n\n')

describe('corrections of a single article and of a listing', () => {
  const placed = { issue: '6-2', section: 'Leaders' }

  it('an article: a URL line read as body becomes the article URL', async () => {
    const base = (await recognise(ARTICLE, placed, 'a.txt')) as ImportedArticle
    const at = index(base.blocks, 'Read the original')
    expect(base.blocks[at].role).toBe('body')
    const r = (await recognise(
      ARTICLE,
      { ...placed, corrections: [{ op: 'role', block: at, role: 'url' }] },
      'a.txt',
    )) as ImportedArticle
    expect(r.item).toMatchObject({
      headline: 'Rules on River Bridges',
      articleUrl: 'https://example.org/bridges',
      credit: 'Translated by Jane Roe',
      sources: ['Harbour Evening Gazette'],
      date: '2024-05-06',
      body: ['The rules govern small bridges.'],
    })
  })

  it('a listing: a block made a headline starts a new post', async () => {
    const listing = [
      'First Post Title',
      'Posted on March 3, 2016',
      'The first post says one thing.',
      'Second Post Title',
      'It says another.',
      'Third Post Title',
      'Posted on March 5, 2016',
      'The third post.',
    ].join('\n\n')
    const base = (await recognise(listing, placed, 'l.txt')) as ImportedListing
    expect(base.posts).toHaveLength(2)
    const at = index(base.blocks, 'Second Post')
    const r = (await recognise(
      listing,
      { ...placed, corrections: [{ op: 'role', block: at, role: 'headline' }] },
      'l.txt',
    )) as ImportedListing
    expect(r.posts.map((p) => [p.item.headline, p.item.body, p.item.date ?? null])).toEqual([
      ['First Post Title', ['The first post says one thing.'], '2016-03-03'],
      ['Second Post Title', ['It says another.'], null],
      ['Third Post Title', ['The third post.'], '2016-03-05'],
    ])
  })
})
