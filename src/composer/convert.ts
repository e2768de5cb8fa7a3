import type { Payload, PayloadRequest } from 'payload'

import { compareItems, keysForOrder } from '../content/order'
import type { Id } from '../content/load'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'
import { writePlacement } from './write'

type Legacy = { id: Id; issue?: unknown; orderKey?: string | null; position?: number | null; date?: string | null }

/** The order `position` numbers gave: lowest first (missing last), then event date, then id. */
const byPosition = (a: Legacy, b: Legacy): number =>
  (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
  compareItems({ ...a, orderKey: null }, { ...b, orderKey: null })

/**
 * The data conversion from typed `position` numbers to order keys, for the migration that introduces
 * `orderKey`: every issue's items without a key get keys in the order their positions gave (within a
 * section that is the order readers saw; items that already have keys keep them, the new ones follow).
 * Runs in the caller's transaction when `req` carries one. Returns how many items it wrote; running it
 * again writes none.
 */
export async function convertPositionsToOrderKeys(payload: Payload, req?: Partial<PayloadRequest>): Promise<number> {
  const r = { ...req, payload } as PayloadRequest
  const all = await payload.find({
    collection: 'items',
    draft: true,
    depth: 0,
    pagination: false,
    select: { issue: true, orderKey: true, position: true, date: true },
    req: r,
    ...asSystem('derived'),
  })
  const byIssue = new Map<string, Legacy[]>()
  for (const doc of all.docs as Legacy[]) {
    const issue = relationId(doc.issue)
    if (issue === undefined) continue
    byIssue.set(String(issue), [...(byIssue.get(String(issue)) ?? []), doc])
  }
  let written = 0
  for (const items of byIssue.values()) {
    const missing = items.filter((i) => !i.orderKey).sort(byPosition)
    if (!missing.length) continue
    const keyed = items.filter((i) => i.orderKey).sort(compareItems)
    const order = [...keyed, ...missing]
    const keys = keysForOrder(order.map((i) => i.orderKey))
    for (const [n, item] of order.entries()) {
      if (keys[n] === item.orderKey) continue
      await writePlacement(r, item.id, { orderKey: keys[n] })
      written++
    }
  }
  return written
}
