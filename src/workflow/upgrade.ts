import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../content/load'
import { asSystem } from '../lib/system'

type Row = { id: Id; status?: string | null; _status?: string | null }

/**
 * The data upgrade for the migration that introduces the item workflow: an item published before
 * statuses existed was approved by being published, so it becomes `approved` (otherwise every issue
 * already on the web would be blocked by the publish/send gate). Drafts keep `unassigned`, and so does a
 * published item with a newer unpublished draft (its new text still needs an editor's approval). Runs in
 * the caller's transaction when `req` carries one; returns how many items it approved; running it again
 * approves none.
 */
export async function approvePublishedItems(payload: Payload, req?: Partial<PayloadRequest>): Promise<number> {
  const r = { ...req, payload } as PayloadRequest
  const live = await payload.find({
    collection: 'items',
    depth: 0,
    pagination: false,
    where: { and: [{ _status: { equals: 'published' } }, { status: { not_equals: 'approved' } }] },
    select: { status: true },
    req: r,
    ...asSystem('derived'),
  })
  const ids = (live.docs as Row[]).map((d) => d.id)
  if (!ids.length) return 0
  // The latest version of each (one read): a newer unpublished draft keeps its item unapproved.
  const latest = await payload.find({
    collection: 'items',
    draft: true,
    depth: 0,
    pagination: false,
    where: { id: { in: ids } },
    select: { _status: true },
    req: r,
    ...asSystem('derived'),
  })
  const settled = (latest.docs as Row[]).filter((d) => d._status === 'published')
  for (const item of settled)
    await payload.update({
      collection: 'items',
      id: item.id,
      data: { status: 'approved' },
      depth: 0,
      req: r,
      context: { skipNotifications: true },
      ...asSystem('derived'),
    })
  return settled.length
}
