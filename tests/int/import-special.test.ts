import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile, recogniseFile } from '../../src/importer/run'
import type { ImportedSpecial } from '../../src/importer/types'
import type { Issue } from '../../src/payload-types'
import { plainText } from '../../src/lib/richtext'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
const REAL_SPECIAL = path.resolve('../shared/samples/real/special-issue-two-sessions-2024.txt')

beforeAll(async () => {
  t = await bootPayload('import-special')
})
afterAll(async () => {
  await t?.close()
})

/** A special issue written for this test, laid out as a saved page with its chrome. */
const SPECIAL = [
  'Example Ministry of Letters       PAGE REVIEW',
  'Harbour Notes, Special Issue on the Spring Harbour Festival 2023',
  'Boats at the Festival',
  'April 2',
  'Mayor Opens the Festival',
  'The mayor opened the festival on April 2 with a short speech.',
  'She thanked the volunteers.',
  'The mayor speaks at the opening ceremony in Port Town, April 2, 2023 (HARBOUR NEWS)',
  'April 3',
  'Boats Race Across the Bay',
  'Forty boats raced across the bay.',
  'Crowds watch the race from the pier, April 3, 2023 (PHOTO BY JO POE)',
  'A Prize for the Youngest Crew',
  'The youngest crew won a prize.',
  'Related:',
  'Home',
  'About Us',
  'Copyright Page Review All rights reserved',
].join('\n\n')

type Groups = NonNullable<Issue['entryGroups']>
const shape = (groups: Groups) =>
  groups.map((g) => [
    g.heading,
    g.date?.slice(0, 10),
    (g.entries ?? []).map((e) => [
      e.headline,
      plainText(e.body).split('\n\n').length,
      (e.photos ?? []).map((p) => [p.caption, p.credit]),
    ]),
  ])

const specials = () =>
  t.payload.find({ collection: 'issues', where: { kind: { equals: 'special' } }, draft: true, sort: 'createdAt' })

describe('special issues import as issues of kind special', () => {
  it('recognises title, subtitle, publisher line, date groups, entries and captioned photos, leaving chrome out', async () => {
    const result = await importFile(t.payload, 'harbour.txt', Buffer.from(SPECIAL))
    expect(result.error).toBeUndefined()
    expect(result.written).toMatchObject({ kind: 'special', status: 'draft', replaced: false, items: 3 })
    const { docs } = await specials()
    expect(docs).toHaveLength(1)
    const issue = docs[0]
    expect(issue).toMatchObject({
      kind: 'special',
      title: 'Harbour Notes',
      subtitle: 'Special Issue on the Spring Harbour Festival 2023',
      publisherLine: 'Example Ministry of Letters · PAGE REVIEW',
      _status: 'draft',
    })
    expect(result.written?.issue).toBe(issue.slug)
    expect(plainText(issue.editorsNote)).toBe('Boats at the Festival')
    expect(shape(issue.entryGroups!)).toEqual([
      [
        'April 2',
        '2023-04-02',
        [
          [
            'Mayor Opens the Festival',
            2,
            [['The mayor speaks at the opening ceremony in Port Town, April 2, 2023', 'HARBOUR NEWS']],
          ],
        ],
      ],
      [
        'April 3',
        '2023-04-03',
        [
          ['Boats Race Across the Bay', 1, [['Crowds watch the race from the pier, April 3, 2023', 'PHOTO BY JO POE']]],
          ['A Prize for the Youngest Crew', 1, []],
        ],
      ],
    ])
    expect(JSON.stringify(issue)).not.toMatch(/Related:|About Us|Copyright/)
    expect(result.warnings.join('\n')).toContain('2 photo(s) have no image yet')

    const again = await importFile(t.payload, 'harbour.txt', Buffer.from(SPECIAL))
    expect(again.written).toMatchObject({ kind: 'special', replaced: true, issue: issue.slug })
    expect((await specials()).totalDocs).toBe(1)
  })

  it('imports the real special issue: 3 dated groups, their entries and every photo caption with its credit', async () => {
    if (!fs.existsSync(REAL_SPECIAL)) throw new Error(`the real sample is missing: ${REAL_SPECIAL}`)
    const result = await importFile(t.payload, 'special-issue-two-sessions-2024.txt', fs.readFileSync(REAL_SPECIAL))
    expect(result.error).toBeUndefined()
    const issue = (await specials()).docs.find((d) => d.slug === result.written?.issue)!
    expect(issue).toMatchObject({
      title: 'China Insight',
      subtitle: 'Special Issue on NPC & CPPCC National Committee Annual Sessions 2024',
      publisherLine: expect.stringContaining('International Department of the CPC Central Committee'),
    })
    const groups = issue.entryGroups!
    expect(groups.map((g) => [g.heading, g.date?.slice(0, 10), g.entries?.length])).toEqual([
      ['March 5', '2024-03-05', 1],
      ['March 6', '2024-03-06', 1],
      ['March 7', '2024-03-07', 1],
    ])
    expect(groups.map((g) => g.entries![0].headline)).toEqual([
      'Xi Stresses Developing New Quality Productive Forces',
      'Xi Calls on Political Advisors to Build Consensus for Chinese Modernization',
      'Xi Stresses Deepening Reform to Comprehensively Enhance Strategic Capabilities in Emerging Areas',
    ])
    const photos = groups.flatMap((g) => g.entries!.flatMap((e) => e.photos ?? []))
    expect(photos.map((p) => p.credit)).toEqual(['XINHUA', 'XINHUA', 'XINHUA', 'XINHUA'])
    for (const p of photos) expect(p.caption).toMatch(/^Chinese President Xi Jinping, .*[^)]$/)
    expect(plainText(groups[0].entries![0].body)).not.toContain('(XINHUA)')
    expect(JSON.stringify(issue)).not.toMatch(/Related:|Advertise with Us|ICP/)
  })

  it('takes day-month headings with a year, no publisher line, mixed-case credits and text before any headline', async () => {
    const page = [
      'Special Issue on the Lantern Fair',
      '5 March 2023',
      'The fair opened early this year.',
      'Lanterns Light the Old Town',
      'Thousands of lanterns were lit.',
      'Lanterns over the canal (Photo by Jo Poe)',
    ].join('\n\n')
    const { recognised } = await recogniseFile(t.payload, 'fair.txt', Buffer.from(page))
    const r = recognised as ImportedSpecial
    expect(r).toMatchObject({ kind: 'special', title: 'Special Issue', subtitle: 'Special Issue on the Lantern Fair' })
    expect(r.publisherLine).toBeUndefined()
    expect(
      r.groups.map((g) => [
        g.heading,
        g.date,
        g.entries.map((e) => [e.headline, e.body, e.photos.map((p) => p.credit)]),
      ]),
    ).toEqual([
      [
        '5 March 2023',
        '2023-03-05',
        [
          ['The fair opened early this year.', ['The fair opened early this year.'], []],
          ['Lanterns Light the Old Town', ['Thousands of lanterns were lit.'], ['Photo by Jo Poe']],
        ],
      ],
    ])
    expect(r.warnings).toEqual(['line 5: text under "5 March 2023" before any headline: its first words stand in'])
  })
})
