import { createClient, type Client, type Config, type InStatement, type ResultSet } from '@libsql/client'

/**
 * The SQLite connections of a process: a few kept open and reused, for reads and for transactions.
 *
 * libsql's `client.transaction()` hands the client's connection to the transaction and opens a new one
 * for the client's next use. Nothing closes the handed one: drizzle commits or rolls back, and libsql's
 * `close()` does not release the files either (only the garbage collector does). Each transaction left
 * three open files (database, WAL, shared memory) until the next full collection: 300 saves left 1,200,
 * and under steady writes a process reached its limit and could open nothing more ("Unable to open
 * connection to local database … 14").
 *
 * Here each statement and each transaction takes an idle connection of the pool (a libsql client used
 * one statement or one transaction at a time, which therefore never hands its connection over) and
 * gives it back. SQLite calls are synchronous, so the pool grows to the transactions open at once plus
 * one (writes are queued one at a time, see sqlite.ts).
 *
 * A connection on which a statement failed is not reused. libsql (0.4) resets a statement before it
 * runs, not after it fails: a `BEGIN IMMEDIATE` that failed with SQLITE_BUSY while another process
 * wrote stays in progress, holding a read snapshot from that moment, until the garbage collector
 * finalizes it (tursodatabase/libsql-client-ts#352). Every read on that connection then returns the old
 * data and every write fails with SQLITE_BUSY_SNAPSHOT — once, another process's import of 200 items
 * left the server listing 35 of them and answering "busy" to every save; reusing such a connection,
 * it listed none. The failed connection is closed when its statements are collected.
 */

/** What drizzle uses of a libsql transaction. */
export type PooledTransaction = {
  execute(stmt: InStatement): Promise<ResultSet>
  commit(): Promise<void>
  rollback(): Promise<void>
  close(): void
  readonly closed: boolean
}

const BEGIN: Record<string, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
}

export type ConnectionPool = {
  execute(stmt: InStatement): Promise<ResultSet>
  transaction(mode?: string): Promise<PooledTransaction>
}

/** A pool of connections to `config`'s database, each set up by `setUp` (pragmas) when opened. */
export function connectionPool(config: Config, setUp: (client: Client) => Promise<void>): ConnectionPool {
  const idle: Client[] = []
  const take = async () => {
    const pooled = idle.pop()
    if (pooled) return pooled
    const client = createClient(config)
    await setUp(client)
    return client
  }
  const giveBack = (client: Client) => void idle.push(client)
  /** A connection whose statement failed: never reused (see above). */
  const discard = (client: Client) => {
    try {
      client.close()
    } catch {
      // Its statements still hold it: the garbage collector closes it with them.
    }
  }

  const transaction = async (mode = 'write'): Promise<PooledTransaction> => {
    const client = await take()
    try {
      await client.execute(BEGIN[mode] ?? BEGIN.write)
    } catch (err) {
      discard(client)
      throw err
    }
    let ended = false
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      try {
        await client.execute(sql)
      } catch (err) {
        // A COMMIT that failed leaves the transaction open: the caller rolls back next.
        if (sql === 'COMMIT') throw err
        ended = true
        discard(client)
        throw err
      }
      ended = true
      giveBack(client)
    }
    return {
      execute: async (stmt: InStatement) => {
        if (ended) throw new Error('The transaction has ended')
        return client.execute(stmt)
      },
      commit: () => end('COMMIT'),
      rollback: async () => {
        if (!ended) await end('ROLLBACK')
      },
      close: () => {
        if (!ended) void end('ROLLBACK').catch(() => undefined)
      },
      get closed() {
        return ended
      },
    }
  }

  const execute = async (stmt: InStatement): Promise<ResultSet> => {
    const client = await take()
    try {
      const result = await client.execute(stmt)
      giveBack(client)
      return result
    } catch (err) {
      discard(client)
      throw err
    }
  }

  return { execute, transaction }
}
