import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { keyAfter } from '../../src/content/order'
import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'

/** The order keys of an issue's items (latest versions, drafts included). */
export async function issueOrderKeys(req: PayloadRequest, issue: number | string): Promise<string[]> {
  const res = await req.payload.find({
    collection: 'items',
    where: { issue: { equals: issue } },
    draft: true,
    depth: 0,
    pagination: false,
    select: { orderKey: true },
    req,
    ...asSystem('derived'),
  })
  return res.docs.map((d) => d.orderKey).filter((k): k is string => Boolean(k))
}

/**
 * A new item, or one moved to another issue, goes to the end of its issue: an order key after every
 * other (items sort by key within their section; see src/content/order.ts). A key given is kept.
 */
export const assignOrderKey: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data.orderKey) return data
  const issue = relationId(data.issue !== undefined ? data.issue : originalDoc?.issue)
  if (issue === undefined) return data
  const sameIssue = originalDoc && String(relationId(originalDoc.issue)) === String(issue)
  if (sameIssue && originalDoc.orderKey) return data
  data.orderKey = keyAfter(await issueOrderKeys(req, issue))
  return data
}

/** A save that moves a published item (not as a draft) to another section: it must stay complete there. */
export const publishedMove = (data: Record<string, unknown>, originalDoc?: Record<string, unknown>): boolean =>
  originalDoc?._status === 'published' &&
  data._status !== 'draft' &&
  data.section !== undefined &&
  String(relationId(data.section)) !== String(relationId(originalDoc.section))
