import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildIssueView } from '../../src/content/viewModel'
import { importFile, recogniseFile } from '../../src/importer/run'
import type { ImportedReport } from '../../src/importer/types'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('import-report-variations')
  await t.payload.create({ collection: 'sections', data: { name: 'Leaders', style: 'full', position: 10 } })
  await t.payload.create({ collection: 'sections', data: { name: 'Economy', style: 'full', position: 20 } })
})
afterAll(async () => {
  await t?.close()
})

const recognise = async (lines: string[], options = {}) =>
  (await recogniseFile(t.payload, 'report.txt', Buffer.from(lines.join('\n')), options)).recognised as ImportedReport

const BODY = [
  '',
  'Leaders',
  '',
  'The Plenary Adopts a Plan on Housing',
  '4.18 The plenary met and adopted a plan on rural housing.',
]

describe('report header variations', () => {
  const cases: Array<[string, number, number, string, string]> = [
    ['Weekly Report 4|68 4.16.22-4.22.22', 4, 68, '2022-04-16', '2022-04-22'],
    ['Weekly Report 4 | 68 4.16.22 - 4.22.22', 4, 68, '2022-04-16', '2022-04-22'],
    ['Weekly Report 2|15 4.13.2019-4.19.2019', 2, 15, '2019-04-13', '2019-04-19'],
    ['Weekly Report 1|3 11.04.2017-11.10.2017', 1, 3, '2017-11-04', '2017-11-10'],
    ['Weekly Report 4|68 4.16.22–4.22.22', 4, 68, '2022-04-16', '2022-04-22'],
    ['Weekly Report 4|68 4.16.22 — 4.22.22', 4, 68, '2022-04-16', '2022-04-22'],
  ]
  for (const [header, volume, number, start, end] of cases) {
    it(`reads "${header}"`, async () => {
      const r = await recognise([
        header,
        ...BODY.map((l) => l.replace('4.18', start.slice(5, 7) === '11' ? '11.5' : '4.18')),
      ])
      expect([r.volume, r.number, r.periodStart, r.periodEnd]).toEqual([volume, number, start, end])
      expect(r.blocks![0]).toMatchObject({ role: 'header', line: 1 })
    })
  }
})

describe('highlight variations', () => {
  const HEADER = 'Weekly Report 4|68 4.16.22-4.22.22'
  const withHighlights = (...lines: string[]) => [HEADER, '', ...lines, ...BODY]
  it('takes plain paragraphs, bullets, any case of "(see … section)", "(see X)" and a Highlights heading', async () => {
    const r = await recognise(
      withHighlights(
        'Highlights',
        '• The leaders met on housing. (See Leaders section)',
        '- The leaders met again. (see leaders section).',
        'A plain highlight without a pointer.',
        'Another one, pointing briefly. (see Leaders)',
        'Shouting pointer. (SEE LEADERS SECTION)',
      ),
    )
    expect(r.highlights.map((h) => [h.text, h.section])).toEqual([
      ['The leaders met on housing.', 'Leaders'],
      ['The leaders met again.', 'leaders'],
      ['A plain highlight without a pointer.', undefined],
      ['Another one, pointing briefly.', 'Leaders'],
      ['Shouting pointer.', 'LEADERS'],
    ])
    expect(r.sections.map((s) => s.name)).toEqual(['Leaders'])
    expect(r.blocks!.filter((b) => b.role === 'highlight')).toHaveLength(5)
    expect(r.blocks!.find((b) => b.text === 'Highlights')?.role).toBe('section-heading')
    expect(r.warnings.filter((w) => /not in the report/.test(w))).toEqual([])
  })

  it('takes a report with no highlights at all, without warnings', async () => {
    const r = await recognise([HEADER, ...BODY])
    expect(r.highlights).toEqual([])
    expect(r.warnings).toEqual([])
  })

  it('keeps a highlight naming a section the report does not contain, with a warning', async () => {
    const r = await recognise(withHighlights('The economy grew. (See Economy section)'))
    expect(r.highlights.map((h) => [h.text, h.section])).toEqual([['The economy grew.', 'Economy']])
    expect(r.warnings).toEqual(['line 3: highlight names section "Economy", which is not in the report'])
  })
})

