import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Field, PayloadRequest } from 'payload'

import { isEditorField } from '../../src/access'
import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'

/**
 * Sections and glossary terms are public (anonymous REST, web pages, sitemap, search) once published
 * content uses them or an editor makes them so: a draft import must not reveal what it created.
 * The flag only ever turns on; the read access of both collections is based on it.
 */
export const publicField: Field = {
  name: 'public',
  type: 'checkbox',
  defaultValue: false,
  index: true,
  access: { create: isEditorField, update: isEditorField },
  admin: {
    position: 'sidebar',
    description: 'Shown on the public site. Set automatically once published content uses it.',
  },
}

type Ref = { section?: unknown; terms?: unknown; highlights?: unknown }

/** Mark the sections and terms used by these documents public (those not yet public only). */
async function markPublic(req: PayloadRequest, docs: Ref[]): Promise<void> {
  const sections = new Set<number | string>()
  const terms = new Set<number | string>()
  const add = (set: Set<number | string>, value: unknown) => {
    const id = relationId(value)
    if (id !== undefined) set.add(id)
  }
  for (const d of docs) {
    add(sections, d.section)
    for (const term of Array.isArray(d.terms) ? d.terms : []) add(terms, term)
    for (const h of (d.highlights ?? []) as Array<{ section?: unknown }>) add(sections, h.section)
  }
  for (const [collection, ids] of [
    ['sections', sections],
    ['glossary-terms', terms],
  ] as const) {
    if (!ids.size) continue
    await req.payload.update({
      collection,
      where: { and: [{ id: { in: [...ids] } }, { public: { not_equals: true } }] },
      data: { public: true },
      depth: 0,
      req,
      ...asSystem('derived'),
    })
  }
}

const issueIsPublished = async (req: PayloadRequest, issue: unknown): Promise<boolean> => {
  const id = relationId(issue)
  if (id === undefined) return false
  const found = await req.payload.find({
    collection: 'issues',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    req,
    ...asSystem('derived'),
    select: {},
  })
  return found.totalDocs > 0
}

/** An item published in a published issue makes its section and terms public. */
export const itemMakesReferencesPublic: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status === 'published' && (await issueIsPublished(req, doc.issue))) await markPublic(req, [doc])
  return doc
}

/** Publishing an issue makes the sections and terms of its published items (and highlights, and a special issue's terms) public. */
export const issueMakesReferencesPublic: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  const items = await req.payload.find({
    collection: 'items',
    where: { and: [{ issue: { equals: doc.id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    req,
    ...asSystem('derived'),
    select: { section: true, terms: true },
  })
  // A special issue's own terms (its entries' glossed and marked terms) with it.
  await markPublic(req, [...items.docs, { highlights: doc.highlights, terms: doc.terms }])
  return doc
}

/** A published translation makes its terms public. */
export const translationMakesReferencesPublic: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status === 'published') await markPublic(req, [{ terms: doc.terms }])
  return doc
}

/** A term an editor marks reviewed is public. */
export const reviewedTermIsPublic: CollectionBeforeChangeHook = ({ data }) => {
  if (data.status === 'reviewed') data.public = true
  return data
}
