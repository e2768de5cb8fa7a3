import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { adapterKind } from '../lib/db'
import { exec, type Db } from './sql'
import { LOG } from './tables'

/**
 * The index's change log (`briefing_search_log`): every write to the index tables records, in the
 * writer's own transaction, which key (or key prefix) it changed. Each instance's posting cache
 * (postingCache.ts) reads the rows it has not applied yet before it answers, so a committed save is
 * in every instance's next answer.
 *
 * Reading exactly once in commit order: on SQLite writers are serialised, so ids commit in order and
 * `id > last` is exact. On PostgreSQL ids do not commit in order; each row carries its transaction id
 * and a reader takes the oldest transaction still running (the snapshot's xmin) before it reads:
 * every transaction older than that has ended, so rows from `xid >= previous xmin` are all it can
 * have missed (rows seen already are skipped by id).
 */

/** Rows are kept this long; a cache that has not read the log for half of it starts again. */
export const LOG_RETENTION_MS = 3_600_000
/** More new rows than this at once (a rebuild): the cache starts again instead of applying them. */
export const LOG_MAX_ROWS = 2000

export type LogRow = { id: number; key: string; prefix: boolean }
export type Cursor = { last: number; applied: Map<number, number>; at: number }

const isPg = (payload: Payload) => adapterKind(payload) === 'postgres'
let lastPrune = 0

/** Record that the index rows of `keys` changed (`prefix`: of every key starting with one). `*` = all. */
export async function logChange(payload: Payload, db: Db, keys: string[], prefix = false): Promise<void> {
  const now = Date.now()
  const flag = prefix ? 1 : 0
  const values = keys.map((key) =>
    isPg(payload) ? sql`(${key}, ${flag}, ${now}, pg_current_xact_id()::text::bigint)` : sql`(${key}, ${flag}, ${now})`,
  )
  const columns = isPg(payload) ? sql.raw('(key, prefix, at, xid)') : sql.raw('(key, prefix, at)')
  await exec(payload, db, sql`INSERT INTO ${sql.raw(LOG)} ${columns} VALUES ${sql.join(values, sql`, `)}`)
  if (now - lastPrune < 60_000) return
  lastPrune = now
  await exec(payload, db, sql`DELETE FROM ${sql.raw(LOG)} WHERE at < ${now - LOG_RETENTION_MS}`)
}

/** Where the log stands now: a new cache applies only rows after this. */
async function horizon(payload: Payload): Promise<number> {
  const statement = isPg(payload)
    ? sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS n`
    : sql`SELECT coalesce(max(id), 0) AS n FROM ${sql.raw(LOG)}`
  const [row] = await exec(payload, undefined, statement)
  return Number(row?.n ?? 0)
}

export async function startCursor(payload: Payload): Promise<Cursor> {
  return { last: await horizon(payload), applied: new Map(), at: Date.now() }
}

/**
 * The rows written since the cursor (and moves it on), or `undefined` when the cache must start again:
 * too many rows, or the log was not read for longer than half its retention (rows may be gone).
 */
export async function readLog(payload: Payload, cursor: Cursor): Promise<LogRow[] | undefined> {
  const stale = Date.now() - cursor.at > LOG_RETENTION_MS / 2
  cursor.at = Date.now()
  const pg = isPg(payload)
  const next = pg ? await horizon(payload) : 0
  const rows = await exec(
    payload,
    undefined,
    sql`SELECT id, key, prefix${sql.raw(pg ? ', xid' : '')} FROM ${sql.raw(LOG)}
      WHERE ${sql.raw(pg ? 'xid >=' : 'id >')} ${cursor.last} ORDER BY id LIMIT ${LOG_MAX_ROWS + cursor.applied.size + 1}`,
  )
  const fresh = rows.filter((r) => !cursor.applied.has(Number(r.id)))
  if (stale || fresh.length > LOG_MAX_ROWS) {
    Object.assign(cursor, await startCursor(payload))
    return undefined
  }
  if (pg) {
    for (const r of fresh) cursor.applied.set(Number(r.id), Number(r.xid))
    for (const [id, xid] of cursor.applied) if (xid < next) cursor.applied.delete(id)
    cursor.last = next
  } else if (fresh.length) cursor.last = Number(fresh[fresh.length - 1].id)
  return fresh.map((r) => ({ id: Number(r.id), key: String(r.key), prefix: Number(r.prefix) === 1 }))
}
