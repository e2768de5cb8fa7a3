import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderIssue } from '../../src/exporter/formats'
import { loadIssue, type ExportedIssue } from '../../src/exporter/load'
import { importFile } from '../../src/importer/run'
import { bootPayload, type TestPayload } from '../helpers/payload'

const sample = fs.readFileSync(path.resolve('tests/fixtures/import/weekly-report-3-9.txt'), 'utf8')

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('export-roundtrip')
})
afterAll(async () => {
  await t?.close()
})

/** The recognised content of an issue, without what the database adds. */
const content = ({ slug: _s, status: _st, label: _l, publishedAt: _p, ...issue }: ExportedIssue) => issue

describe('export', () => {
  it('exports the imported sample as text equal to the sample, byte for byte', async () => {
    expect((await importFile(t.payload, 'weekly-report-3-9.txt', Buffer.from(sample))).ok).toBe(true)
    const text = renderIssue(await loadIssue(t.payload, '3-9'), 'txt')
    expect(text).toBe(sample)
  })

  it('round-trips txt: import → export txt → import gives the same issue', async () => {
    const before = content(await loadIssue(t.payload, '3-9'))
    const text = renderIssue(await loadIssue(t.payload, '3-9'), 'txt')
    const again = await importFile(t.payload, 'exported.txt', Buffer.from(text))
    expect(again.written).toMatchObject({ replaced: true, newTerms: 0, newSources: 0, newSections: 0 })
    expect(content(await loadIssue(t.payload, '3-9'))).toEqual(before)
  })

  it.each(['md', 'html'] as const)('round-trips %s the same way', async (format) => {
    const before = content(await loadIssue(t.payload, '3-9'))
    const text = renderIssue(await loadIssue(t.payload, '3-9'), format)
    const again = await importFile(t.payload, `exported.${format}`, Buffer.from(text))
    expect(again.error).toBeUndefined()
    expect(again.warnings).toEqual([])
    expect(content(await loadIssue(t.payload, '3-9'))).toEqual(before)
  })

  it('exports json with the whole structure', async () => {
    const json = JSON.parse(renderIssue(await loadIssue(t.payload, '3-9'), 'json'))
    expect(json).toMatchObject({
      slug: '3-9',
      volume: 3,
      number: 9,
      periodStart: '2024-03-02',
      periodEnd: '2024-03-08',
      status: 'draft',
    })
    expect(json.sections.map((s: { name: string; items: unknown[] }) => [s.name, s.items.length])).toEqual([
      ['Senior Leaders', 3],
      ['Propaganda Work', 1],
      ['International Liaison Work', 2],
      ['Organization Work', 1],
    ])
    expect(json.sections[1].items[0]).toMatchObject({
      date: '2024-03-07',
      dateLabel: '3.7',
      sources: ['People’s Daily'],
    })
  })

  it('escapes HTML and Markdown so that the text survives', async () => {
    const html = renderIssue(await loadIssue(t.payload, '3-9'), 'html')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<h2>Senior Leaders</h2>')
    expect(html).toContain('<ol><li>“Build a Modernized Industrial System”')
  })
})
