import { idFromKey } from '../lib/relations'
import { APIError, type PayloadRequest } from 'payload'

import { hasEditorRole, hasStaffRole } from '../access'
import { relationKey, relationKeys } from '../search/text'

export type ReuseInput = { issue?: unknown; section?: unknown }

const asId = (value: unknown): number | string | undefined => {
  const key = relationKey(value)
  if (key === undefined || key.length > 64) return undefined
  return idFromKey(key)
}

/** The fields a reuse copies from the original item. */
const COPIED = ['headline', 'body', 'originalTitle', 'excerpt', 'articleUrl', 'tags', 'credit'] as const

/**
 * "Reuse in issue…": a new draft item in the chosen issue (and section, by default the original's)
 * with the body, sources and terms copied and `reusedFrom` pointing back. Staff only; contributors
 * only into draft issues. The date is left for the editor to set (the new event's date).
 */
export async function reuseItem(req: PayloadRequest, originalId: unknown, input: ReuseInput) {
  const { payload, user } = req
  if (!hasStaffRole(user)) throw new APIError('Sign in to reuse items.', 401, null, true)
  const id = asId(originalId)
  const issueId = asId(input.issue)
  if (id === undefined) throw new APIError('Which item? The item id is missing.', 400, null, true)
  if (issueId === undefined)
    throw new APIError('Choose the issue to reuse this item in ({ "issue": <id> }).', 400, null, true)
  const original = await payload.findByID({
    collection: 'items',
    id,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!original) throw new APIError(`Item ${String(id)} does not exist.`, 404, null, true)
  const issue = await payload.findByID({
    collection: 'issues',
    id: issueId,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!issue) throw new APIError(`Issue ${String(issueId)} does not exist.`, 404, null, true)
  if (issue._status === 'published' && !hasEditorRole(user)) {
    throw new APIError(
      `${issue.label ?? 'This issue'} is published: contributors may reuse items into draft issues only.`,
      403,
      null,
      true,
    )
  }
  const sectionId =
    input.section === undefined || input.section === null || input.section === ''
      ? relationKey(original.section)
      : asId(input.section)
  if (sectionId === undefined) throw new APIError('The section is not a valid id.', 400, null, true)
  const section = await payload.findByID({
    collection: 'sections',
    id: sectionId,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!section) throw new APIError(`Section ${String(sectionId)} does not exist.`, 404, null, true)

  const data: Record<string, unknown> = {}
  for (const field of COPIED)
    if (original[field] !== undefined && original[field] !== null) data[field] = original[field]
  return payload.create({
    collection: 'items',
    draft: true,
    req,
    user,
    overrideAccess: false,
    data: {
      ...data,
      issue: issue.id,
      section: section.id,
      sources: relationKeys(original.sources).map(asId) as number[],
      terms: relationKeys(original.terms).map(asId) as number[],
      reusedFrom: original.id,
      _status: 'draft',
    },
  })
}
