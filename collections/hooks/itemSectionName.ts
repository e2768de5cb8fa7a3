import type { FieldHook } from 'payload'

import { hasStaffRole } from '../../src/access'
import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'

const CACHE = 'sectionNames'

/** Every section's name by id, read once per request (a handful of sections, many items). */
async function sectionNames(req: Parameters<FieldHook>[0]['req']): Promise<Map<string, string>> {
  const cached = req.context[CACHE] as Promise<Map<string, string>> | undefined
  if (cached) return cached
  const loading = req.payload
    .find({
      collection: 'sections',
      depth: 0,
      limit: 0,
      pagination: false,
      select: { name: true },
      req,
      ...asSystem('derived'),
    })
    .then(({ docs }) => new Map(docs.map((s) => [String(s.id), String(s.name)])))
  req.context[CACHE] = loading
  return loading
}

/**
 * Virtual `sectionName` for the admin's tables (the item table): the item's section by name as
 * plain text. A relationship cell shows "<No Section>" until it has loaded the section itself, which it
 * does only for rows on screen. Computed for signed-in staff only; public reads never pay for it.
 */
export const itemSectionName: FieldHook = async ({ siblingData, req }) => {
  const section = siblingData?.section
  if (!hasStaffRole(req.user) || section === undefined || section === null) return undefined
  if (typeof section === 'object' && 'name' in section) return String((section as { name: unknown }).name)
  const id = relationId(section)
  return id === undefined ? undefined : (await sectionNames(req)).get(String(id))
}
