import type { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/** A drizzle database or transaction (SQLite: libsql; PostgreSQL: node-postgres). */
export type Db = unknown
export type Row = Record<string, unknown>
export type SQL = ReturnType<typeof sql.raw>

export const drizzleOf = (payload: Payload): Db => (payload.db as unknown as { drizzle: Db }).drizzle

/** Run one statement on `db` (a transaction's handle), or on the pool when `db` is undefined. */
export async function exec(payload: Payload, db: Db, statement: SQL): Promise<Row[]> {
  const run = (payload.db as unknown as { execute: (a: { db: Db; sql: SQL }) => Promise<{ rows?: Row[] }> }).execute
  const out = await run.call(payload.db, { db: db ?? drizzleOf(payload), sql: statement })
  return out?.rows ?? []
}
