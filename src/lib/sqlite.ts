import { AsyncLocalStorage } from 'node:async_hooks'

import type { Config } from '@libsql/client'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { APIError, type DatabaseAdapter, type DatabaseAdapterObj, type Payload } from 'payload'

import { searchTablesSqlite } from '../search/tables'
import { correctDevPush } from './devPush'
import { connectionPool } from './sqliteConnections'

/**
 * The embedded SQLite database with transactions that behave on one file shared by several processes
 * (server, CLI, worker):
 *
 * - WAL journal: readers never wait for a writer, so pages and the API keep answering during an import.
 * - Statements and transactions run on a few connections kept open and reused (sqliteConnections.ts);
 *   each waits briefly for the write lock (`busy_timeout`).
 * - One write at a time per process, queued without blocking the event loop: two transactions of one
 *   process on two connections would otherwise wait for each other inside SQLite.
 * - `SQLITE_BUSY` (another process holds the write lock) is retried with short asynchronous pauses
 *   until `BUSY_BUDGET_MS` is spent, for writes and for reads outside a transaction.
 */
export const BUSY_BUDGET_MS = 5000
/** How long one SQLite call may wait for a lock inside SQLite (blocking this process). */
const CONNECTION_BUSY_MS = 100
/**
 * The same while connecting: the development schema push writes (`payload_migrations`) outside any
 * transaction of ours, before the process serves anything, so it may block; a command started while
 * the server or an import writes waits its turn instead of failing with SQLITE_BUSY.
 */
const STARTUP_BUSY_MS = 15_000

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

type Chained = { code?: unknown; message?: unknown; cause?: unknown }

/** Whether the error or one of its causes has `code`, or a message matching `pattern`. */
const causedBy = (err: unknown, code: string, pattern: RegExp): boolean => {
  for (let e = err as Chained | undefined; e; e = e.cause as Chained | undefined)
    if (e.code === code || pattern.test(String(e.message ?? ''))) return true
  return false
}

export const isBusyError = (err: unknown): boolean => causedBy(err, 'SQLITE_BUSY', /SQLITE_BUSY|database is locked/)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const busy = () => new APIError('The database is busy; please try again in a moment.', 503, null, true)

/**
 * Run `fn`, retrying while SQLite answers SQLITE_BUSY, until the budget is spent (then 503). After an
 * SQLITE_BUSY_SNAPSHOT answer the retry runs on another connection (sqliteConnections.ts).
 */
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

type Logger = { error: (...args: unknown[]) => void; debug: (...args: unknown[]) => void }

/**
 * Payload logs each busy `BEGIN` as an error with a 40-line stack before the guard retries it: while
 * another process writes (`briefing seed` or an import from a second terminal), the development
 * terminal filled with red SQLITE_BUSY traces though nothing failed. Those lines go to the debug level;
 * what the retries end in is still an error (the 503 and its log line).
 */
function quietBusyBegins(logger: Logger & { briefingQuiet?: true }): void {
  if (logger.briefingQuiet) return
  const error = logger.error.bind(logger)
  Object.assign(logger, {
    briefingQuiet: true,
    error: (first: unknown, ...rest: unknown[]) => {
      const entry = first as { msg?: unknown; err?: unknown } | null
      if (entry && /cannot begin transaction/.test(String(entry.msg)) && isBusyError(entry.err))
        return logger.debug(first, ...rest)
      return error(first, ...rest)
    },
  })
}

/**
 * Connecting: the schema push may wait for another process's write (STARTUP_BUSY_MS), Payload's busy
 * `BEGIN` lines go to debug, and statements and transactions then run on the pool of connections.
 */
function guardConnect(methods: Record<string, Method>): void {
  const connect = methods.connect
  methods.connect = async function (this: Adapter, ...args) {
    const adapter = this as Adapter & { busyTimeout?: number }
    adapter.busyTimeout = STARTUP_BUSY_MS
    if (this.client) await this.client.execute(`PRAGMA busy_timeout = ${STARTUP_BUSY_MS}`)
    let out: unknown
    try {
      out = await connect.apply(this, args)
    } finally {
      adapter.busyTimeout = CONNECTION_BUSY_MS
      await this.client?.execute(`PRAGMA busy_timeout = ${CONNECTION_BUSY_MS}`)
    }
    quietBusyBegins((this as unknown as { payload: { logger: Logger } }).payload.logger)
    const client = this.client
    if (client && !('briefingGuarded' in client)) {
      const { clientConfig, wal } = adapter as unknown as { clientConfig: Config; wal?: { synchronous?: string } }
      const pool = connectionPool(clientConfig, async (own) => {
        await own.execute(`PRAGMA busy_timeout = ${CONNECTION_BUSY_MS}`)
        if (wal?.synchronous) await own.execute(`PRAGMA synchronous = ${wal.synchronous}`)
      })
      Object.assign(client, { briefingGuarded: true, execute: pool.execute, transaction: pool.transaction })
    }
    return out
  }
}

function guard(db: Adapter): void {
  const lock = new WriteLock()
  const held = new Map<number | string, () => void>()
  const inTransaction = (args: unknown[]) => Boolean((args[0] as WithReq | undefined)?.req?.transactionID)
  const methods = db as unknown as Record<string, Method>

  guardConnect(methods)

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
