import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

/**
 * A database URI for one test file: a fresh SQLite file in a temp folder, or, when MONGODB_URI
 * is set, a fresh database on that MongoDB server.
 */
export function testDatabaseUri(dir: string, name: string): string {
  const mongo = process.env.MONGODB_URI
  if (mongo) {
    const url = new URL(mongo)
    url.pathname = `/briefing_test_${name.replace(/\W+/g, '_')}_${process.pid}_${Date.now()}`
    return url.toString()
  }
  return `file:${path.join(dir, `${name}.db`)}`
}

export type TestPayload = { payload: Payload; dir: string; close: () => Promise<void> }

/** Boot a real Payload (Local API) on its own database for one test file. */
export async function bootPayload(name = 'int'): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `briefing-${name}-`))
  process.env.DATABASE_URI = testDatabaseUri(dir, name)
  process.env.OUTBOX_DIR = path.join(dir, 'outbox')
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.BRIEFING_JOBS_AUTORUN = '0'
  const { default: config } = await import('../../src/payload.config')
  const payload = await getPayload({ config })
  const close = async () => {
    if (process.env.MONGODB_URI) await payload.db.connection?.dropDatabase?.()
    await payload.destroy?.()
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
