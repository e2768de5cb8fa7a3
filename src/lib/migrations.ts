import type { Payload } from 'payload'

import { asSystem } from './system'

type Migration = { name: string }
type MigrationAdapter = {
  prodMigrations?: Migration[]
  migrate?: (args: { migrations: Migration[] }) => Promise<void>
}
type MigrationRow = { name?: string; batch?: number }

const NO_TABLE = /no such table|does not exist/i

/**
 * The shipped migrations of this adapter (src/migrations for SQLite, src/migrations-postgres for
 * PostgreSQL; MongoDB has none) and what the database has recorded of them (a database that is
 * unreachable throws; one with no migrations table yet has run none).
 */
async function migrationState(payload: Payload): Promise<{ shipped: Migration[]; ran: MigrationRow[] }> {
  const shipped = (payload.db as unknown as MigrationAdapter).prodMigrations ?? []
  try {
    const { docs } = await payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
      depth: 0,
      ...asSystem('operator'),
    })
    return { shipped, ran: docs as MigrationRow[] }
  } catch (err) {
    const causes = [err, (err as { cause?: unknown }).cause].map((e) => String((e as Error | undefined)?.message ?? ''))
    if (causes.some((message) => NO_TABLE.test(message))) return { shipped, ran: [] }
    throw err
  }
}

/** A database whose schema development pushed (a `dev` row of batch -1): migrations do not apply to it. */
const pushed = (ran: MigrationRow[]) => ran.some((row) => row.batch === -1)

/** Names of the shipped migrations this database has not run (none where the schema was pushed). */
export async function pendingMigrations(payload: Payload): Promise<string[]> {
  const { shipped, ran } = await migrationState(payload)
  if (pushed(ran)) return []
  const done = new Set(ran.map((row) => row.name))
  return shipped.map((m) => m.name).filter((name) => !done.has(name))
}

/**
 * Run the shipped migrations this database has not run, in order, each in its own transaction
 * (Payload's migrate); returns their names. A development database (schema pushed) is refused.
 */
export async function runMigrations(payload: Payload): Promise<string[]> {
  const { shipped, ran } = await migrationState(payload)
  if (pushed(ran))
    throw new Error(
      'this database was set up by the development schema push, not by migrations: migrate a production database (NODE_ENV=production), or export and import the content into a new one',
    )
  const pending = await pendingMigrations(payload)
  if (pending.length) await (payload.db as unknown as MigrationAdapter).migrate?.({ migrations: shipped })
  return pending
}
