import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The special-issue photo arrays get shorter table names (collections/fields/specialIssue.ts `dbName`):
 * the version table's foreign key name was 66 characters, which PostgreSQL had stored cut at 63, so
 * every development start saw a difference and pushed again. Tables, their primary keys, foreign keys
 * and indexes are renamed (not dropped and created), so every photo stays.
 */
const TABLES = [
  ['issues_entry_groups_entries_photos', 'issues_entry_photos'],
  ['_issues_v_version_entry_groups_entries_photos', '_issues_entry_photos_v'],
] as const
const CONSTRAINTS = ['pkey', 'image_id_media_id_fk', 'parent_id_fk']
const INDEXES = ['order_idx', 'parent_id_idx', 'image_idx']
const MAX_IDENTIFIER = 63

/** The name PostgreSQL stored for `name` (it cuts identifiers at 63 characters). */
const stored = (name: string) => name.slice(0, MAX_IDENTIFIER)

async function rename(db: MigrateUpArgs['db'], from: string, to: string): Promise<void> {
  await db.execute(sql.raw(`ALTER TABLE "${from}" RENAME TO "${to}"`))
  for (const suffix of CONSTRAINTS)
    await db.execute(
      sql.raw(`ALTER TABLE "${to}" RENAME CONSTRAINT "${stored(`${from}_${suffix}`)}" TO "${to}_${suffix}"`),
    )
  for (const suffix of INDEXES)
    await db.execute(sql.raw(`ALTER INDEX "${stored(`${from}_${suffix}`)}" RENAME TO "${to}_${suffix}"`))
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const [from, to] of TABLES) await rename(db, from, to)
  // The data upgrades and the search index's emptying run in the newest migration (20261201_152539).
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const [from, to] of TABLES) await rename(db, to, from)
}
