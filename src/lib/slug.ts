import type { CollectionSlug, Field, FieldHook } from 'payload'
import { asSystem } from './system'

/** URL slug from a name: "People's Daily" → "peoples-daily"; keeps CJK characters. */
export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9\u3400-\u9fff]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    // Trimmed after the cut, which may end on a hyphen ("…-of-").
    .replace(/-+$/, '')

/** Fill `slug` from another field when empty; a taken slug gets "-2", "-3"… so saving never clashes. */
const uniqueSlugFrom =
  (source: string): FieldHook =>
  async ({ value, siblingData, req, collection, originalDoc }) => {
    const raw = typeof value === 'string' && value.trim() ? value : siblingData?.[source]
    if (typeof raw !== 'string' || !raw.trim()) return value
    const base = slugify(raw) || 'untitled'
    if (!collection) return base
    for (let n = 1; n < 50; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const taken = await req.payload.find({
        collection: collection.slug as CollectionSlug,
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
          ],
        },
        limit: 1,
        depth: 0,
        req,
        ...asSystem('derived'),
      })
      if (taken.docs.length === 0) return candidate
    }
    return `${base}-${Date.now()}`
  }

/** The `slug` field of a reference collection, filled from `source` (e.g. the name). */
export const slugField = (source: string): Field => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  admin: { position: 'sidebar', description: `Filled from the ${source} when left empty.` },
  hooks: { beforeValidate: [uniqueSlugFrom(source)] },
})
