import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile } from '../../src/importer/run'
import type { ImportedReport } from '../../src/importer/types'
import { seed } from '../../src/seed'
import { launchBrowser } from '../helpers/browser'
import { serveImportApi } from '../helpers/importApi'
import { bootPayload, type TestPayload } from '../helpers/payload'

const reportText = fs.readFileSync(path.resolve('tests/fixtures/import/weekly-report-3-9.txt'), 'utf8')
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A page that is only a picture: what a scanner makes. */
const SCAN = `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" style="width:15cm;height:20cm">`

let t: TestPayload
let browser: Awaited<ReturnType<typeof launchBrowser>>

/** A real PDF printed by Chromium from this HTML body (A4, text as a real text layer). */
async function printPdf(body: string): Promise<Buffer> {
  const page = await browser.newPage()
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
    body { font: 11pt/1.4 'Noto Serif CJK SC', serif; margin: 0 }
    pre { font: inherit; white-space: pre-wrap; margin: 0 }
    .cols { column-count: 2; column-gap: 2cm } .cols p { margin: 0 0 1.4em }
  </style></head><body>${body}</body></html>`)
  const pdf = await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } })
  await page.close()
  return pdf
}

/** What was recognised, without line numbers (they differ between a .txt and a .pdf). */
const shape = (r: ImportedReport) =>
  JSON.parse(JSON.stringify(r, (key, value: unknown) => (key === 'line' || key === 'headerLine' ? undefined : value)))

beforeAll(async () => {
  t = await bootPayload('import-pdf')
  await seed(t.payload)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.cleanup()
  await t?.close()
})

describe('PDF import', () => {
  it('a report printed to PDF is recognised exactly like the .txt of the same text, and imports', async () => {
    const pdf = await printPdf(`<pre>${escape(reportText)}</pre>`)
    const fromTxt = await importFile(t.payload, 'weekly-report-3-9.txt', Buffer.from(reportText), { dryRun: true })
    const fromPdf = await importFile(t.payload, 'weekly-report-3-9.pdf', pdf, { dryRun: true })
    expect(fromPdf.error).toBeUndefined()
    expect(fromPdf.format).toBe('pdf')
    expect(shape(fromPdf.recognised as ImportedReport)).toEqual(shape(fromTxt.recognised as ImportedReport))

    const written = await importFile(t.payload, 'weekly-report-3-9.pdf', pdf)
    expect(written.error).toBeUndefined()
    expect(written.written?.issue).toBe('3-9')
    const items = await t.payload.find({
      collection: 'items',
      where: { issue: { equals: written.written!.issueId } },
      draft: true,
      limit: 0,
      depth: 0,
    })
    expect(items.totalDocs).toBe(written.written!.items)
    expect(
      items.docs.some(
        (i) => i.headline === 'Xi Jinping: Develop New Quality Productive Forces According to Local Conditions',
      ),
    ).toBe(true)
  })

  it('reads a two-column page column by column, paragraphs rebuilt from the gaps', async () => {
    const left = [
      'Alpha one starts the left column and runs on for a good while so that it wraps over lines.',
      'Alpha two is the second paragraph of the left column.',
    ]
    const right = [
      'Beta one starts the right column and also runs on long enough to wrap onto a second line.',
      'Beta two ends the right column.',
    ]
    const body = `<div class="cols">${[...left, ...right].map((p) => `<p>${p}</p>`).join('')}</div>`
    const { parsePdf } = await import('../../src/importer/formats/pdf')
    const blocks = await parsePdf(await printPdf(body))
    expect(blocks.map((b) => b.text)).toEqual([...left, ...right])
  })

  it('refuses a scanned PDF (images, no text layer) with the file name and that reason, writing nothing', async () => {
    const before = await t.payload.count({ collection: 'items' })
    const pdf = await printPdf(SCAN)
    const result = await importFile(t.payload, 'scan.pdf', pdf)
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^scan\.pdf: .*no text.*scanned/i)
    expect((await t.payload.count({ collection: 'items' })).totalDocs).toBe(before.totalDocs)
  })
})

describe('POST /api/import with PDFs (real HTTP, parsed in the worker thread)', () => {
  it('previews a report PDF and refuses a scanned one with a 400 in the error shape', async () => {
    const api = await serveImportApi(t.payload)
    try {
      const pdf = await printPdf(`<pre>${escape(reportText)}</pre>`)
      const report = await api.upload('report.pdf', pdf, { dryRun: true })
      expect(report.status).toBe(200)
      expect(report.body.format).toBe('pdf')
      expect(report.body.preview).toContain('issue 3-9: Weekly Report 3|9, period 2024-03-02 to 2024-03-08')
      const scan = await api.upload('scan.pdf', await printPdf(SCAN), { dryRun: true })
      expect(scan.status).toBe(400)
      expect((scan.body.errors as Array<{ message: string }>)[0].message).toMatch(
        /^scan\.pdf: the PDF has no text layer: it looks like a scanned document/,
      )
    } finally {
      await api.close()
    }
  })
})
