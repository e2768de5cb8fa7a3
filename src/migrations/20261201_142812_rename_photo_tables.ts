import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { runDataUpgrades } from '../upgrades'

/**
 * The special-issue photo arrays get shorter table names (collections/fields/specialIssue.ts `dbName`):
 * on PostgreSQL the version table's foreign key name was cut at 63 characters. The tables are renamed,
 * not rebuilt, so every photo stays; their indexes take the new names (SQLite foreign keys have none).
 */
const TABLES = [
  ['issues_entry_groups_entries_photos', 'issues_entry_photos'],
  ['_issues_v_version_entry_groups_entries_photos', '_issues_entry_photos_v'],
] as const
const INDEXES = [
  ['order_idx', '_order'],
  ['parent_id_idx', '_parent_id'],
  ['image_idx', 'image_id'],
] as const

async function rename(db: MigrateUpArgs['db'], from: string, to: string): Promise<void> {
  await db.run(sql.raw(`ALTER TABLE \`${from}\` RENAME TO \`${to}\`;`))
  for (const [suffix, column] of INDEXES) {
    await db.run(sql.raw(`DROP INDEX IF EXISTS \`${from}_${suffix}\`;`))
    await db.run(sql.raw(`CREATE INDEX \`${to}_${suffix}\` ON \`${to}\` (\`${column}\`);`))
  }
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  for (const [from, to] of TABLES) await rename(db, from, to)
  // The data upgrades of every migration, now that the schema is complete (src/upgrades.ts).
  await runDataUpgrades(payload, req)
  // After the data upgrades (their saves index what they touch): the emptied search index is filled
  // again, with translations and special-issue entries, at the next start (src/search/service.ts
  // fillStoreOnce), or by `briefing search:rebuild`. It was emptied by 20261201_1244…, before them.
  await db.run(sql`DELETE FROM \`briefing_search_postings\`;`)
  await db.run(sql`DELETE FROM \`briefing_search_docs\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const [from, to] of TABLES) await rename(db, to, from)
}
