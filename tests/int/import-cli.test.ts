import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { briefingSync } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

const FIXTURES = path.resolve('tests/fixtures/import')
const sample = path.join(FIXTURES, 'weekly-report-3-9.txt')

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('import-cli')
})
afterAll(async () => {
  await t?.close()
})

/** `node bin/briefing.mjs …` as a real child process on this test's database file. */
const briefingWith = (env: Record<string, string>, ...args: string[]) =>
  briefingSync(args, { BRIEFING_JOBS_AUTORUN: '0', NO_COLOR: '1', ...env })
const briefing = (...args: string[]) => briefingWith({}, ...args)

const counts = async () => ({
  issues: (await t.payload.count({ collection: 'issues' })).totalDocs,
  items: (await t.payload.count({ collection: 'items' })).totalDocs,
  terms: (await t.payload.count({ collection: 'glossary-terms' })).totalDocs,
})

describe('briefing import / export (child processes)', () => {
  it('--dry-run prints what was recognised and writes nothing', async () => {
    const run = briefing('import', sample, '--dry-run')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('dry run of weekly-report-3-9.txt (txt): nothing was written')
    expect(run.stdout).toContain('issue 3-9: Weekly Report 3|9, period 2024-03-02 to 2024-03-08')
    expect(run.stdout).toMatch(/Senior Leaders \(full, 3 items\)\n\s+2024-03-05 {2}Xi Jinping: Develop New Quality/)
    expect(run.stdout).toContain('International Liaison Work (brief, 2 items)')
    expect(run.stdout).toContain('sources: People’s Daily')
    expect(run.stdout).toContain('Sun Haiyan (孙海燕) [person]')
    expect(await counts()).toEqual({ issues: 0, items: 0, terms: 0 })
  }, 180_000)

  it('imports many files with a progress bar and a summary table; a bad file fails alone with a non-zero exit', async () => {
    const bad = path.join(t.dir, 'notes.txt')
    fs.writeFileSync(bad, 'Meeting notes\n\nNothing to see.\n')
    const run = briefing(
      'import',
      sample,
      path.join(FIXTURES, 'weekly-report-4-68.html'),
      path.join(FIXTURES, 'weekly-report-5-1.md'),
      bad,
      '--publish',
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/importing \[.*\] 4\/4/)
    expect(run.stderr).toContain(
      'briefing: notes.txt:1: not a weekly report: no header line like "Weekly Report 4|68 4.16.22-4.22.22"',
    )
    const table = run.stdout
    for (const header of ['file', 'issue', 'items', 'terms', 'warnings']) expect(table).toContain(header)
    expect(table).toMatch(/weekly-report-3-9\.txt\s*│\s*3-9 \(published\)\s*│\s*7\s*│\s*16 \(16 new\)\s*│\s*0/)
    expect(table).toMatch(/weekly-report-4-68\.html\s*│\s*4-68 \(published\)\s*│\s*5\s*│/)
    expect(table).toMatch(/weekly-report-5-1\.md\s*│\s*5-1 \(published\)\s*│\s*4\s*│/)
    expect(table).toMatch(/notes\.txt\s*│\s*FAILED/)
    expect(await counts()).toMatchObject({ issues: 3, items: 16 })
  }, 180_000)

  it('exports an issue as txt to stdout, equal to the imported sample', () => {
    const run = briefing('export', '--issue', '3-9', '--format', 'txt')
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(fs.readFileSync(sample, 'utf8'))
  }, 180_000)

  it('refuses bad arguments and unreadable files clearly, without booting the database', () => {
    const missing = briefing('import', path.join(t.dir, 'nope.txt'))
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain(`briefing: no such file: ${path.join(t.dir, 'nope.txt')}`)
    const format = briefing('export', '--issue', '3-9', '--format', 'pdf')
    expect(format.status).toBe(1)
    expect(format.stderr).toContain('briefing: --format must be one of txt, md, html, json')
  }, 60_000)
})
