import type { Payload, PayloadRequest } from 'payload'

type TxId = number | string
type Ender = (id: TxId | Promise<TxId>) => Promise<unknown>

/**
 * Side effects outside the database (the in-memory search index) that must follow only committed
 * data: inside a transaction they wait for its commit and are dropped on rollback, so a refused
 * publish leaves nothing behind. Without a transaction they run at once.
 */
const pending = new Map<TxId, Array<() => void>>()

export function afterCommit(req: Partial<PayloadRequest> | undefined, fn: () => void): void {
  const id = req?.transactionID
  if (id === undefined || id === null || id instanceof Promise || !installedOn.has(req?.payload?.db ?? {})) {
    fn()
    return
  }
  const list = pending.get(id) ?? []
  list.push(fn)
  pending.set(id, list)
}

const installedOn = new WeakSet<object>()

/** Hook the adapter's commit and rollback (once per adapter instance). */
export function installAfterCommit(payload: Payload): void {
  const db = payload.db as unknown as { commitTransaction: Ender; rollbackTransaction: Ender }
  if (installedOn.has(db)) return
  installedOn.add(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (incoming) => {
    const id = await incoming
    const out = await commit(id)
    const fns = pending.get(id) ?? []
    pending.delete(id)
    for (const fn of fns) fn()
    return out
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    pending.delete(id)
    return rollback(id)
  }
}
