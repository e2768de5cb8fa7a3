import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { bootPayload, dropTestDatabase, testDatabaseUri, type TestPayload } from '../helpers/payload'

/**
 * BRIEFING_DB_PUSH=0: a development start that does not push the schema, for a database whose schema
 * is already there (pushed by another instance, or a test's copy of the template). It only skips the
 * push: on a database without the schema the command fails, it does not create tables.
 */
let t: TestPayload
let emptyUri: string

beforeAll(async () => {
  t = await bootPayload('db-push')
  await seed(t.payload)
  emptyUri = testDatabaseUri(t.dir, 'empty')
})
afterAll(async () => {
  await dropTestDatabase(emptyUri)
  await t?.close()
})

const exportIssue = (env: Record<string, string>) =>
  briefing(['export', '--issue', '3-9', '--format', 'txt'], { NO_COLOR: '1', ...env }, { timeoutMs: 240_000 })

describe('BRIEFING_DB_PUSH=0 in development', () => {
  it('a command runs on a database that has the schema, without pushing it', async () => {
    const run = await exportIssue({ BRIEFING_DB_PUSH: '0' })
    expect(run.stderr).not.toMatch(/Pulling schema|Error/)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Weekly Report 3|9')
  })

  it('on a database without the schema the command fails: nothing is pushed', async () => {
    const env = { BRIEFING_DB_PUSH: '0', DATABASE_URI: emptyUri, OUTBOX_DIR: path.join(t.dir, 'outbox-empty') }
    const run = await exportIssue(env)
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/no such table|does not exist|Failed query/)
  })
})
