import type { Payload, Where } from 'payload'

import type { ImportedArticle } from '../types'
import { rel, resolveSources, resolveTerms } from './lookups'
import { placeIn, upsertItem, type Placement } from './placement'
import { itemData, type WriteOptions, type WriteSummary } from './report'
import { inTransaction } from './transaction'

export type { Placement } from './placement'

/**
 * Write one translated article as an item of an existing issue and section (slug or name). The
 * same article imported again (same headline or URL in that issue) is updated, not duplicated.
 */
export async function writeArticle(
  payload: Payload,
  article: ImportedArticle,
  place: Placement,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  return inTransaction(
    payload,
    async (req) => {
      const item = article.item
      const { issue, section } = await placeIn(payload, req, place)
      const sources = await resolveSources(payload, req, item.sources)
      const terms = await resolveTerms(payload, req, item.terms)
      const where: Where = {
        and: [
          { issue: { equals: issue.id } },
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
        issue: issue.id,
        section: section.id,
        sources: item.sources.map((s) => rel(sources.id(s))),
        terms: item.terms.map((t) => rel(terms.id(t.original))),
        _status: options.publish ? ('published' as const) : ('draft' as const),
      }
      const replaced = await upsertItem(payload, req, where, data, options.publish)
      return {
        issue: place.issue,
        issueId: issue.id,
        status: options.publish ? 'published' : 'draft',
        replaced,
        sections: 1,
        items: 1,
        terms: item.terms.length,
        newTerms: terms.created,
        sources: item.sources.length,
        newSources: sources.created,
        newSections: 0,
        warnings: article.warnings,
      }
    },
    options.user,
  )
}
