import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'
import pg from 'pg'
import { inject } from 'vitest'

import { closeDatabase } from '../../src/lib/db'
import { markSchemaReady } from './schemaReady'

/** A database name of at most 63 characters (PostgreSQL's limit), unique to this process and moment. */
const freshName = (name: string) =>
  `briefing_test_${name.toLowerCase().replace(/\W+/g, '_').slice(0, 24)}_${process.pid}_${Date.now()}`

/**
 * A database URI for one test file: a fresh SQLite file in a temp folder, or, when POSTGRES_URI
 * (or MONGODB_URI) is set, a fresh database on that server (Payload creates it on first connect).
 */
export function testDatabaseUri(dir: string, name: string): string {
  const server = process.env.POSTGRES_URI || process.env.MONGODB_URI
  if (server) {
    const url = new URL(server)
    url.pathname = `/${freshName(name)}`
    return url.toString()
  }
  return `file:${path.join(dir, `${name}.db`)}`
}

/** Drop a database testDatabaseUri made on the Postgres server (SQLite files go with their folder). */
export async function dropTestDatabase(uri: string): Promise<void> {
  const server = process.env.POSTGRES_URI
  if (!server || !/^postgres(ql)?:/.test(uri)) return
  const name = new URL(uri).pathname.slice(1)
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

export type TestPayload = { payload: Payload; dir: string; close: () => Promise<void> }

/**
 * On PostgreSQL, when the run made a template database (pgTemplate.ts): make this file's database as a
 * copy of it and boot without the schema push (its schema is the template's). Returns whether it did.
 */
async function copyTemplate(uri: string): Promise<boolean> {
  const template = process.env.POSTGRES_URI && /^postgres(ql)?:/.test(uri) ? inject('pgTemplate') : undefined
  if (!template) return false
  const client = new pg.Client({ connectionString: process.env.POSTGRES_URI })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${new URL(uri).pathname.slice(1)}" TEMPLATE "${template}"`)
  } finally {
    await client.end()
  }
  markSchemaReady(uri)
  return true
}

/** Boot a real Payload (Local API) on its own database for one test file. */
export async function bootPayload(name = 'int'): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `briefing-${name}-`))
  const uri = testDatabaseUri(dir, name)
  process.env.DATABASE_URI = uri
  process.env.OUTBOX_DIR = path.join(dir, 'outbox')
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.BRIEFING_JOBS_AUTORUN = '0'
  const copied = await copyTemplate(uri)
  const { default: config } = await import('../../src/payload.config')
  // Payload's own switch for "no schema push on connect", for this process only; children started on this
  // database get BRIEFING_DB_PUSH=0 instead (schemaReady.ts), children on other databases push.
  if (copied) process.env.PAYLOAD_MIGRATING = 'true'
  const payload = await getPayload({ config }).finally(() => delete process.env.PAYLOAD_MIGRATING)
  const close = async () => {
    if (process.env.MONGODB_URI) await payload.db.connection?.dropDatabase?.()
    await closeDatabase(payload)
    await dropTestDatabase(uri)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { payload, dir, close }
}

/** Create a user of a role directly (Local API) and return it with `collection` set, for `user:` options. */
export async function makeUser(
  payload: Payload,
  role: 'admin' | 'editor' | 'contributor',
  email = `${role}-${Date.now()}@example.com`,
) {
  const user = await payload.create({
    collection: 'users',
    data: { email, password: 'correct-horse-battery', role },
    overrideAccess: true,
  })
  return { ...user, collection: 'users' as const }
}
