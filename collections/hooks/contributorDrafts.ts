import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { hasEditorRole, hasStaffRole } from '../../src/access'
import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'

/**
 * A contributor's save is always a draft for review: on a published document it becomes a newer
 * draft version while the published version stays live (so a contributor can neither change nor
 * unpublish live content). Publishing stays refused by the update access. Restoring an old version
 * of a published document over the live one is refused too (restoring it as a draft is fine).
 */
export const contributorSavesDraft: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (hasEditorRole(req.user) || !hasStaffRole(req.user)) return args
  if (operation === 'update') return { ...args, draft: true }
  if (operation !== 'restoreVersion' || args.draft) return args
  const version = await req.payload.findVersions({
    collection: collection.slug as 'items',
    where: { id: { equals: args.id } },
    depth: 0,
    limit: 1,
    req,
    ...asSystem('derived'),
  })
  const parent = relationId(version.docs[0]?.parent)
  if (parent === undefined) return args
  const live = await req.payload.count({
    collection: collection.slug as 'items',
    where: { and: [{ id: { equals: parent } }, { _status: { equals: 'published' } }] },
    req,
    ...asSystem('derived'),
  })
  if (live.totalDocs > 0)
    throw new APIError(
      'Only editors change published content: restore this version as a draft (?draft=true) for review.',
      403,
      null,
      true,
    )
  return args
}
