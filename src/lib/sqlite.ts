import { AsyncLocalStorage } from 'node:async_hooks'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { APIError, type DatabaseAdapter, type DatabaseAdapterObj, type Payload } from 'payload'

import { searchTablesSqlite } from '../search/tables'
import { correctDevPush } from './devPush'

/**
 * The embedded SQLite database with transactions that behave on one file shared by several processes
 * (server, CLI, worker):
 *
 * - WAL journal: readers never wait for a writer, so pages and the API keep answering during an import.
 * - Every connection waits briefly for the write lock (libsql opens a fresh connection after each
 *   transaction, without the adapter's `busy_timeout`: we set it again).
 * - One write at a time per process, queued without blocking the event loop: two transactions of one
 *   process on two connections would otherwise wait for each other inside SQLite.
 * - `SQLITE_BUSY` (another process holds the write lock) is retried with short asynchronous pauses
 *   until `BUSY_BUDGET_MS` is spent, for writes and for reads outside a transaction.
 */
export const BUSY_BUDGET_MS = 5000
/** How long one SQLite call may wait for a lock inside SQLite (blocking this process). */
const CONNECTION_BUSY_MS = 100

const READS = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
] as const
const WRITES = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

export const isBusyError = (err: unknown): boolean => {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (e.code === 'SQLITE_BUSY' || /SQLITE_BUSY|database is locked/.test(String(e.message ?? ''))) return true
  }
  return false
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const busy = () => new APIError('The database is busy; please try again in a moment.', 503, null, true)

/** Run `fn`, retrying while SQLite answers SQLITE_BUSY, until the budget is spent (then 503). */
export async function retryBusy<T>(fn: () => Promise<T>, budgetMs = BUSY_BUDGET_MS): Promise<T> {
  const until = Date.now() + budgetMs
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      return await fn()
    } catch (err) {
      if (!isBusyError(err)) throw err
      if (Date.now() + wait > until) throw busy()
      await pause(wait)
    }
  }
}

/** A first-come first-served lock, awaited asynchronously, with a bound on the wait. */
class WriteLock {
  private tail: Promise<void> = Promise.resolve()
  readonly holder = new AsyncLocalStorage<true>()

  async acquire(): Promise<() => void> {
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const before = this.tail
    this.tail = before.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), BUSY_BUDGET_MS)))
    const outcome = await Promise.race([before.then(() => 'ok' as const), timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      // Give our turn back when it comes, so the queue keeps moving.
      void before.then(release)
      throw busy()
    }
    return release
  }
}

type Adapter = DatabaseAdapter & {
  client?: { execute: (sql: string) => Promise<unknown>; transaction: (mode?: string) => Promise<unknown> }
  sessions?: Record<string, unknown>
}
type Method = (this: Adapter, ...args: unknown[]) => Promise<unknown>
type WithReq = { req?: { transactionID?: unknown } }

function guard(db: Adapter): void {
  const lock = new WriteLock()
  const held = new Map<number | string, () => void>()
  const inTransaction = (args: unknown[]) => Boolean((args[0] as WithReq | undefined)?.req?.transactionID)
  const methods = db as unknown as Record<string, Method>

  const connect = methods.connect
  methods.connect = async function (this: Adapter, ...args) {
    const out = await connect.apply(this, args)
    const client = this.client
    if (client && !('briefingGuarded' in client)) {
      const transaction = client.transaction.bind(client)
      Object.assign(client, {
        briefingGuarded: true,
        // libsql hands its connection to the transaction and opens a new one on next use: set it up too.
        transaction: async (mode?: string) => {
          const tx = await transaction(mode)
          await client.execute(`PRAGMA busy_timeout = ${CONNECTION_BUSY_MS}`)
          return tx
        },
      })
      await client.execute(`PRAGMA busy_timeout = ${CONNECTION_BUSY_MS}`)
    }
    return out
  }

  const begin = methods.beginTransaction
  methods.beginTransaction = async function (this: Adapter, ...args) {
    if (lock.holder.getStore()) return null
    const release = await lock.acquire()
    try {
      const id = (await retryBusy(() => begin.apply(this, args))) as number | string | null
      if (id === null) release()
      else held.set(id, release)
      return id
    } catch (err) {
      release()
      throw err
    }
  }
  for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
    const end = methods[name]
    methods[name] = async function (this: Adapter, ...args) {
      const id = (await args[0]) as number | string
      try {
        return await end.apply(this, [id])
      } finally {
        held.get(id)?.()
        held.delete(id)
      }
    }
  }
  for (const name of READS) {
    const read = methods[name]
    if (read)
      methods[name] = function (this: Adapter, ...args) {
        return inTransaction(args) ? read.apply(this, args) : retryBusy(() => read.apply(this, args))
      }
  }
  for (const name of WRITES) {
    const write = methods[name]
    if (!write) continue
    methods[name] = async function (this: Adapter, ...args) {
      if (inTransaction(args) || lock.holder.getStore()) return write.apply(this, args)
      const release = await lock.acquire()
      try {
        return await lock.holder.run(true, () => retryBusy(() => write.apply(this, args)))
      } finally {
        release()
      }
    }
  }
}

/** Payload's SQLite adapter on `uri`, with adapter-wide transactions, WAL and the guards above. */
export function sqliteDatabase(
  uri: string,
  options: Pick<Parameters<typeof sqliteAdapter>[0], 'idType' | 'prodMigrations' | 'push'>,
): DatabaseAdapterObj {
  const base = sqliteAdapter({
    client: { url: uri },
    ...options,
    busyTimeout: CONNECTION_BUSY_MS,
    wal: true,
    transactionOptions: {},
    beforeSchemaInit: [searchTablesSqlite],
  })
  return {
    ...base,
    init: (args: { payload: Payload }) => {
      const db = base.init(args) as unknown as Adapter
      guard(db)
      correctDevPush(db as unknown as Parameters<typeof correctDevPush>[0], uri)
      return db
    },
  } as DatabaseAdapterObj
}
