import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { hasEditorRole } from '../../src/access'
import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'
import { ITEM_STATUSES, statusIndex, statusLabel, transitionRefusal } from '../../src/workflow/status'

const refuse = (message: string, status = 400): never => {
  throw new APIError(message, status, null, true)
}

/** The section's default assignee, for a new item that names none. */
async function defaultAssignee(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  section: unknown,
): Promise<number | string | undefined> {
  const id = relationId(section)
  if (id === undefined) return undefined
  const found = await req.payload
    .findByID({ collection: 'sections', id, depth: 0, req, ...asSystem('derived'), disableErrors: true })
    .catch(() => null)
  return relationId((found as { defaultAssignee?: unknown } | null)?.defaultAssignee)
}

/** Refuses a status change the workflow does not allow this user (src/workflow/status.ts). Saves by
 * the system (no user: imports, seed) keep the status they are given. */
function checkTransition(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  from: string,
  to: string,
  own: boolean,
): void {
  if (!req.user) return
  const refusal = transitionRefusal(from, to, { editor: hasEditorRole(req.user), own })
  if (refusal) refuse(refusal.message, refusal.status)
}

/**
 * Assignee and status of an item: a new item takes its section's default assignee; giving an
 * unassigned item an assignee makes it `assigned` (removing it makes an `assigned` item
 * `unassigned` again); drafting and review need an assignee (approval does not); transitions follow
 * checkTransition. Errors are 400/403 with a message, and nothing is saved.
 */
export const itemAssignment: CollectionBeforeChangeHook = async ({ req, data, operation, originalDoc }) => {
  if (operation === 'create' && relationId(data.assignee) === undefined) {
    const fallback = await defaultAssignee(req, data.section)
    if (fallback !== undefined) data.assignee = fallback
  }
  const from = String(originalDoc?.status ?? 'unassigned')
  const assignee = relationId('assignee' in data ? data.assignee : originalDoc?.assignee)
  let to = String(data.status ?? from)
  if (statusIndex(to) < 0) refuse(`Status must be one of ${ITEM_STATUSES.map((s) => s.value).join(', ')}.`)
  if (assignee !== undefined && to === 'unassigned') to = 'assigned'
  if (assignee === undefined && to === 'assigned' && from === 'assigned') to = 'unassigned'
  // Writing needs a writer; approving does not (an editor may approve an item nobody was assigned,
  // such as an imported one), and system saves keep the status they are given.
  // Checked when the status or the assignee changes: saves that touch neither (publishing with the
  // issue, autosave of the text) keep what the item has.
  const changing = to !== from || (assignee === undefined && relationId(originalDoc?.assignee) !== undefined)
  if (changing && assignee === undefined && !['unassigned', 'approved'].includes(to) && req.user)
    refuse(`Assign someone before moving the item to ${statusLabel(to)}.`)
  const me = req.user?.id
  const own =
    me !== undefined &&
    [relationId(originalDoc?.assignee), relationId(originalDoc?.createdBy), relationId(data.createdBy)].some(
      (id) => id !== undefined && String(id) === String(me),
    )
  // The automatic unassigned ⇄ assigned step follows the assignee, whoever sets it.
  const automatic = (from === 'unassigned' && to === 'assigned') || (from === 'assigned' && to === 'unassigned')
  if (!automatic) checkTransition(req, from, to, own || operation === 'create')
  data.status = to
  return data
}
