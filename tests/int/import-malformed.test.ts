import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_IMPORT_BYTES } from '../../src/importer/formats/detect'
import { importFile } from '../../src/importer/run'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'

const sample = fs.readFileSync(path.resolve('tests/fixtures/import/weekly-report-3-9.txt'), 'utf8')
const COLLECTIONS = ['issues', 'items', 'sections', 'sources', 'glossary-terms'] as const

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('import-malformed')
  await seed(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const counts = async (payload: Payload) =>
  Object.fromEntries(
    await Promise.all(COLLECTIONS.map(async (c) => [c, (await payload.count({ collection: c })).totalDocs])),
  )

const cases: Array<[string, string, Buffer, RegExp]> = [
  ['empty', 'empty.txt', Buffer.alloc(0), /^empty\.txt: the file is empty$/],
  ['white space only', 'blank.txt', Buffer.from('  \n\n \t\n'), /^blank\.txt: the file is empty \(only white space\)$/],
  [
    'binary',
    'photo.txt',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    /^photo\.txt: binary data, not a text report/,
  ],
  [
    'bad encoding (Latin-1 bytes)',
    'latin1.txt',
    Buffer.concat([
      Buffer.from('Weekly Report 3|9 3.2.24-3.8.24\n\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' society\n'),
    ]),
    /^latin1\.txt:3: unreadable encoding: the file is not valid UTF-8/,
  ],
  [
    'over the size limit',
    'huge.txt',
    Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'),
    /^huge\.txt: the file is 5\.0 MB, over the 5 MB limit/,
  ],
  [
    'no header line',
    'notes.txt',
    Buffer.from('Meeting notes\n\nWe talked about the weather.\n'),
    /^notes\.txt:1: not a weekly report: no header line like "Weekly Report 4\|68/,
  ],
  [
    'a DOCX that is not a zip',
    'report.docx',
    Buffer.from('Weekly Report 3|9 3.2.24-3.8.24'),
    /^report\.docx: not a Word \.docx file/,
  ],
  [
    'a zip that is not a DOCX',
    'archive.docx',
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
    /^archive\.docx: not a readable Word \.docx file/,
  ],
  [
    'impossible period date',
    'r.txt',
    Buffer.from(sample.replace('3.2.24-3.8.24', '2.30.24-3.8.24')),
    /^r\.txt:1: the period date 2\.30\.24 in the header line does not exist$/,
  ],
  [
    'impossible event date',
    'r.txt',
    Buffer.from(sample.replace('3.6 CCP/ID', '13.6 CCP/ID')),
    /^r\.txt:47: "13\.6" is not a valid event date/,
  ],
  [
    'a header and nothing else',
    'r.txt',
    Buffer.from('Weekly Report 3|9 3.2.24-3.8.24\n'),
    /^r\.txt:1: the report has no sections with items/,
  ],
]

describe('malformed inputs are refused with a clear message and change nothing', () => {
  it.each(cases)('%s', async (_label, name, data, message) => {
    const before = await counts(t.payload)
    const result = await importFile(t.payload, name, data)
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(message)
    expect(await counts(t.payload)).toEqual(before)
  })

  it('rolls back everything written for a file when a later write fails (one transaction per file)', async () => {
    const before = await counts(t.payload)
    // A new issue, a new section and new terms are written first; publishing then fails because
    // one full item has no event date: the whole file must be undone.
    const bad = sample
      .replace('Weekly Report 3|9', 'Weekly Report 7|1')
      .replace(/^Senior Leaders$/m, 'Brand New Section')
      .replace('3.7 Speaking to the delegation', 'Speaking to the delegation')
      .replace('(新兴领域战略能力)', '(新兴领域战略能力) and “fresh term” (全新术语)')
    const result = await importFile(t.payload, 'bad.txt', Buffer.from(bad), { publish: true })
    // Publishing refuses the brief item in a section the seed defines as full: the whole file is undone.
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(
      /^bad\.txt:1: Cannot publish this issue: 1 item\(s\) incomplete: "Xi Jinping: Comprehensively Enhance .*" \(missing date\)/,
    )
    expect(await counts(t.payload)).toEqual(before)
    expect(
      (await t.payload.find({ collection: 'sections', where: { name: { equals: 'Brand New Section' } } })).totalDocs,
    ).toBe(0)
    expect(
      (await t.payload.find({ collection: 'glossary-terms', where: { original: { equals: '全新术语' } } })).totalDocs,
    ).toBe(0)
    expect(
      (await t.payload.find({ collection: 'issues', where: { slug: { equals: '7-1' } }, draft: true })).totalDocs,
    ).toBe(0)
  })
})
