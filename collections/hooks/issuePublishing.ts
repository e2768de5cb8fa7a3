import {
  APIError,
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeValidateHook,
} from 'payload'

import { relationId } from '../../src/lib/relations'
import { describeItem, missingContent, sectionStyleOf } from './itemCompleteness'
import { asSystem } from '../../src/lib/system'

type Highlight = { section?: unknown; item?: unknown }
type SectionRow = { section?: unknown }

/** A highlight may only point at a section that is part of this issue. */
export const highlightTargets: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  const sections = ((data.sections ?? originalDoc?.sections ?? []) as SectionRow[]).map((row) =>
    String(relationId(row.section)),
  )
  const highlights = (data.highlights ?? []) as Highlight[]
  const errors = highlights.flatMap((h, i) => {
    const target = relationId(h.section)
    if (target === undefined || sections.includes(String(target))) return []
    return [
      { path: `highlights.${i}.section`, message: `Highlight ${i + 1} links to a section that is not in this issue.` },
    ]
  })
  if (errors.length) throw new ValidationError({ collection: 'issues', errors })
  return data
}

/** New issues start with every section, in default order. */
export const defaultSections: CollectionBeforeValidateHook = async ({ data, req, operation }) => {
  if (!data || operation !== 'create' || (Array.isArray(data.sections) && data.sections.length)) return data
  if (data.kind === 'special') return data
  const all = await req.payload.find({
    collection: 'sections',
    sort: 'position',
    limit: 100,
    depth: 0,
    req,
    ...asSystem('derived'),
  })
  data.sections = all.docs.map((s) => ({ section: s.id }))
  return data
}

/** Publishing is refused while any item of the issue misses required content; names them. */
export const refuseIncompleteIssue: CollectionBeforeChangeHook = async ({ data, req, originalDoc, context }) => {
  if (data._status !== 'published' || originalDoc?.id === undefined || context.overridesOnly) return data
  const items = await req.payload.find({
    collection: 'items',
    where: { issue: { equals: originalDoc.id } },
    draft: true,
    depth: 0,
    limit: 1000,
    req,
    ...asSystem('derived'),
  })
  const problems: string[] = []
  for (const item of items.docs) {
    const missing = missingContent(item, await sectionStyleOf(req, item.section))
    if (missing.length) problems.push(`${describeItem(item)} (missing ${missing.join(', ')})`)
  }
  if (problems.length) {
    throw new APIError(
      `Cannot publish this issue: ${problems.length} item(s) incomplete: ${problems.join('; ')}.`,
      400,
      null,
      true,
    )
  }
  if (!data.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}

/**
 * When an issue is published, its draft items are published with it (same transaction). Items are
 * looked up by their latest draft: an item created by autosave only carries its issue in drafts.
 */
export const publishItemsWithIssue: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  // A save that only records a preflight override (src/preflight/gate.ts) or only changes the order
  // (the composer's arrangement) publishes nothing else with the issue.
  if (doc._status !== 'published' || context?.overridesOnly || context?.arrangementOnly) return doc
  const latest = await req.payload.find({
    collection: 'items',
    where: { issue: { equals: doc.id } },
    draft: true,
    depth: 0,
    limit: 1000,
    req,
    ...asSystem('derived'),
  })
  for (const item of latest.docs) {
    if (item._status === 'published') continue
    await req.payload.update({
      collection: 'items',
      id: item.id,
      data: { _status: 'published' },
      req,
      ...asSystem('derived'),
    })
  }
  return doc
}
