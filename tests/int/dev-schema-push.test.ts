import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeDatabase } from '../../src/lib/db'
import { correctRebuilds } from '../../src/lib/devPush'
import { startWeb, type Instance } from '../helpers/instances'

/**
 * A development database made before a schema change that SQLite applies by rebuilding tables
 * (here: the schema before the migration that rebuilt `campaigns`) starts with `npm run dev`'s server: the
 * schema push keeps the rows and adds the columns. drizzle-kit's rebuild created the rebuilt tables'
 * indexes twice ("index issues_kind_idx already exists") and may copy columns the old table does not
 * have; src/lib/devPush.ts corrects both.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-dev-push-'))
const file = path.join(dir, 'old-dev.db')
const uri = `file:${file}`
let web: Instance | undefined

type Adapter = { prodMigrations: { name: string }[]; migrate: (a: { migrations: unknown[] }) => Promise<void> }

beforeAll(async () => {
  // An older schema: every shipped migration before the one that rebuilt `campaigns` (SQLite).
  const REBUILDING = '20261201_124425_scheduled_sends_translation_sends_kinds'
  Object.assign(process.env, {
    DATABASE_URI: uri,
    DATABASE_ID_TYPE: '',
    PAYLOAD_MIGRATING: 'true',
    BRIEFING_JOBS_AUTORUN: '0',
    OUTBOX_DIR: path.join(dir, 'outbox'),
  })
  const { default: config } = await import('../../src/payload.config')
  const payload = await getPayload({ config })
  const adapter = payload.db as unknown as Adapter
  const upTo = adapter.prodMigrations.findIndex((m) => m.name === REBUILDING)
  expect(upTo).toBeGreaterThan(0)
  await adapter.migrate({ migrations: adapter.prodMigrations.slice(0, upTo) })
  await closeDatabase(payload)
  const db = createClient({ url: uri })
  await db.execute(
    `INSERT INTO "sections" ("name", "slug", "position", "style") VALUES ('Senior Leaders', 'senior-leaders', 1, 'full')`,
  )
  // A special issue's photo under the photo table's old name (renamed by a later migration).
  await db.execute(
    `INSERT INTO "issues" ("id", "title", "slug", "kind") VALUES (70, 'NPC 2024', 'npc-2024', 'special')`,
  )
  await db.execute(
    `INSERT INTO "issues_entry_groups" ("_order", "_parent_id", "id", "heading") VALUES (1, 70, 'g1', 'March 5')`,
  )
  await db.execute(
    `INSERT INTO "issues_entry_groups_entries" ("_order", "_parent_id", "id", "headline") VALUES (1, 'g1', 'e1', 'Opening')`,
  )
  await db.execute(
    `INSERT INTO "issues_entry_groups_entries_photos" ("_order", "_parent_id", "id", "caption") VALUES (1, 'e1', 'p1', 'Delegates arrive')`,
  )
  const columns = await db.execute(`PRAGMA table_info("campaigns")`)
  expect(columns.rows.map((c) => c.name)).not.toContain('translation_id')
  db.close()
})
afterAll(async () => {
  await web?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the development schema push on an older development database', () => {
  it('`npm run dev` starts on it: the rebuilt tables keep their rows and gain the new columns', async () => {
    web = await startWeb({
      DATABASE_URI: uri,
      DATABASE_ID_TYPE: '',
      PAYLOAD_MIGRATING: '',
      BRIEFING_JOBS_AUTORUN: '0',
      NEWSLETTER_WORKER: 'external',
      OUTBOX_DIR: path.join(dir, 'outbox'),
      NEXT_DIST_DIR: '.next-dev-push',
    })
    // A public page reads the database through Payload (the push runs when Payload starts).
    const feed = await fetch(`${web.url}/feed.xml`)
    expect(feed.status, web.output().slice(-3000)).toBe(200)
    expect(web.output()).not.toMatch(/__new_|SQLITE_ERROR|no such column/)

    const db = createClient({ url: uri })
    const columns = (await db.execute(`PRAGMA table_info("campaigns")`)).rows.map((c) => c.name)
    expect(columns).toEqual(expect.arrayContaining(['translation_id', 'override_reason']))
    const sections = await db.execute(`SELECT "name" FROM "sections"`)
    expect(sections.rows.map((r) => r.name)).toEqual(['Senior Leaders'])
    // The renamed photo table is renamed, not dropped and created (drizzle-kit would have asked).
    const photos = await db.execute(`SELECT "caption" FROM "issues_entry_photos"`)
    expect(photos.rows.map((r) => r.caption)).toEqual(['Delegates arrive'])
    const leftovers = await db.execute(`SELECT name FROM sqlite_master WHERE name LIKE '\\_\\_new\\_%' ESCAPE '\\'`)
    expect(leftovers.rows).toEqual([])
    db.close()
  }, 600_000)
})

describe('a table rebuild that also adds columns', () => {
  it('copies the columns the old table has; the new one takes its default', async () => {
    const db = createClient({ url: `file:${path.join(dir, 'rebuild.db')}` })
    await db.execute('CREATE TABLE `t` (`id` integer PRIMARY KEY NOT NULL, `a` text NOT NULL)')
    await db.execute('CREATE INDEX `t_a_idx` ON `t` (`a`)')
    await db.execute("INSERT INTO `t` (`a`) VALUES ('kept')")
    // What drizzle-kit emits for a rebuild of `t` (a becomes nullable) that also adds `b`.
    const statements = [
      "CREATE TABLE `__new_t` (`id` integer PRIMARY KEY NOT NULL, `a` text, `b` text DEFAULT 'new')",
      'INSERT INTO `__new_t`("id", "a", "b") SELECT "id", "a", "b" FROM `t`;',
      'DROP TABLE `t`;',
      'ALTER TABLE `__new_t` RENAME TO `t`;',
      'CREATE INDEX `t_a_idx` ON `t` (`a`);',
      'CREATE INDEX `t_a_idx` ON `t` (`a`);',
    ]
    const columnsOf = async (table: string) =>
      new Set((await db.execute(`PRAGMA table_info(\`${table}\`)`)).rows.map((r) => String(r.name)))
    // As drizzle-kit emits it, the copy fails half-way.
    await db.execute(statements[0])
    await expect(db.execute(statements[1])).rejects.toThrow(/no such column/)
    await db.execute('DROP TABLE `__new_t`')
    await correctRebuilds(statements, columnsOf)
    for (const statement of statements) await db.execute(statement)
    expect((await db.execute('SELECT `a`, `b` FROM `t`')).rows.map((r) => [r.a, r.b])).toEqual([['kept', 'new']])
    db.close()
  })
})
