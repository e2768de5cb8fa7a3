import type { FieldHook } from 'payload'

import { hasStaffRole } from '../../src/access'
import { asSystem } from '../../src/lib/system'

/**
 * Virtual `itemCount` for the admin's issue list: how many items the issue holds, drafts included.
 * Computed for signed-in staff only, so public reads and internal reads (the web view-model, search,
 * the newsletter) never pay a count query per issue.
 */
export const countItems: FieldHook = async ({ data, req }) => {
  if (data?.id === undefined || !hasStaffRole(req.user)) return undefined
  // Staff count latest drafts (an autosaved item may carry its issue only in a draft version).
  const { totalDocs } = await req.payload.find({
    collection: 'items',
    where: { issue: { equals: data.id } },
    draft: true,
    limit: 1,
    depth: 0,
    select: {},
    req,
    ...asSystem('derived'),
  })
  return totalDocs
}
