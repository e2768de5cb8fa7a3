import type { Payload } from 'payload'

import { ImportError, type ImportedArticle } from '../types'
import { rel, resolveSources, resolveTerms } from './lookups'
import { itemData, type WriteOptions, type WriteSummary } from './report'
import { inTransaction } from './transaction'
import { asSystem } from '../../lib/system'

export type Placement = { issue: string; section: string }

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
      const all = await payload.find({
        collection: 'sections',
        pagination: false,
        depth: 0,
        req,
        ...asSystem('import'),
      })
      const section = all.docs.find((s) => s.slug === wanted || s.name.toLowerCase() === wanted)
      if (!section)
        throw new ImportError(
          `there is no section "${place.section}" (known: ${all.docs.map((s) => s.slug).join(', ')})`,
        )
      const sources = await resolveSources(payload, req, item.sources)
      const terms = await resolveTerms(payload, req, item.terms)
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
      const same = await payload.find({
        collection: 'items',
        where: {
          and: [
            { issue: { equals: issue.id } },
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
        issue: issue.id,
        section: section.id,
        sources: item.sources.map((s) => rel(sources.id(s))),
        terms: item.terms.map((t) => rel(terms.id(t.original))),
        _status: options.publish ? ('published' as const) : ('draft' as const),
      }
      const previous = same.docs[0]
      if (previous)
        await payload.update({
          collection: 'items',
          id: previous.id,
          data,
          draft: !options.publish,
          req,
          ...asSystem('import'),
          depth: 0,
        })
      else
        await payload.create({
          collection: 'items',
          data,
          draft: !options.publish,
          req,
          ...asSystem('import'),
          depth: 0,
        })
      return {
        issue: place.issue,
        issueId: issue.id,
        status: options.publish ? 'published' : 'draft',
        replaced: Boolean(previous),
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
