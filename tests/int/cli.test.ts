import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { briefingSync } from '../helpers/cli'
import { dropTestDatabase, testDatabaseUri } from '../helpers/payload'

/** The `briefing` CLI as a user runs it: a real child process on a real database file. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-cli-'))
const env = { DATABASE_URI: testDatabaseUri(dir, 'cli'), OUTBOX_DIR: path.join(dir, 'outbox') }
// A second fresh database (a SQLite file, or one on the Postgres/MongoDB server) for production start.
const prodUri = testDatabaseUri(dir, 'prod')

const briefing = (args: string[], extraEnv: Record<string, string | undefined> = {}) =>
  briefingSync(args, { ...env, ...extraEnv })

afterAll(async () => {
  await dropTestDatabase(env.DATABASE_URI)
  await dropTestDatabase(prodUri)
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('briefing CLI', () => {
  it('has --help on the program and on every command', () => {
    const help = briefing(['--help'])
    expect(help.status).toBe(0)
    for (const cmd of ['seed', 'user:create', 'serve']) {
      expect(help.stdout).toContain(cmd)
      const sub = briefing([cmd, '--help'])
      expect(sub.status).toBe(0)
      expect(sub.stdout).toMatch(/Usage: briefing/)
    }
    // Four process starts one after another: 10–20 s each on a loaded 2-core machine.
  }, 240_000)

  it('seeds demo content idempotently', () => {
    const first = briefing(['seed'])
    expect(first.stderr).not.toMatch(/Error/)
    expect(first.status).toBe(0)
    expect(first.stdout).toContain('issue 3-9 created (published, 6 items)')
    expect(first.stdout).toContain('issue 3-10 created (draft, 3 items)')
    const again = briefing(['seed'])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('0 issue(s) created, 2 already there')
  }, 240_000)

  it('creates users and refuses bad input with a clear message', () => {
    const ok = briefing([
      'user:create',
      '--email',
      'Editor@Example.com',
      '--password',
      'long-password',
      '--role',
      'editor',
    ])
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/created editor editor@example.com/)
    const dup = briefing([
      'user:create',
      '--email',
      'editor@example.com',
      '--password',
      'long-password',
      '--role',
      'editor',
    ])
    expect(dup.status).toBe(1)
    expect(dup.stderr).toContain('already exists')
    const role = briefing(['user:create', '--email', 'x@example.com', '--password', 'long-password', '--role', 'owner'])
    expect(role.status).toBe(1)
    expect(role.stderr).toContain('--role must be one of admin, editor, contributor')
    const short = briefing(['user:create', '--email', 'x@example.com', '--password', 'short'])
    expect(short.status).toBe(1)
    expect(short.stderr).toContain('at least 10 characters')
  }, 240_000)

  it('in production, migrates a new database at start (no schema push) and then works', () => {
    const prod = {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-test-secret',
      DATABASE_URI: prodUri,
      DATABASE_ID_TYPE: '', // the shipped migrations create numeric ids (uuid is refused: next test)
    }
    const out = briefing(['seed'], prod)
    expect(out.stderr).not.toMatch(/Error/)
    expect(out.status).toBe(0)
    expect(out.stdout + out.stderr).toMatch(/Migrat/)
    expect(out.stdout).toContain('issue 3-9 created (published, 6 items)')
  })

  it('refuses DATABASE_ID_TYPE=uuid in production, where the migrations create numeric ids', () => {
    const out = briefing(['seed'], {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-test-secret',
      DATABASE_ID_TYPE: 'uuid',
    })
    expect(out.status).not.toBe(0)
    expect(out.stderr).toContain('DATABASE_ID_TYPE=uuid has no production migrations')
  })

  it('refuses to start in production without PAYLOAD_SECRET', () => {
    const out = briefing(['seed'], { NODE_ENV: 'production', PAYLOAD_SECRET: '' })
    expect(out.status).not.toBe(0)
    expect(out.stderr).toContain('PAYLOAD_SECRET is required in production')
  })
})
