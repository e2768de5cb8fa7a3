import type { CollectionBeforeOperationHook } from 'payload'

import { hasEditorRole, hasStaffRole } from '../../src/access'

/**
 * A contributor's save is always a draft for review: on a published document it becomes a newer
 * draft version while the published version stays live (so a contributor can neither change nor
 * unpublish live content). Publishing stays refused by the update access.
 */
export const contributorSavesDraft: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' || hasEditorRole(req.user) || !hasStaffRole(req.user)) return args
  return { ...args, draft: true }
}
