import type { CollectionSlug, Job, Payload, UpdateJobsArgs, Where } from 'payload'

import type { DatabaseKind } from '../env'
import { relationId } from './relations'
import { asSystem } from './system'

/**
 * "In the order they were created" (the first one first) for any collection: ids are opaque — UUIDs on
 * some databases (DATABASE_ID_TYPE=uuid) — so their order says nothing; the id only breaks ties.
 */
export const CREATION_ORDER = ['createdAt', 'id']

/**
 * Everything that reaches below Payload's Local API, with one branch per adapter. The rest of the code
 * calls `payload.find/create/update` (the same on every adapter) or these functions.
 */
export function adapterKind(payload: Payload): DatabaseKind {
  const name = payload.db.name
  if (name === 'mongoose') return 'mongo'
  if (name === 'postgres') return 'postgres'
  return 'sqlite'
}

/**
 * Options for `payload.db.updateOne` that make it one conditional write (compare-and-set): drizzle's
 * `atomic` (a single `UPDATE … WHERE … RETURNING` on SQLite and Postgres); MongoDB's `findOneAndUpdate`
 * is atomic already.
 */
export const atomicUpdateOptions = (payload: Payload): Record<string, unknown> =>
  adapterKind(payload) === 'mongo' ? {} : { atomic: true }

/**
 * Close Payload and its connections so that the process can exit (a CLI command, a test file).
 * Postgres: Payload's `destroy()` keeps the connection pool open, and the adapter keeps one client of
 * it checked out for good (its reconnect watch), so `pool.end()` alone never settles: end every
 * client's connection directly.
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  const pool = adapterKind(payload) === 'postgres' ? (payload.db as unknown as { pool?: PgPool }).pool : undefined
  // Changes committed just before closing are still being written to the change feed.
  await (await import('../changes/feed')).flushChanges()
  await payload.destroy?.()
  if (!pool || pool.ended) return
  const clients = [...(pool._clients ?? [])]
  // pool.end() settles only once every client is back in the pool, which the held one never is.
  pool.end().catch(() => undefined)
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)))
}

/**
 * Delete every document matching `where` in one statement, without hooks (internal bookkeeping rows:
 * the change feed, rate-limit counters). Returns how many matched. The same call on every adapter.
 */
export async function deleteWhere(payload: Payload, collection: CollectionSlug, where: Where): Promise<number> {
  const { totalDocs } = await payload.count({ collection, where, ...asSystem('bookkeeping') })
  if (totalDocs) await payload.db.deleteMany({ collection, where })
  return totalDocs
}

const claimsInstalled = new WeakSet<object>()

/**
 * Payload's jobs queue claims due jobs by selecting them and then setting `processing` on each row
 * unconditionally, so on PostgreSQL two workers polling at the same moment both claim (and run) the
 * same job. Replace that one call, the claim, with a compare-and-set per job (`processing` false →
 * true, one UPDATE … WHERE each): a job is claimed by exactly one worker. Other job updates (progress,
 * completion) are unchanged, except that a failed update ends its transaction (below). SQLite and
 * PostgreSQL (the drizzle adapters); MongoDB keeps its own.
 */
export function installAtomicJobClaims(payload: Payload): void {
  if (adapterKind(payload) === 'mongo' || claimsInstalled.has(payload.db)) return
  claimsInstalled.add(payload.db)
  const updateJobs = payload.db.updateJobs.bind(payload.db)
  const claimOrUpdate = async (args: UpdateJobsArgs) => {
    if (args.id !== undefined || args.data.processing !== true || !args.where) return updateJobs(args)
    const { req, where, limit, sort } = args
    const found = await payload.db.find({ collection: 'payload-jobs', where, limit, sort, pagination: false, req })
    const claimed: Job[] = []
    for (const { id } of found.docs) {
      const won = await payload.db.updateOne({
        collection: 'payload-jobs',
        where: { and: [{ id: { equals: id } }, { processing: { equals: false } }] },
        data: { ...args.data, processing: true },
        options: { atomic: true },
        req,
      })
      if (!won) continue
      const job = await payload.db.findOne({ collection: 'payload-jobs', where: { id: { equals: id } }, req })
      if (job) claimed.push(job as unknown as Job)
    }
    return args.returning === false ? null : claimed
  }
  // Payload begins a transaction for each job update and commits it after this call, but neither
  // commits nor rolls back when it throws (SQLITE_BUSY under load): the transaction would hold the
  // database (and this process's write turn) for good. End it here, then let the error go on.
  payload.db.updateJobs = async (args: UpdateJobsArgs) => {
    try {
      return await claimOrUpdate(args)
    } catch (err) {
      const transactionID = (args.req as { transactionID?: number | string | Promise<number | string> } | undefined)
        ?.transactionID
      if (transactionID !== undefined) await payload.db.rollbackTransaction(await transactionID).catch(() => undefined)
      throw err
    }
  }
}

type PgPool = { end: () => Promise<void>; ended?: boolean; _clients?: { end: () => Promise<void> }[] }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A value from a URL or a request body (`"12"`, `12`, `{ id }`, a UUID, an ObjectId) as an id of this
 * database, or undefined when it cannot be one, so that callers answer "does not exist" (404) instead of
 * sending the database a value it rejects (Postgres: invalid uuid/integer syntax, a 500).
 */
export function parseId(payload: Payload, value: unknown): number | string | undefined {
  const raw = relationId(value)
  const key = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (!key) return undefined
  if (adapterKind(payload) === 'mongo') return /^[0-9a-f]{24}$/i.test(key) ? key : undefined
  if ((payload.db as { idType?: string }).idType === 'uuid') return UUID.test(key) ? key.toLowerCase() : undefined
  // Serial ids: positive integers within JavaScript's safe range (Postgres integer columns: 2^31 - 1).
  return /^[1-9]\d{0,9}$/.test(key) && Number(key) <= 2_147_483_647 ? Number(key) : undefined
}
