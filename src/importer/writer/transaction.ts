import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

export type TxReq = Partial<PayloadRequest> & { transactionID?: number | string }

/**
 * Run `fn` inside one database transaction: every Local API call inside gets `req` (carrying the
 * transactionID); any error rolls everything back. Both adapters run with adapter-wide transactions
 * (SQLite and MongoDB `transactionOptions`), so Payload's own transaction helpers do the work.
 */
export async function inTransaction<T>(
  payload: Payload,
  fn: (req: TxReq) => Promise<T>,
  user?: PayloadRequest['user'],
): Promise<T> {
  const req = { payload, ...(user ? { user } : {}) } as PayloadRequest
  await initTransaction(req)
  try {
    const result = await fn(req as TxReq)
    await commitTransaction(req)
    return result
  } catch (err) {
    // A failed Local API call may already have rolled the transaction back and cleared the id.
    await killTransaction(req)
    throw err
  }
}
