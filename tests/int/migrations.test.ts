import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import express from 'express'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readyz } from '../../src/health'
import { closeDatabase } from '../../src/lib/db'
import { pendingMigrations, runMigrations } from '../../src/lib/migrations'
import { briefing } from '../helpers/cli'
import { dropTestDatabase, testDatabaseUri } from '../helpers/payload'
import { serve } from './web-support'

/**
 * Production databases are shaped by the shipped migrations (src/migrations on SQLite,
 * src/migrations-postgres on PostgreSQL), never by the development schema push: a fresh database
 * migrates with `briefing migrate`, and a database at the schema of the last release is
 * upgraded with its data intact. /readyz answers 503 until every migration has run.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-migrations-'))
const upgradeUri = testDatabaseUri(dir, 'upgrade')
const freshUri = testDatabaseUri(dir, 'fresh')
// The shipped migrations create numeric ids (the uuid run of the suite pushes its schema instead).
const numericIds = { DATABASE_ID_TYPE: '' }

type Migration = { name: string }
type Adapter = {
  prodMigrations: Migration[]
  migrate: (args: { migrations: Migration[] }) => Promise<void>
  execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown>
  drizzle: unknown
}

let payload: Payload
let adapter: Adapter
let web: { url: string; close: () => Promise<void> }

beforeAll(async () => {
  Object.assign(process.env, numericIds, {
    DATABASE_URI: upgradeUri,
    // Boot without the development schema push: this database is built by migrations only.
    PAYLOAD_MIGRATING: 'true',
    BRIEFING_JOBS_AUTORUN: '0',
    OUTBOX_DIR: path.join(dir, 'outbox'),
  })
  const { default: config } = await import('../../src/payload.config')
  payload = await getPayload({ config })
  adapter = payload.db as unknown as Adapter
  const app = express()
  app.get(
    '/readyz',
    readyz(async () => payload),
  )
  web = await serve(app)
})

afterAll(async () => {
  await web?.close()
  if (payload) await closeDatabase(payload)
  await dropTestDatabase(upgradeUri)
  await dropTestDatabase(freshUri)
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The command's own lines (Payload's logger may print notices on stdout too). */
const dataLines = (stdout: string, pattern: RegExp) => stdout.split('\n').filter((line) => pattern.test(line))

const ready = async () => {
  const res = await fetch(`${web.url}/readyz`)
  return { status: res.status, body: (await res.json()) as { errors?: { message: string }[] } }
}

const MEDIA_ID = 7

/** A special issue with an entry and two photos, in the tables of the last release's schema. */
async function insertSpecialIssueWithPhotos(): Promise<void> {
  const run = (raw: string) => adapter.execute({ drizzle: adapter.drizzle, raw })
  await run(`INSERT INTO "media" ("id", "alt", "filename") VALUES (${MEDIA_ID}, 'Delegates', 'npc.jpg')`)
  await run(`INSERT INTO "issues" ("id", "title", "slug", "kind") VALUES (70, 'NPC 2024', 'npc-2024', 'special')`)
  await run(
    `INSERT INTO "issues_entry_groups" ("_order", "_parent_id", "id", "heading") VALUES (1, 70, 'g1', 'March 5')`,
  )
  await run(
    `INSERT INTO "issues_entry_groups_entries" ("_order", "_parent_id", "id", "headline") VALUES (1, 'g1', 'e1', 'Opening session')`,
  )
  await run(`INSERT INTO "issues_entry_groups_entries_photos" ("_order", "_parent_id", "id", "image_id", "caption", "credit")
    VALUES (1, 'e1', 'p1', ${MEDIA_ID}, 'Delegates arrive', 'XINHUA'), (2, 'e1', 'p2', ${MEDIA_ID}, 'The vote', NULL)`)
}

describe('migrations', () => {
  it('upgrades a database at the schema of the last release (two migrations back), keeping its data; /readyz waits for it', async () => {
    const shipped = adapter.prodMigrations
    expect(shipped.length).toBeGreaterThan(1)
    // The schema of the last release (stop 21): this release adds two migrations (the photo tables'
    // renaming, then the search log and the schedule lease).
    const pending = shipped.slice(-2).map((m) => m.name)
    await adapter.migrate({ migrations: shipped.slice(0, -2) })
    // Content written under the older schema (its own columns only).
    await adapter.execute({
      drizzle: adapter.drizzle,
      raw: `INSERT INTO "sections" ("name", "slug", "position", "style") VALUES ('Senior Leaders', 'senior-leaders', 1, 'full')`,
    })
    await adapter.execute({
      drizzle: adapter.drizzle,
      raw: `INSERT INTO "sources" ("name", "slug") VALUES ('Qiushi', 'qiushi')`,
    })
    await insertSpecialIssueWithPhotos()

    expect(await pendingMigrations(payload)).toEqual(pending)
    const before = await ready()
    expect(before.status).toBe(503)
    expect(before.body.errors?.[0].message).toContain(pending[0])

    expect(await runMigrations(payload)).toEqual(pending)
    expect(await pendingMigrations(payload)).toEqual([])
    expect(await runMigrations(payload)).toEqual([])
    expect((await ready()).status).toBe(200)

    // The old rows are intact and the current schema (every field of the config) reads and writes them.
    const sections = await payload.find({ collection: 'sections', where: { slug: { equals: 'senior-leaders' } } })
    expect(sections.docs.map((s) => [s.name, s.style])).toEqual([['Senior Leaders', 'full']])
    const updated = await payload.update({
      collection: 'sections',
      id: sections.docs[0].id,
      data: { description: 'Politburo members', public: true },
      overrideAccess: true,
    })
    expect(updated).toMatchObject({ name: 'Senior Leaders', description: 'Politburo members', public: true })
    const sources = await payload.find({ collection: 'sources', where: { slug: { equals: 'qiushi' } } })
    expect(sources.docs.map((s) => s.name)).toEqual(['Qiushi'])
    const created = await payload.create({
      collection: 'sections',
      data: { name: 'Organization Work', style: 'brief' },
      overrideAccess: true,
    })
    expect(created.slug).toBe('organization-work')

    // A special issue's photos, written under the older photo table names, survive their renaming.
    const special = await payload.find({ collection: 'issues', where: { slug: { equals: 'npc-2024' } }, depth: 0 })
    const entry = special.docs[0]?.entryGroups?.[0]?.entries?.[0]
    expect(entry?.headline).toBe('Opening session')
    expect(entry?.photos?.map((p) => [p.image, p.caption, p.credit])).toEqual([
      [MEDIA_ID, 'Delegates arrive', 'XINHUA'],
      [MEDIA_ID, 'The vote', null],
    ])
  })

  it('`briefing migrate` builds a fresh database from the shipped migrations, after which none is pending', async () => {
    const env = { ...numericIds, DATABASE_URI: freshUri, OUTBOX_DIR: path.join(dir, 'outbox-fresh') }
    const names = adapter.prodMigrations.map((m) => m.name)
    const first = await briefing(['migrate'], env)
    expect(first.stderr).not.toMatch(/Error/)
    expect(first.status).toBe(0)
    expect(dataLines(first.stdout, /^migrated /)).toEqual(names.map((name) => `migrated ${name}`))

    const again = await briefing(['migrate', '--status'], env)
    expect(again.status).toBe(0)
    expect(dataLines(again.stdout, /migrat/)).toEqual(['no migrations pending'])
  }, 480_000)
})
