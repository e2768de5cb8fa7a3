import type { Payload } from 'payload'

import { readLexical, runsText, type Run } from '../content/lexical'
import { loadIssueContent } from '../content/load'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'

import { dayLabel, isoDay } from '../lib/dates'
import type { BodyBlock, ImportedItem, ImportedReport, ImportedSection } from '../importer/types'

type Id = number | string
type Rel = Id | { id: Id } | null | undefined

/** An issue as stored, in the same plain structure the importer recognises, ready to render. */
export type ExportedIssue = ImportedReport & {
  slug: string
  status: string
  label?: string | null
  publishedAt?: string | null
}

/** Lexical JSON → paragraphs and lists (glossary marks become their words). */
export function bodyBlocks(value: unknown, termName: (id: Id) => string | undefined): BodyBlock[] {
  const name = (term: unknown) => {
    const id = relationId(term as Rel)
    return id === undefined ? undefined : termName(id)
  }
  const text = (runs: Run[]) => runsText(runs, name, { break: ' ', tab: '' })
  const blocks: BodyBlock[] = []
  for (const block of readLexical(value)) {
    if (block.type === 'list') {
      blocks.push({
        list: block.listType === 'bullet' ? 'bullet' : 'number',
        items: block.items.map((r) => text(r).trim()),
      })
    } else {
      const t = text(block.runs).replace(/\s+/g, ' ').trim()
      if (t) blocks.push(t)
    }
  }
  return blocks
}

/** Load an issue by slug (its latest draft, if newer than the published version), through the one content loader. */
export async function loadIssue(payload: Payload, slug: string): Promise<ExportedIssue> {
  const content = await loadIssueContent(payload, slug, { draft: true, as: asSystem('operator') })
  if (!content) throw new Error(`there is no issue "${slug}"`)
  const { issue, look } = content
  const termName = (id: Id) => look.terms.get(String(id))?.english

  const outSections: ImportedSection[] = content.sections.map((section) => {
    const mine = content.items.filter((i) => String(relationId(i.section as Rel)) === String(section.id))
    return {
      name: section.name,
      style: section.style === 'brief' ? 'brief' : 'full',
      line: 0,
      items: mine.map((i): ImportedItem => ({
        headline: i.headline ?? undefined,
        date: i.date ? isoDay(i.date) : undefined,
        dateLabel: i.date ? dayLabel(i.date) : undefined,
        body: bodyBlocks(i.body, termName),
        sources: (i.sources ?? [])
          .map((s) => look.sources.get(String(relationId(s as Rel)))?.name)
          .filter((s): s is string => Boolean(s)),
        terms: (i.terms ?? []).flatMap((t) => {
          const term = look.terms.get(String(relationId(t as Rel)))
          return term
            ? [
                {
                  english: term.english,
                  original: term.original,
                  kind: term.kind === 'person' ? ('person' as const) : ('term' as const),
                },
              ]
            : []
        }),
        articleUrl: i.articleUrl ?? undefined,
        originalTitle: i.originalTitle ?? undefined,
        excerpt: i.excerpt ?? undefined,
        credit: i.credit ?? undefined,
        line: 0,
      })),
    }
  })
  return {
    kind: 'report',
    title: issue.title ?? 'Weekly Report',
    volume: issue.volume ?? 0,
    number: issue.number ?? 0,
    periodStart: issue.periodStart ? isoDay(issue.periodStart) : '',
    periodEnd: issue.periodEnd ? isoDay(issue.periodEnd) : '',
    highlights: (issue.highlights ?? []).map((h) => ({
      text: bodyBlocks(h.text, termName)
        .map((b) => (typeof b === 'string' ? b : b.items.join(' ')))
        .join(' '),
      section: look.sections.get(String(relationId(h.section as Rel)))?.name,
      line: 0,
    })),
    highlightTerms: [],
    sections: outSections,
    headerLine: 1,
    warnings: [],
    slug: issue.slug ?? slug,
    status: issue._status ?? 'draft',
    label: issue.label,
    publishedAt: issue.publishedAt,
  }
}
