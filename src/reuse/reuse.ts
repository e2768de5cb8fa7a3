import { APIError, type CollectionSlug, type PayloadRequest } from 'payload'

import { hasEditorRole, hasStaffRole } from '../access'
import { parseId } from '../lib/db'
import { relationKey, relationKeys } from '../search/text'
import { asSystem } from '../lib/system'

export type ReuseInput = { issue?: unknown; section?: unknown }

/** The document `value` names, or a 404 saying that it does not exist (also for ids this database can't have). */
export async function mustFind<S extends 'items' | 'issues' | 'sections' | 'translations'>(
  req: PayloadRequest,
  collection: S,
  value: unknown,
  label: string,
) {
  const id = parseId(req.payload, value)
  const doc =
    id === undefined
      ? null
      : await req.payload.findByID({
          collection: collection as CollectionSlug,
          id,
          depth: 0,
          req,
          ...asSystem('operator'),
          disableErrors: true,
        })
  if (!doc) throw new APIError(`${label} ${String(relationKey(value)).slice(0, 64)} does not exist.`, 404, null, true)
  return doc as unknown as Record<string, unknown> & { id: number }
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
  if (relationKey(originalId) === undefined) throw new APIError('Which item? The item id is missing.', 400, null, true)
  if (relationKey(input.issue) === undefined)
    throw new APIError('Choose the issue to reuse this item in ({ "issue": <id> }).', 400, null, true)
  const original = await mustFind(req, 'items', originalId, 'Item')
  const { issue, section } = await reuseTarget(req, input, original.section)
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
      sources: relationIds(req, original.sources),
      terms: relationIds(req, original.terms),
      reusedFrom: original.id,
      _status: 'draft',
    },
  })
}

/** Ids of a relation list as this database types them. */
export const relationIds = (req: PayloadRequest, list: unknown): number[] =>
  relationKeys(list)
    .map((key) => parseId(req.payload, key))
    .filter((id) => id !== undefined) as number[]

/**
 * The issue and section a reuse writes into: the issue must exist (contributors: a draft one), the
 * section is the one asked for, else `defaultSection`.
 */
export async function reuseTarget(req: PayloadRequest, input: ReuseInput, defaultSection?: unknown) {
  const issue = await mustFind(req, 'issues', input.issue, 'Issue')
  if (issue._status === 'published' && !hasEditorRole(req.user)) {
    throw new APIError(
      `${issue.label ?? 'This issue'} is published: contributors may reuse items into draft issues only.`,
      403,
      null,
      true,
    )
  }
  const noSection = input.section === undefined || input.section === null || input.section === ''
  const section = await mustFind(req, 'sections', noSection ? defaultSection : input.section, 'Section')
  return { issue, section }
}
