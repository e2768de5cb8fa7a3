import {
  ImportError,
  type Block,
  type ImportedItem,
  type ImportedReport,
  type ImportedSection,
  type Role,
} from '../types'
import { appendBody, finishItem, resolveDate } from './items'
import { KNOWN_OUTLETS } from './outlets'
import { findTerms, uniqueTerms } from './terms'
import { DATE_PREFIX, REPORT_HEADER, SEE_SECTION, SENTENCE_END } from './patterns'

export type RecogniseOptions = { knownSections?: string[]; knownOutlets?: string[] }

const SECTION_NAME = /^[A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|and|of|the|on|for|&))*$/
const HIGHLIGHTS_LABEL = /^(highlights|this week|in this issue|summary|key points)$/i

const fullYear = (yy: string): number => (yy.length === 2 ? 2000 + Number(yy) : Number(yy))

function isoFrom(month: string, day: string, year: string, line: number): string {
  const y = fullYear(year)
  const d = new Date(Date.UTC(y, Number(month) - 1, Number(day), 12))
  if (d.getUTCMonth() !== Number(month) - 1 || d.getUTCDate() !== Number(day)) {
    throw new ImportError(`the period date ${month}.${day}.${year} in the header line does not exist`, line)
  }
  return d.toISOString().slice(0, 10)
}

/** Find and read the header line; a file without one is not a report. */
export function readHeader(blocks: Block[]): {
  index: number
  title: string
  volume: number
  number: number
  periodStart: string
  periodEnd: string
} {
  const index = blocks.findIndex((b) => REPORT_HEADER.test(b.text))
  if (index < 0) {
    throw new ImportError(
      'not a weekly report: no header line like "Weekly Report 4|68 4.16.22-4.22.22" (for a single translated article, pass --issue and --section)',
      blocks[0]?.line ?? 1,
    )
  }
  const b = blocks[index]
  const m = REPORT_HEADER.exec(b.text)!
  const periodStart = isoFrom(m[4], m[5], m[6], b.line)
  const periodEnd = isoFrom(m[7], m[8], m[9], b.line)
  if (periodStart > periodEnd) throw new ImportError('the period in the header line ends before it starts', b.line)
  const title = m[1].trim().replace(/\s+/g, ' ')
  return { index, title, volume: Number(m[2]), number: Number(m[3]), periodStart, periodEnd }
}

const isDated = (b: Block | undefined): boolean => Boolean(b && b.kind !== 'list-item' && DATE_PREFIX.test(b.text))
const isShortLine = (b: Block | undefined): boolean =>
  Boolean(
    b &&
    b.kind !== 'list-item' &&
    !isDated(b) &&
    !SENTENCE_END.test(b.text) &&
    b.text.length <= 200 &&
    !SEE_SECTION.test(b.text),
  )

