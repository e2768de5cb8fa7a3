import type { Payload, Where } from 'payload'

import type { ImportedArticle, ImportedItem, ImportedListing } from '../types'
import { rel, resolveSources, resolveTerms } from './lookups'
import { placeIn, upsertItem, type Placement } from './placement'
import { itemData, type WriteOptions, type WriteSummary } from './report'
import { inTransaction, type TxReq } from './transaction'

export type { Placement } from './placement'

type Place = { issueId: number | string; sectionId: number | string }

/** Write one article item; the same article again (same headline or URL in that issue) is updated. */
async function writeItem(payload: Payload, req: TxReq, at: Place, item: ImportedItem, options: WriteOptions) {
  const sources = await resolveSources(payload, req, item.sources)
  const terms = await resolveTerms(payload, req, item.terms)
  const where: Where = {
    and: [
      { issue: { equals: at.issueId } },
      {
        or: [
          { headline: { equals: item.headline } },
          ...(item.articleUrl ? [{ articleUrl: { equals: item.articleUrl } }] : []),
        ],
      },
    ],
  }
  const data = {
    ...itemData(item),
    date: item.date ?? item.postedAt,
    issue: rel(at.issueId),
    section: rel(at.sectionId),
    sources: item.sources.map((s) => rel(sources.id(s))),
    terms: item.terms.map((t) => rel(terms.id(t.original))),
    _status: options.publish ? ('published' as const) : ('draft' as const),
  }
  const replaced = await upsertItem(payload, req, where, data, options.publish)
  return { replaced, newTerms: terms.created, newSources: sources.created }
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
      const { issue, section } = await placeIn(payload, req, place)
      const at = { issueId: issue.id, sectionId: section.id }
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
