import path from 'node:path'

import { sql } from '@payloadcms/db-sqlite'

/**
 * The development schema push on SQLite (Payload's pushDevSchema → drizzle-kit's pushSQLiteSchema),
 * corrected for two drizzle-kit defects with table rebuilds, and made to fail with instructions.
 * When SQLite must rebuild a table (a changed NOT NULL or foreign key), drizzle-kit
 *
 * - creates the rebuilt table's indexes twice: the second `CREATE INDEX` fails ("index … already
 *   exists") and the push stops half-way, the API answering 500 (an older development database);
 * - may copy the rows with `INSERT INTO `__new_t`(…) SELECT … FROM `t`` listing columns the same
 *   change adds, which the old table does not have ("no such column").
 *
 * Index creation is made idempotent and the copy is limited to the columns the old table has (the
 * new ones take their defaults), as the shipped migrations do by hand.
 */
type PushResult = { statementsToExecute: string[]; apply: () => Promise<void> } & Record<string, unknown>
type DrizzleKit = { pushSchema: (...args: unknown[]) => Promise<PushResult> } & Record<string, unknown>
type Reader = {
  all: (query: unknown) => Promise<Array<Record<string, unknown>>>
  run: (query: unknown) => Promise<unknown>
}
type PushingAdapter = { requireDrizzleKit: () => DrizzleKit }

const REBUILD_COPY = /^INSERT INTO `__new_([^`]+)`\(([^)]*)\) SELECT (.*) FROM `([^`]+)`;?$/s
const unquote = (column: string) => column.trim().replace(/^"(.*)"$/, '$1')

const CREATE_INDEX = /^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS)/

/**
 * Rewrite the statements in place (drizzle-kit's apply reads this array): `CREATE INDEX IF NOT
 * EXISTS`, and rebuild copies limited to the old table's columns.
 */
export async function correctRebuilds(
  statements: string[],
  columnsOf: (table: string) => Promise<Set<string>>,
): Promise<void> {
  for (let i = 0; i < statements.length; i++)
    statements[i] = statements[i].replace(CREATE_INDEX, (_, unique = '') => `CREATE ${unique}INDEX IF NOT EXISTS `)
  await copyExistingColumns(statements, columnsOf)
}

/** Rewrite rebuild copies (in place) to the columns the old table has. */
export async function copyExistingColumns(
  statements: string[],
  columnsOf: (table: string) => Promise<Set<string>>,
): Promise<void> {
  for (let i = 0; i < statements.length; i++) {
    const match = REBUILD_COPY.exec(statements[i].trim())
    if (!match || match[1] !== match[4] || match[2].trim() !== match[3].trim()) continue
    const existing = await columnsOf(match[1])
    const kept = match[2].split(',').filter((column) => existing.has(unquote(column)))
    const list = kept.map((column) => column.trim()).join(', ')
    statements[i] = `INSERT INTO \`__new_${match[1]}\`(${list}) SELECT ${list} FROM \`${match[1]}\`;`
  }
}

/**
 * Tables a shipped migration renamed (20261201_142812_rename_photo_tables). drizzle-kit's push sees a
 * renamed table as one dropped and one created and asks on the terminal which it is, for every new
 * table (a development start would wait on that question, or lose the rows on a wrong answer): the
 * push renames them first, as the migration does, and then has nothing to ask.
 */
export const RENAMED_TABLES = [
  ['issues_entry_groups_entries_photos', 'issues_entry_photos'],
  ['_issues_v_version_entry_groups_entries_photos', '_issues_entry_photos_v'],
] as const

/** Rename the tables of RENAMED_TABLES that still have their old name (and not yet the new one). */
export async function renameLegacyTables(db: Reader): Promise<string[]> {
  const rows = await db.all(sql.raw(`SELECT name FROM sqlite_master WHERE type = 'table'`))
  const tables = new Set(rows.map((row) => String(row.name)))
  const renamed: string[] = []
  for (const [from, to] of RENAMED_TABLES) {
    if (!tables.has(from) || tables.has(to)) continue
    await db.run(sql.raw(`ALTER TABLE \`${from}\` RENAME TO \`${to}\``))
    renamed.push(from)
  }
  return renamed
}

/** What a developer reads when the push still fails: the file, and what to do about it. */
export function pushFailure(file: string, err: unknown): Error {
  const shown = path.relative(process.cwd(), file) || file
  return new Error(
    `The development schema push failed on ${shown}: ${(err as Error)?.message ?? String(err)}\n` +
      `This database was made by an older version and SQLite cannot take the new schema in place. Either:\n` +
      `  - keep its content: briefing export --all --out <dir> (with the older version), move ${shown} away, start again, then briefing import --archive <dir>;\n` +
      `  - or start afresh: mv ${shown} ${shown}.old (or delete it) and start again.\n` +
      `Production databases are upgraded by the shipped migrations (briefing migrate), not by this push.`,
    { cause: err },
  )
}

/** Wrap the adapter's drizzle-kit so that its push survives table rebuilds, or fails clearly. */
export function correctDevPush(adapter: PushingAdapter, uri: string): void {
  const original = adapter.requireDrizzleKit
  const file = uri.replace(/^file:/, '')
  adapter.requireDrizzleKit = () => {
    const kit = original()
    const pushSchema = async (...args: unknown[]): Promise<PushResult> => {
      const drizzle = args[1] as Reader
      await renameLegacyTables(drizzle)
      const result = await kit.pushSchema(...args)
      await correctRebuilds(result.statementsToExecute, async (table) => {
        const rows = await drizzle.all(sql.raw(`PRAGMA table_info(\`${table.replace(/`/g, '``')}\`)`))
        return new Set(rows.map((row) => String(row.name)))
      })
      const apply = result.apply
      return {
        ...result,
        apply: async () => {
          try {
            await apply()
          } catch (err) {
            throw pushFailure(file, err)
          }
        },
      }
    }
    return { ...kit, pushSchema }
  }
}
