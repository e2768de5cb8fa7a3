import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { briefing, briefingSync } from '../helpers/cli'
import { dropTestDatabase, testDatabaseUri } from '../helpers/payload'

/**
 * Lexical's Node entry points (`*.node.mjs`) load their real module with a dynamic import inside a
 * top-level await, which Node 20 sometimes leaves unsettled: the process exits with code 13 or idles
 * forever. The CLI runs with an export condition (`--conditions=development`/`production`) so those
 * entry points are never used. Proven here by starting many commands that load Payload at once.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-cli-boot-'))
// 8 starts at once, on each database of CI's runs (on PostgreSQL each start also pushes the schema: 8
// development pushes at once, what found the over-long constraint name). Three rounds of 8 took 6.5
// minutes of a 40-minute SQLite run on the 2-core machine, with the other worker's files starved meanwhile.
const STARTS = 8
const env = { DATABASE_URI: testDatabaseUri(dir, 'cli-boot'), OUTBOX_DIR: path.join(dir, 'outbox'), NO_COLOR: '1' }

beforeAll(() => {
  const seeded = briefingSync(['seed'], env)
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`)
})
afterAll(async () => {
  await dropTestDatabase(env.DATABASE_URI)
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('CLI boot', () => {
  it(`${STARTS} commands started in parallel all load Payload and exit 0`, async () => {
    const runs = await Promise.all(
      Array.from({ length: STARTS }, () =>
        briefing(['export', '--issue', '3-9', '--format', 'txt'], env, { timeoutMs: 240_000 }),
      ),
    )
    const failures = runs.flatMap((run, i) =>
      run.status === 0 && run.stdout.includes('Weekly Report 3|9') && !/stalled/.test(run.stderr)
        ? []
        : [`#${i + 1}: exit ${run.status} ${run.signal ?? ''} ${run.stderr.slice(-300)}`],
    )
    expect(failures).toEqual([])
  }, 600_000)
})