describe('item variations', () => {
  const HEADER = 'Weekly Report 4|68 4.16.22-4.22.22'
  it('keeps date ranges as ranges: "4.15-17", "3.30-4.2", "9.16-9.20"', async () => {
    const r = await recognise([
      'Weekly Report 4|68 3.26.22-9.30.22',
      '',
      'Leaders',
      '',
      'The Plenary Adopts a Plan on Housing',
      '4.15-17 The plenary met for three days.',
      '',
      'A Notice Asks Schools to Cut Homework',
      '3.30-4.2 Schools were told to cut homework.',
      '',
      'A Forum Is Held on the Economy at Length',
      '9.16–9.20 A forum on the economy was held.',
    ])
    expect(r.sections[0].items.map((i) => [i.date, i.dateEnd, i.dateLabel, i.body[0]])).toEqual([
      ['2022-04-15', '2022-04-17', '4.15–17', 'The plenary met for three days.'],
      ['2022-03-30', '2022-04-02', '3.30–4.2', 'Schools were told to cut homework.'],
      ['2022-09-16', '2022-09-20', '9.16–20', 'A forum on the economy was held.'],
    ])
    expect(r.warnings).toEqual([])
  })

  it('stores a range in the item (date and dateEnd) and the web shows "4.15–17"', async () => {
    const lines = [HEADER, '', 'Leaders', '', 'The Plenary Adopts a Plan on Housing', '4.15-17 The plenary met.']
    const result = await importFile(t.payload, 'range.txt', Buffer.from(lines.join('\n')), { publish: true })
    expect(result.error).toBeUndefined()
    expect(result.warnings).toEqual([
      'line 6: item "The Plenary Adopts a Plan on Housing" dated 4.15–17, outside the period 4.16.22–4.22.22',
    ])
    const { docs } = await t.payload.find({
      collection: 'items',
      where: { headline: { equals: 'The Plenary Adopts a Plan on Housing' } },
    })
    expect([docs[0].date?.slice(0, 10), docs[0].dateEnd?.slice(0, 10)]).toEqual(['2022-04-15', '2022-04-17'])
    const view = await buildIssueView(t.payload, '4-68', { publicUrl: 'http://localhost' })
    expect(view!.sections[0].items[0].dateLabel).toBe('4.15–17')
  })

  it('keeps an item dated outside the period, with a warning', async () => {
    const r = await recognise([
      HEADER,
      '',
      'Leaders',
      '',
      'The Plenary Adopts a Plan on Housing',
      '5.2 The plenary met.',
    ])
    expect(r.sections[0].items[0].date).toBe('2022-05-02')
    expect(r.warnings).toEqual([
      'line 6: item "The Plenary Adopts a Plan on Housing" dated 5.2, outside the period 4.16.22–4.22.22',
    ])
  })

  it('takes items of several paragraphs, one line per paragraph and no blank lines', async () => {
    const r = await recognise([
      HEADER,
      'Leaders',
      'The Plenary Adopts a Plan on Housing',
      '4.18 The plenary met and adopted a plan on rural housing.',
      'It set targets for each province.',
      'Officials said the plan would be reviewed.',
      'A Notice Asks Schools to Cut Homework',
      '4.19 A notice asked schools to cut homework.',
      'Economy',
      'A Forum Is Held on the Economy at Length',
      '4.20 A forum on the economy was held.',
    ])
    expect(r.sections.map((s) => [s.name, s.items.map((i) => [i.headline, i.body.length])])).toEqual([
      [
        'Leaders',
        [
          ['The Plenary Adopts a Plan on Housing', 3],
          ['A Notice Asks Schools to Cut Homework', 1],
        ],
      ],
      ['Economy', [['A Forum Is Held on the Economy at Length', 1]]],
    ])
    expect(r.warnings).toEqual([])
  })

  it('takes the outlet at the end of a headline as the source, out of the headline', async () => {
    const r = await recognise([
      HEADER,
      ...BODY.slice(0, 3),
      'Commentary Calls for a Dynamic Zero People’s Daily',
      '4.18 The commentary ran on page one.',
    ])
    expect(r.sections[0].items[0].sources).toEqual(['People’s Daily'])
    expect(r.sections[0].items[0].headline).toBe('Commentary Calls for a Dynamic Zero')
  })

  it('leaves author lines and photo captions in brackets near the top out of highlights and items', async () => {
    const r = await recognise([
      HEADER,
      '[By the Editors of the Review]',
      '(Photo: the plenary hall in session)',
      'The leaders met on housing. (See Leaders section)',
      ...BODY.slice(0, 4),
      '[Photo: delegates voting]',
      '4.18 The plenary met and adopted a plan on rural housing.',
    ])
    expect(r.highlights.map((h) => h.text)).toEqual(['The leaders met on housing.'])
    expect(r.sections[0].items[0].body).toEqual(['The plenary met and adopted a plan on rural housing.'])
    expect(r.sections[0].items[0].date).toBe('2022-04-18')
    expect(r.blocks!.filter((b) => b.role === 'credit').map((b) => b.line)).toEqual([2, 3, 9])
  })

  it('puts items of a report without any section heading into a default section, with a warning', async () => {
    const lines = [HEADER, '', 'The Plenary Adopts a Plan on Housing', '4.18 The plenary met.']
    const r = await recognise(lines)
    expect(r.sections.map((s) => [s.name, s.items.length])).toEqual([['Leaders', 1]])
    expect(r.warnings).toEqual(['line 3: no section heading found: the items went to the first section, "Leaders"'])
    const chosen = await recognise(lines, { section: 'Economy' })
    expect(chosen.sections.map((s) => s.name)).toEqual(['Economy'])
  })

  it('imports a file cut short mid-item and warns about the last item', async () => {
    const r = await recognise([
      ...[HEADER, ...BODY],
      '',
      'A Notice Asks Schools to Cut Homework',
      '4.19 A notice asked schools to cut homework for pupils in',
    ])
    expect(r.sections[0].items.map((i) => i.headline)).toEqual([
      'The Plenary Adopts a Plan on Housing',
      'A Notice Asks Schools to Cut Homework',
    ])
    expect(r.sections[0].items[1].body).toEqual(['A notice asked schools to cut homework for pupils in'])
    expect(r.warnings).toEqual(['line 9: the file seems cut short: the last item ends mid-sentence'])
  })
})
