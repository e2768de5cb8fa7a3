import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseFile } from '../../src/importer/formats'
import { parseFileInWorker } from '../../src/importer/formats/inWorker'
import { docxBomb, docxOfManyParts } from '../helpers/zip'

const fixture = fs.readFileSync(path.resolve('tests/fixtures/import/weekly-report-4-69.docx'))

/** Word files are zip archives: one that expands beyond the limits is refused before any parser reads it. */
describe('DOCX zip limits', () => {
  it('refuses a 300 MB bomb by its declared sizes, with a clear message', async () => {
    const bomb = docxBomb(300)
    expect(bomb.length).toBeLessThan(400 * 1024)
    await expect(parseFile('bomb.docx', bomb)).rejects.toThrow(
      'the Word file expands to more than 64 MB; it is refused (a zip bomb?)',
    )
  })

  it('refuses a bomb whose headers lie about its size, while inflating it', async () => {
    await expect(parseFile('liar.docx', docxBomb(300, 1000))).rejects.toThrow(
      'the Word file expands to more than 64 MB; it is refused (a zip bomb?)',
    )
  })

  it('refuses an archive of too many parts', async () => {
    await expect(parseFile('parts.docx', docxOfManyParts(3000))).rejects.toThrow(
      'the Word file has 3001 parts; at most 2000 are accepted',
    )
  })

  it('still reads a real report, also in the worker thread the server uses', async () => {
    const here = await parseFile('weekly-report-4-69.docx', fixture)
    expect(here.blocks[0]!.text).toBe('Weekly Report 4|69 4.23.22-4.29.22')
    const there = await parseFileInWorker('weekly-report-4-69.docx', fixture)
    expect(there).toEqual(here)
    await expect(parseFileInWorker('liar.docx', docxBomb(300, 1000))).rejects.toThrow('expands to more than 64 MB')
  })
})
