import type { Payload } from 'payload'

import { ImportError, type ImportedArticle, type ImportedItem, type ImportedListing } from '../types'
import { rel, resolveSources, resolveTerms } from './lookups'
import { itemData, type WriteOptions, type WriteSummary } from './report'
import { inTransaction, type TxReq } from './transaction'
import { asSystem } from '../../lib/system'

export type Placement = { issue: string; section: string }

type Place = { issueId: number | string; sectionId: number | string }

/** The issue (slug) and section (slug or name) to write into; the section joins the issue if new to it. */
async function findPlace(payload: Payload, req: TxReq, place: Placement): Promise<Place> {
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
  return { issueId: issue.id, sectionId: section.id }
}

/** Write one article item; the same article again (same headline or URL in that issue) is updated. */
async function writeItem(payload: Payload, req: TxReq, at: Place, item: ImportedItem, options: WriteOptions) {
  const sources = await resolveSources(payload, req, item.sources)
  const terms = await resolveTerms(payload, req, item.terms)
  const same = await payload.find({
    collection: 'items',
    where: {
      and: [
        { issue: { equals: at.issueId } },
        {
          or: [
            { headline: { equals: item.headline } },
            ...(item.articleUrl ? [{ articleUrl: { equals: item.articleUrl } }] : []),
          ],
        },
      ],
    },
    draft: true,
    limit: 1,
    depth: 0,
    req,
    ...asSystem('import'),
  })
  const data = {
    ...itemData(item),
    issue: rel(at.issueId),
    section: rel(at.sectionId),
    sources: item.sources.map((s) => rel(sources.id(s))),
    terms: item.terms.map((t) => rel(terms.id(t.original))),
    _status: options.publish ? ('published' as const) : ('draft' as const),
  }
  const previous = same.docs[0]
  const write = { data, draft: !options.publish, req, ...asSystem('import'), depth: 0 }
  if (previous) await payload.update({ collection: 'items', id: previous.id, ...write })
  else await payload.create({ collection: 'items', ...write })
  return { replaced: Boolean(previous), newTerms: terms.created, newSources: sources.created }
}

/**
 * Write translated articles (one, or every post of a listing) as items of an existing issue and
 * section, all in one transaction.
 */
export async function writeArticle(
  payload: Payload,
  recognised: ImportedArticle | ImportedListing,
  place: Placement,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const items = recognised.kind === 'listing' ? recognised.posts.map((p) => p.item) : [recognised.item]
  return inTransaction(
    payload,
    async (req) => {
      const at = await findPlace(payload, req, place)
      const written = []
      for (const item of items) written.push(await writeItem(payload, req, at, item, options))
      return {
        issue: place.issue,
        issueId: at.issueId,
        status: options.publish ? 'published' : 'draft',
        replaced: written.some((w) => w.replaced),
        sections: 1,
        items: items.length,
        terms: new Set(items.flatMap((i) => i.terms.map((t) => t.original))).size,
        newTerms: written.reduce((n, w) => n + w.newTerms, 0),
        sources: new Set(items.flatMap((i) => i.sources)).size,
        newSources: written.reduce((n, w) => n + w.newSources, 0),
        newSections: 0,
        warnings: recognised.warnings,
      }
    },
    options.user,
  )
}
