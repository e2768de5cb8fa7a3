import type { Payload, PayloadRequest } from 'payload'

import { beginTransaction } from '../../lib/db'

export type TxReq = Partial<PayloadRequest> & { transactionID?: number | string }

/**
 * Run `fn` inside one database transaction: every Local API call inside gets `req` (carrying the
 * transactionID); any error rolls everything back, so an import is all or nothing on every adapter.
 */
export async function inTransaction<T>(
  payload: Payload,
  fn: (req: TxReq) => Promise<T>,
  user?: PayloadRequest['user'],
): Promise<T> {
  const id = await beginTransaction(payload)
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
