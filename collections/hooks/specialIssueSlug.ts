import type { PayloadRequest } from 'payload'

import { slugify } from '../../src/lib/slug'
import { asSystem } from '../../src/lib/system'

/**
 * A special issue has no volume|number and no weekly period: its slug comes from the subtitle (or
 * the title), made unique with "-2", "-3"…; it lives at /special/<slug>.
 */
export async function specialIssueSlug({
  data,
  req,
  originalDoc,
  merged,
}: {
  data: Record<string, unknown>
  req: PayloadRequest
  originalDoc?: Record<string, unknown>
  merged: Record<string, unknown>
}): Promise<Record<string, unknown>> {
  data.volume = null
  data.number = null
  if (typeof originalDoc?.slug === 'string' && originalDoc.kind === 'special') return data
  const from = String(merged.subtitle || merged.title || 'special-issue')
  const base = slugify(from) || 'special-issue'
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const taken = await req.payload.count({
      collection: 'issues',
      where: {
        and: [
          { slug: { equals: candidate } },
          ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      req,
      ...asSystem('derived'),
    })
    if (!taken.totalDocs) {
      data.slug = candidate
      return data
    }
  }
  data.slug = `${base}-${Date.now()}`
  return data
}
