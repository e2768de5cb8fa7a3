import type { Payload, PayloadRequest } from 'payload'

import { richText } from '../../lib/richtext'
import { ImportError, type ImportedItem, type ImportedReport } from '../types'
import { rel, resolveSections, resolveSources, resolveTerms } from './lookups'
import { inTransaction, type TxReq } from './transaction'
import { asSystem } from '../../lib/system'

export type WriteSummary = {
  issue: string
  issueId: number | string
  status: 'draft' | 'published'
  replaced: boolean
  sections: number
  items: number
  terms: number
  newTerms: number
  sources: number
  newSources: number
  newSections: number
  warnings: string[]
  /** What was written when it is not a weekly issue: translations (their slugs) or a special issue. */
  kind?: 'translations' | 'special'
  slugs?: string[]
}

export type WriteOptions = { publish?: boolean; user?: PayloadRequest['user'] }

/** A failed write's message, with the fields a Payload validation error lists. */
export function writeErrorMessage(err: unknown): string {
  const e = err as Error & { data?: { errors?: Array<{ message: string; path?: string }> } }
  const details = e.data?.errors?.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message)).join('; ')
  return details ? `${e.message} (${details})` : e.message
}

/** Attach the line of the item being written to any error, so that messages name it. */
export async function atLine<T>(line: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError(writeErrorMessage(err), line)
  }
}

export const itemData = (item: ImportedItem) => ({
  headline: item.headline,
  date: item.date,
  dateEnd: item.dateEnd ?? null,
  body: item.body.length ? richText(...item.body) : undefined,
  articleUrl: item.articleUrl,
  originalTitle: item.originalTitle,
  excerpt: item.excerpt,
  credit: item.credit,
  isExcerpt: item.isExcerpt ?? false,
})

/**
 * Write one recognised report in one transaction: sections, sources and terms matched or created,
 * the issue created or (same slug) updated with its items replaced, then optionally published.
 */
export async function writeReport(
  payload: Payload,
  report: ImportedReport,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  return inTransaction(payload, (req) => writeInside(payload, req, report, options), options.user)
}

async function writeInside(
  payload: Payload,
  req: TxReq,
  report: ImportedReport,
  options: WriteOptions,
): Promise<WriteSummary> {
  const warnings = [...report.warnings]
  const allItems = report.sections.flatMap((s) => s.items)
  const sections = await resolveSections(payload, req, report.sections, warnings)
  const sources = await resolveSources(payload, req, [...new Set(allItems.flatMap((i) => i.sources))])
  const allTerms = [...allItems.flatMap((i) => i.terms), ...report.highlightTerms]
  const terms = await resolveTerms(payload, req, allTerms)
  const slug = `${report.volume}-${report.number}`
  const line = report.headerLine
  const data = issueData(report, sections)
  const { issueId, replaced } = await upsertIssue(payload, req, slug, data, line)
  await writeItems(payload, req, report, issueId, { sections, sources, terms })
  if (options.publish) {
    await atLine(line, () =>
      payload.update({
        collection: 'issues',
        id: issueId,
        data: { _status: 'published' },
        req,
        ...asSystem('import'),
        depth: 0,
      }),
    )
  }
  return {
    issue: slug,
    issueId,
    status: options.publish ? 'published' : 'draft',
    replaced,
    sections: report.sections.length,
    items: allItems.length,
    terms: new Set(allTerms.map((t) => t.original)).size,
    newTerms: terms.created,
    sources: new Set(allItems.flatMap((i) => i.sources)).size,
    newSources: sources.created,
    newSections: sections.created,
    warnings,
  }
}

type Lookups = {
  sections: Awaited<ReturnType<typeof resolveSections>>
  sources: Awaited<ReturnType<typeof resolveSources>>
  terms: Awaited<ReturnType<typeof resolveTerms>>
}

const sectionRel = (sections: Lookups['sections'], name: string) => rel(sections.ids.get(name.toLowerCase())!)

/** The issue's own fields: number, period, its sections in order and its highlights (as a draft). */
function issueData(report: ImportedReport, sections: Lookups['sections']) {
  return {
    title: report.title,
    volume: report.volume,
    number: report.number,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    plannedPublication: report.periodEnd,
    sections: report.sections.map((s) => ({ section: sectionRel(sections, s.name) })),
    highlights: report.highlights.map((h) => ({
      text: richText(h.text),
      section: h.section && sections.ids.has(h.section.toLowerCase()) ? sectionRel(sections, h.section) : null,
    })),
    _status: 'draft' as const,
  }
}

/** Create the issue, or (same slug) update it and delete its items: they are written again. */
async function upsertIssue(
  payload: Payload,
  req: TxReq,
  slug: string,
  data: ReturnType<typeof issueData>,
  line: number,
): Promise<{ issueId: number | string; replaced: boolean }> {
  const existing = await payload.find({
    collection: 'issues',
    where: { slug: { equals: slug } },
    draft: true,
    limit: 1,
    depth: 0,
    req,
    ...asSystem('import'),
  })
  const previous = existing.docs[0]
  if (previous) {
    await atLine(line, () =>
      payload.delete({
        collection: 'items',
        where: { issue: { equals: previous.id } },
        req,
        ...asSystem('import'),
        depth: 0,
      }),
    )
    await atLine(line, () =>
      payload.update({ collection: 'issues', id: previous.id, data, req, ...asSystem('import'), depth: 0 }),
    )
    return { issueId: previous.id, replaced: true }
  }
  const created = await atLine(line, () =>
    payload.create({ collection: 'issues', data, draft: true, req, ...asSystem('import'), depth: 0 }),
  )
  return { issueId: created.id, replaced: false }
}

/** Every item of every section, in order, as drafts linked to their sources and terms. */
async function writeItems(
  payload: Payload,
  req: TxReq,
  report: ImportedReport,
  issueId: number | string,
  { sections, sources, terms }: Lookups,
): Promise<void> {
  for (const section of report.sections) {
    for (const [position, item] of section.items.entries()) {
      await atLine(item.line, () =>
        payload.create({
          collection: 'items',
          draft: true,
          data: {
            ...itemData(item),
            issue: rel(issueId),
            section: sectionRel(sections, section.name),
            position,
            sources: item.sources.map((s) => rel(sources.id(s))),
            terms: item.terms.map((t) => rel(terms.id(t.original))),
            _status: 'draft',
          },
          // The recogniser already linked every glossed term: the glossary hook need not look again.
          context: { termsLinked: true },
          req,
          ...asSystem('import'),
          depth: 0,
        }),
      )
    }
  }
}
