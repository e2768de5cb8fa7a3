import type { Payload, PayloadRequest } from 'payload'

export type TxReq = Partial<PayloadRequest> & { transactionID?: number | string }

/**
 * Run `fn` inside one database transaction: every Local API call inside gets `req` (carrying the
 * transactionID); any error rolls everything back. SQLite configured without `transactionOptions`
 * answers `beginTransaction()` with null; the drizzle transaction is then started directly, so that
 * an import is all or nothing on every adapter.
 */
export async function inTransaction<T>(
  payload: Payload,
  fn: (req: TxReq) => Promise<T>,
  user?: PayloadRequest['user'],
): Promise<T> {
  let id = await payload.db.beginTransaction()
  if (id === null && 'drizzle' in payload.db && 'sessions' in payload.db) {
    const { beginTransaction } = await import('@payloadcms/drizzle')
    id = await beginTransaction.call(payload.db as never, {} as never)
  }
  const req: TxReq = { ...(id !== null ? { transactionID: id } : {}), ...(user ? { user } : {}) }
  try {
    const result = await fn(req)
    if (req.transactionID !== undefined) await payload.db.commitTransaction(req.transactionID as string | number)
    return result
  } catch (err) {
    // A failed Local API call may already have rolled the transaction back and cleared the id.
    if (req.transactionID !== undefined)
      await payload.db.rollbackTransaction(req.transactionID as string | number).catch(() => {})
    throw err
  }
}
