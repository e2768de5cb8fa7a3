import type { DataFromCollectionSlug, Payload, RequiredDataFromCollectionSlug, Where } from 'payload'

import { ImportError } from '../types'
import type { TxReq } from './transaction'
import { asSystem } from '../../lib/system'

/** Where single articles and platform posts go: an existing issue (slug) and section (slug or name). */
export type Placement = { issue: string; section: string }

/** Find the issue and section named (errors list the known sections), and list the section in the issue. */
export async function placeIn(payload: Payload, req: TxReq, place: Placement) {
  const found = await payload.find({
    collection: 'issues',
    where: { slug: { equals: place.issue } },
    draft: true,
    limit: 1,
    depth: 0,
    req,
    ...asSystem('import'),
  })
  const issue = found.docs[0]
  if (!issue) throw new ImportError(`there is no issue "${place.issue}" (use its slug, e.g. 3-9)`)
  const wanted = place.section.toLowerCase()
  const all = await payload.find({ collection: 'sections', pagination: false, depth: 0, req, ...asSystem('import') })
  const section = all.docs.find((s) => s.slug === wanted || s.name.toLowerCase() === wanted)
  if (!section)
    throw new ImportError(`there is no section "${place.section}" (known: ${all.docs.map((s) => s.slug).join(', ')})`)
  const rows = (issue.sections ?? []).map((r) => ({
    section: typeof r.section === 'object' ? r.section.id : r.section,
  }))
  if (!rows.some((r) => String(r.section) === String(section.id))) {
    rows.push({ section: section.id })
    await payload.update({
      collection: 'issues',
      id: issue.id,
      data: { sections: rows },
      draft: issue._status !== 'published',
      req,
      ...asSystem('import'),
      depth: 0,
    })
  }
  return { issue, section }
}

type Upserted = 'items' | 'translations' | 'issues'

/**
 * Create the document, or update the one `where` finds (the same article, post or special issue
 * imported again); a draft unless publishing. Returns it and whether an existing one was updated.
 */
export async function upsertDoc<C extends Upserted>(
  payload: Payload,
  req: TxReq,
  collection: C,
  where: Where,
  data: RequiredDataFromCollectionSlug<C>,
  publish?: boolean,
): Promise<{ doc: DataFromCollectionSlug<C>; replaced: boolean }> {
  const same = await payload.find({ collection, where, draft: true, limit: 1, depth: 0, req, ...asSystem('import') })
  const previous = same.docs[0]
  const common = { collection, data, draft: !publish, req, ...asSystem('import'), depth: 0 }
  // One generic call for three collections: Payload's overloads cannot follow `C` through a union.
  const doc = previous
    ? await payload.update({ ...common, id: previous.id } as never)
    : await payload.create(common as never)
  return { doc: doc as DataFromCollectionSlug<C>, replaced: Boolean(previous) }
}

/** The item variant of upsertDoc: true when an item was updated. */
export const upsertItem = async (
  payload: Payload,
  req: TxReq,
  where: Where,
  data: RequiredDataFromCollectionSlug<'items'>,
  publish?: boolean,
): Promise<boolean> => (await upsertDoc(payload, req, 'items', where, data, publish)).replaced
