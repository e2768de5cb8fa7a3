import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { briefingSync } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

const sample = path.resolve('tests/fixtures/import/weekly-report-3-9.txt')
let t: TestPayload
let dir: string

beforeAll(async () => {
  t = await bootPayload('import-json')
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-json-'))
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const briefing = (...args: string[]) => briefingSync(args, { BRIEFING_JOBS_AUTORUN: '0', NO_COLOR: '1' })

describe('briefing import --dry-run and --json', () => {
  it('--dry-run prints every source block with its role', () => {
    const file = path.join(dir, 'chrome.txt')
    fs.writeFileSync(
      file,
      [
        '6 min read',
        'Weekly Report 5|12 3.2.24-3.8.24',
        '',
        'Leaders',
        '',
        'The Plenary Adopts a Plan',
        '3.4 It met.',
      ].join('\n'),
    )
    const run = briefing('import', file, '--dry-run')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(
      [
        'blocks (line, role, text):',
        '     1  chrome           6 min read',
        '     2  header           Weekly Report 5|12 3.2.24-3.8.24',
        '     4  section-heading  Leaders',
        '     6  headline         The Plenary Adopts a Plan',
        '     7  date-line        3.4 It met.',
      ].join('\n'),
    )
  }, 300_000)

  it('--json prints the recognised structure as JSON, one entry per file, and writes nothing with --dry-run', async () => {
    const bad = path.join(dir, 'bad.txt')
    fs.writeFileSync(bad, 'nothing here that looks like a report')
    const run = briefing('import', sample, bad, '--dry-run', '--json')
    expect(run.status).toBe(1)
    const out = JSON.parse(run.stdout)
    expect(out.version).toBe(1)
    expect(out.files).toHaveLength(2)
    const [good, refused] = out.files
    expect(good).toMatchObject({ file: 'weekly-report-3-9.txt', ok: true, format: 'txt', dryRun: true, warnings: [] })
    expect(good.recognised).toMatchObject({ kind: 'report', volume: 3, number: 9, periodStart: '2024-03-02' })
    expect(good.recognised.sections[0]).toMatchObject({ name: 'Senior Leaders', style: 'full' })
    expect(good.recognised.blocks[0]).toEqual({ line: 1, role: 'header', text: 'Weekly Report 3|9 3.2.24-3.8.24' })
    expect(refused).toMatchObject({
      file: 'bad.txt',
      ok: false,
      error: expect.stringMatching(/^bad\.txt:1: not a weekly report/),
    })
    expect((await t.payload.count({ collection: 'issues' })).totalDocs).toBe(0)
  }, 300_000)

  it('--json without --dry-run reports what was written', async () => {
    const run = briefing('import', sample, '--json')
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.files[0]).toMatchObject({
      ok: true,
      dryRun: false,
      written: { issue: '3-9', status: 'draft', items: 7 },
    })
    expect((await t.payload.count({ collection: 'issues' })).totalDocs).toBe(1)
  }, 300_000)
})
