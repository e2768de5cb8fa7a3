import type { FieldHook } from 'payload'

import { hasStaffRole } from '../../src/access'

/** Virtual `itemCount`: how many items the issue holds (drafts counted for staff only). */
export const countItems: FieldHook = async ({ data, req }) => {
  if (data?.id === undefined) return undefined
  const staff = hasStaffRole(req.user)
  // Staff count latest drafts (an autosaved item may carry its issue only in a draft version).
  const { totalDocs } = await req.payload.find({
    collection: 'items',
    where: staff
      ? { issue: { equals: data.id } }
      : { and: [{ issue: { equals: data.id } }, { _status: { equals: 'published' } }] },
    draft: staff,
    limit: 1,
    depth: 0,
    select: {},
    req,
    overrideAccess: true,
  })
  return totalDocs
}
