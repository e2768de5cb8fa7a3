import type { PayloadRequest } from 'payload'

import type { Id } from '../content/load'
import { asSystem } from '../lib/system'

/** Where an item sits: its section and its order key. */
export type Placement = { section?: Id; orderKey: string }

/**
 * Write an item's place (one write per item) without touching its content or status. A draft item is
 * saved as it is (a draft). A published item is saved published; if it has a newer pending draft, the
 * live row gets the new place directly and the draft a new version, so that a move never publishes
 * someone's unreviewed draft.
 */
export async function writePlacement(req: PayloadRequest, id: Id, place: Placement): Promise<void> {
  const { payload } = req
  // Ids are opaque (numbers or strings, src/lib/db.ts); the generated types know only numbers.
  const data = (place.section === undefined ? { orderKey: place.orderKey } : place) as {
    orderKey: string
    section?: number
  }
  const live = await payload.db.findOne<{ id: Id; _status?: string }>({
    collection: 'items',
    where: { id: { equals: id } },
    req,
  })
  const latest = await payload.findByID({ collection: 'items', id, draft: true, depth: 0, req, ...asSystem('derived') })
  if (live?._status === 'published' && latest._status === 'draft') {
    await payload.db.updateOne({ collection: 'items', id, data, req })
    await payload.update({ collection: 'items', id, data, draft: true, depth: 0, req, ...asSystem('derived') })
    return
  }
  await payload.update({ collection: 'items', id, data, depth: 0, req, ...asSystem('derived') })
}
