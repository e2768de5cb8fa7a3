import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

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

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const [from, to] of TABLES) await rename(db, from, to)
  // The data upgrades and the search index's emptying run in the newest migration (20261201_152521).
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const [from, to] of TABLES) await rename(db, to, from)
}