/** Recognise a weekly report in a block stream: header, highlights, sections, items, sources and terms. */
export function recogniseReport(blocks: Block[], options: RecogniseOptions = {}): ImportedReport {
  const header = readHeader(blocks)
  const rest = blocks.slice(header.index + 1)
  const outlets = [...new Set([...(options.knownOutlets ?? []), ...KNOWN_OUTLETS])].sort((a, b) => b.length - a.length)
  const targets = new Set(rest.map((b) => SEE_SECTION.exec(b.text)?.[1].toLowerCase()).filter(Boolean) as string[])
  const known = new Set((options.knownSections ?? []).map((s) => s.toLowerCase()))

  const isSection = (i: number, afterHeading: boolean): boolean => {
    const b = rest[i]
    if (!isShortLine(b)) return false
    // A heading right after a section heading is that section's first headline.
    if (afterHeading && !targets.has(b.text.toLowerCase()) && b.kind !== 'heading') return false
    const name = b.text.toLowerCase()
    if (targets.has(name) || known.has(name)) return true
    if (b.kind === 'heading' && (b.level ?? 9) <= 2) return true
    if ((b.gapBefore ?? 0) >= 2) return true
    if (isShortLine(rest[i + 1])) return true
    if (isDated(rest[i + 1]) && isDated(rest[i + 2])) return true
    const next = rest[i + 1]
    return SECTION_NAME.test(b.text) && b.text.split(' ').length <= 5 && isDated(next) && next!.text.length < 300
  }

  const { index: _index, ...fields } = header
  const report: ImportedReport = {
    kind: 'report',
    ...fields,
    headerLine: blocks[header.index].line,
    highlights: [],
    highlightTerms: [],
    sections: [],
    warnings: [],
    blocks: blocks
      .slice(0, header.index + 1)
      .map((b, i) => ({ line: b.line, text: b.text, role: i === header.index ? 'header' : 'body' })),
  }
  const mark = (b: Block, role: Role) => report.blocks!.push({ line: b.line, text: b.text, role })
  let section: ImportedSection | undefined
  let item: ImportedItem | undefined
  const newItem = (b: Block, extra: Partial<ImportedItem>): ImportedItem => {
    item = { body: [], sources: [], terms: [], line: b.line, ...extra }
    section!.items.push(item)
    return item
  }

  rest.forEach((b, i) => {
    if (isSection(i, report.blocks!.at(-1)?.role === 'section-heading' && section !== undefined)) {
      section = { name: b.text, style: 'full', items: [], line: b.line }
      report.sections.push(section)
      item = undefined
      mark(b, 'section-heading')
      return
    }
    if (!section) {
      mark(b, HIGHLIGHTS_LABEL.test(b.text) ? 'section-heading' : 'highlight')
      if (HIGHLIGHTS_LABEL.test(b.text)) return
      const see = SEE_SECTION.exec(b.text)
      report.highlights.push({ text: b.text.replace(SEE_SECTION, '').trim(), section: see?.[1], line: b.line })
      if (!see) report.warnings.push(`line ${b.line}: highlight without "(See … section)"`)
      return
    }
    const dated = b.kind !== 'list-item' ? DATE_PREFIX.exec(b.text) : null
    mark(b, isShortLine(b) ? 'headline' : dated ? 'date-line' : 'body')
    if (isShortLine(b)) {
      newItem(b, { headline: b.text })
    } else if (dated && item?.headline && item.body.length === 0) {
      item.dateLabel = dated[1]
      item.date = resolveDate(dated[1], header.periodStart, header.periodEnd, b.line)
      item.body.push(dated[2])
    } else if (dated) {
      newItem(b, {
        dateLabel: dated[1],
        date: resolveDate(dated[1], header.periodStart, header.periodEnd, b.line),
        body: [dated[2]],
      })
    } else if (item) {
      appendBody(item, b)
    } else {
      report.warnings.push(`line ${b.line}: text before the first item of "${section.name}" was left out`)
    }
  })

  for (const s of report.sections) {
    s.items.forEach((it) => finishItem(it, outlets))
    s.style = s.items.length > 0 && s.items.every((it) => !it.headline && it.body.length === 1) ? 'brief' : 'full'
    if (!s.items.length) report.warnings.push(`line ${s.line}: section "${s.name}" has no items`)
    for (const it of s.items) {
      if (!it.date)
        report.warnings.push(
          `line ${it.line}: item "${it.headline ?? ''}" has no event date ("M.D " at the start of its first paragraph)`,
        )
      if (s.style === 'full' && !it.headline)
        report.warnings.push(`line ${it.line}: item without a headline in full section "${s.name}"`)
    }
  }
  report.highlightTerms = uniqueTerms(report.highlights.flatMap((h) => findTerms(h.text)))
  for (const h of report.highlights) {
    if (h.section && !report.sections.some((s) => s.name.toLowerCase() === h.section!.toLowerCase())) {
      report.warnings.push(`line ${h.line}: highlight names section "${h.section}", which is not in the report`)
    }
  }
  if (!report.sections.some((s) => s.items.length)) {
    throw new ImportError('the report has no sections with items after its header line', blocks[header.index].line)
  }
  return report
}
