import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { briefing } from '../helpers/cli'
import { testDatabaseUri } from '../helpers/payload'

/** Data commands piped to a file: stdout carries the data and nothing else (notices go to stderr). */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-cli-output-'))
const env = { DATABASE_URI: testDatabaseUri(dir, 'cli-output'), OUTBOX_DIR: path.join(dir, 'outbox') }
const run = (args: string[]) => briefing(args, env)

beforeAll(async () => {
  const seeded = await run(['seed'])
  expect(seeded.status, seeded.stderr).toBe(0)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('CLI output hygiene', () => {
  it('newsletter render --format text > out.txt: the file is the email text alone', async () => {
    const out = await run(['newsletter', 'render', '3-9', '--format', 'text'])
    expect(out.status, out.stderr).toBe(0)
    expect(out.stdout.startsWith('Briefing: Weekly Report 3|9\n')).toBe(true)
    expect(out.stdout).not.toContain('Pulling schema')
    expect(out.stdout).not.toContain('\u001b[')
    expect(out.stderr).toMatch(/full \(auto\), HTML \d+ bytes/)
  }, 300_000)

  it('search prints its results alone', async () => {
    const out = await run(['search', 'Xi'])
    expect(out.status, out.stderr).toBe(0)
    expect(out.stdout.split('\n')[0]).toMatch(/^\d+ result\(s\)$/)
  }, 300_000)

  it('export and subscribers export: stdout equals what --out writes, byte for byte', async () => {
    const piped = await run(['export', '--issue', '3-9', '--format', 'md'])
    const file = path.join(dir, 'issue.md')
    await run(['export', '--issue', '3-9', '--format', 'md', '--out', file])
    expect(piped.stdout).toBe(fs.readFileSync(file, 'utf8'))
    const csv = await run(['subscribers', 'export'])
    const csvFile = path.join(dir, 'subscribers.csv')
    await run(['subscribers', 'export', '--output', csvFile])
    expect(csv.stdout).toBe(fs.readFileSync(csvFile, 'utf8'))
    expect(csv.stdout).toMatch(/^email,name/)
  }, 300_000)
})
