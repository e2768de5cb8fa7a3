import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile, recogniseFile } from '../../src/importer/run'
import type { ImportedReport } from '../../src/importer/types'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('import-chrome')
})
afterAll(async () => {
  await t?.close()
})

const CHROME = [
  'top of page',
  'bottom of page',
  'Skip to content',
  'Admin',
  'Jul 25, 2022',
  '18 min read',
  '6 min read',
  'Print',
  'PDF',
  'Share this post',
  'Related postings on the Party',
  'Copyright',
  'ICP',
  'Powered by',
]

/** Every text field of the recognised report except the per-block roles. */
const fieldsText = (r: ImportedReport) => JSON.stringify({ ...r, blocks: undefined })

const report = (chromeAt: (lines: string[]) => string[]) =>
  chromeAt([
    'Weekly Report 5|12 3.2.24-3.8.24',
    '',
    'A short note on the week in the leadership. (See Leaders section)',
    '',
    'Leaders',
    '',
    'The Plenary Adopts a Plan on Housing',
    '3.4 The plenary met and adopted a plan on rural housing.',
    '',
    'A Notice Asks Schools to Cut Homework',
    '3.5 A notice asked schools to cut homework for pupils.',
  ]).join('\n')

const wrapped = (format: 'txt' | 'md' | 'html', body: string) => {
  if (format === 'txt') return body
  if (format === 'md') return body
  const paras = body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${l}</p>`)
  return `<!doctype html><html><body>${paras.join('\n')}</body></html>`
}

const withChrome = (lines: string[]) => [
  'top of page',
  'Skip to content',
  '• Admin',
  '- Jul 25, 2022',
  '- 18 min read',
  ...lines.slice(0, 6),
  'Print',
  'PDF',
  'Share this post',
  ...lines.slice(6, 8),
  '6 min read',
  ...lines.slice(8),
  '',
  'Related postings on the Party',
  '',
  'Weekly Report 5|11 2.24.24-3.1.24',
  'Weekly Report 5|10 2.17.24-2.23.24',
  '',
  'Copyright © 2024 Example Review. All rights reserved. 京ICP备12345678号',
  'Powered by Example Sites',
  'bottom of page',
]

describe('page chrome is left out in every format, wherever it stands', () => {
  for (const format of ['txt', 'md', 'html'] as const) {
    it(`${format}: first, last and inner chrome lines leave no trace in any field`, async () => {
      const data = Buffer.from(wrapped(format, report(withChrome)))
      const { recognised } = await recogniseFile(t.payload, `report.${format}`, data)
      const r = recognised as ImportedReport
      expect(r.sections.map((s) => [s.name, s.items.map((i) => i.headline)])).toEqual([
        ['Leaders', ['The Plenary Adopts a Plan on Housing', 'A Notice Asks Schools to Cut Homework']],
      ])
      expect(r.sections[0].items.map((i) => i.body)).toEqual([
        ['The plenary met and adopted a plan on rural housing.'],
        ['A notice asked schools to cut homework for pupils.'],
      ])
      const text = fieldsText(r)
      for (const chrome of CHROME) expect(text).not.toContain(chrome)
      expect(r.warnings).toEqual([])
    })
  }

  it('keeps each chrome line in the recognised blocks with the role "chrome"', async () => {
    const { recognised } = await recogniseFile(t.payload, 'report.txt', Buffer.from(report(withChrome)))
    const chrome = recognised.blocks!.filter((b) => b.role === 'chrome').map((b) => b.text)
    expect(chrome).toEqual(
      expect.arrayContaining(['top of page', 'Admin', 'Jul 25, 2022', '6 min read', 'bottom of page', 'Print']),
    )
    expect(recognised.blocks!.find((b) => b.text.startsWith('The Plenary'))).toMatchObject({
      role: 'headline',
      line: 15,
    })
  })

  it('imports the report without a section named after chrome', async () => {
    const result = await importFile(t.payload, 'report.txt', Buffer.from(report(withChrome)))
    expect(result.error).toBeUndefined()
    const sections = await t.payload.find({ collection: 'sections', pagination: false })
    expect(sections.docs.map((s) => s.name)).toEqual(['Leaders'])
  })
})
