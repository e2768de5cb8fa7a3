import {
  ImportError,
  type Block,
  type ImportedItem,
  type ImportedReport,
  type ImportedSection,
  type Role,
} from '../types'
import { appendBody, finishItem, itemDates } from './items'
import { KNOWN_OUTLETS } from './outlets'
import { findTerms, uniqueTerms } from './terms'
import { CAPTION_LINE, DATE_PREFIX, REPORT_HEADER, SEE_SECTION, SENTENCE_END } from './patterns'

export type RecogniseOptions = {
  knownSections?: string[]
  knownOutlets?: string[]
  /** Where items go when the report has no section heading (otherwise the first known section). */
  section?: string
}

const SECTION_NAME = /^[A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|and|of|the|on|for|&))*$/
const HIGHLIGHTS_LABEL = /^(highlights|this week|in this issue|summary|key points)$/i
/** How a finished paragraph ends; anything else at the end of the file was cut off. */
const FINISHED = /[.!?…:;。！？]["”’)\]]*$/

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
      'not a weekly report: no header line like "Weekly Report 4|68 4.16.22-4.22.22" (nor a "Special Issue on" title or a "Source:" line of a translation; name the kind with --as report|special|translation)',
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
const isCaption = (b: Block | undefined): boolean => Boolean(b && CAPTION_LINE.test(b.text))
const isShortLine = (b: Block | undefined): boolean =>
  Boolean(
    b &&
    b.kind !== 'list-item' &&
    !isDated(b) &&
    !isCaption(b) &&
    !SENTENCE_END.test(b.text) &&
    b.text.length <= 200 &&
    !SEE_SECTION.test(b.text),
  )

type Walk = {
  rest: Block[]
  report: ImportedReport
  options: RecogniseOptions
  targets: Set<string>
  known: Set<string>
  section?: ImportedSection
  item?: ImportedItem
}

/** Whether block i starts a section (afterHeading: the block before it is a section heading). */
function isSection(w: Walk, i: number, afterHeading: boolean): boolean {
  const b = w.rest[i]
  if (!isShortLine(b)) return false
  const name = b.text.toLowerCase()
  if (w.targets.has(name) || w.known.has(name)) return true
  // A short line right after a section heading is that section's first headline.
  if (afterHeading && b.kind !== 'heading') return false
  if (b.kind === 'heading' && (b.level ?? 9) <= 2) return true
  if ((b.gapBefore ?? 0) >= 2) return true
  if (isShortLine(w.rest[i + 1])) return true
  if (isDated(w.rest[i + 1]) && isDated(w.rest[i + 2])) return true
  const next = w.rest[i + 1]
  return SECTION_NAME.test(b.text) && b.text.split(' ').length <= 5 && isDated(next) && next!.text.length < 300
}

const mark = (w: Walk, b: Block, role: Role): void => {
  w.report.blocks!.push({ line: b.line, text: b.text, role })
}

/** The section items go to when the report names none: the chosen one, else the first known. */
function defaultSection(w: Walk, b: Block): ImportedSection {
  const wanted = w.options.section?.toLowerCase()
  const known = w.options.knownSections ?? []
  const name = (wanted && known.find((s) => s.toLowerCase() === wanted)) ?? w.options.section ?? known[0]
  if (!name)
    throw new ImportError(
      'the report has no section heading and there is no section yet: pass --section <name>',
      b.line,
    )
  w.report.warnings.push(`line ${b.line}: no section heading found: the items went to the first section, "${name}"`)
  return { name, style: 'full', items: [], line: b.line }
}

function newItem(w: Walk, b: Block, extra: Partial<ImportedItem>): ImportedItem {
  w.item = { body: [], sources: [], terms: [], line: b.line, ...extra }
  w.section!.items.push(w.item)
  return w.item
}

function datesOf(w: Walk, dated: RegExpExecArray, b: Block, headline?: string) {
  const warnings: string[] = []
  const dates = itemDates(dated[1], dated[2], w.report, b.line, warnings)
  for (const x of warnings) w.report.warnings.push(`line ${b.line}: item "${headline ?? dated[3].slice(0, 60)}" ${x}`)
  return dates
}

/** A highlight (or the "Highlights" label, or a caption) before the first section. */
function beforeSections(w: Walk, b: Block): void {
  if (HIGHLIGHTS_LABEL.test(b.text)) return mark(w, b, 'section-heading')
  mark(w, b, 'highlight')
  const see = SEE_SECTION.exec(b.text)
  w.report.highlights.push({ text: b.text.replace(SEE_SECTION, '').trim(), section: see?.[1], line: b.line })
  if (!see) w.report.warnings.push(`line ${b.line}: highlight without "(See … section)"`)
}

/** One block after the header: section heading, highlight, headline, dated paragraph or body. */
function step(w: Walk, b: Block, i: number): void {
  const last = w.report.blocks!.at(-1)?.role
  if (isCaption(b)) {
    mark(w, b, 'credit')
    if (w.section) w.report.warnings.push(`line ${b.line}: left out "${b.text.slice(0, 60)}" (author line or caption)`)
    return
  }
  if (isSection(w, i, last === 'section-heading' && w.section !== undefined)) {
    w.section = { name: b.text, style: 'full', items: [], line: b.line }
    w.report.sections.push(w.section)
    w.item = undefined
    return mark(w, b, 'section-heading')
  }
  const dated = b.kind !== 'list-item' ? DATE_PREFIX.exec(b.text) : null
  if (!w.section) {
    if (!dated && !(isShortLine(b) && isDated(w.rest[i + 1]))) return beforeSections(w, b)
    w.section = defaultSection(w, b)
    w.report.sections.push(w.section)
  }
  const cutShort = i === w.rest.length - 1 && w.item?.body.length && (/^[a-z]/.test(b.text) || b.text.length > 120)
  const headline = isShortLine(b) && !cutShort
  mark(w, b, headline ? 'headline' : dated ? 'date-line' : 'body')
  if (headline) newItem(w, b, { headline: b.text })
  else if (dated && w.item?.headline && w.item.body.length === 0) {
    Object.assign(w.item, datesOf(w, dated, b, w.item.headline))
    w.item.body.push(dated[3])
  } else if (dated) newItem(w, b, { ...datesOf(w, dated, b), body: [dated[3]] })
  else if (w.item) appendBody(w.item, b)
  else w.report.warnings.push(`line ${b.line}: text before the first item of "${w.section.name}" was left out`)
}

/** Recognise a weekly report in a block stream: header, highlights, sections, items, sources and terms. */
export function recogniseReport(blocks: Block[], options: RecogniseOptions = {}): ImportedReport {
  const header = readHeader(blocks)
  const rest = blocks.slice(header.index + 1)
  const { index, ...fields } = header
  const report: ImportedReport = {
    kind: 'report',
    ...fields,
    headerLine: blocks[index].line,
    highlights: [],
    highlightTerms: [],
    sections: [],
    warnings: [],
    blocks: blocks.slice(0, index + 1).map((b, i) => ({
      line: b.line,
      text: b.text,
      role: i === index ? 'header' : isCaption(b) ? 'credit' : 'body',
    })),
  }
  const w: Walk = {
    rest,
    report,
    options,
    targets: new Set(rest.map((b) => SEE_SECTION.exec(b.text)?.[1].toLowerCase()).filter(Boolean) as string[]),
    known: new Set((options.knownSections ?? []).map((s) => s.toLowerCase())),
  }
  rest.forEach((b, i) => step(w, b, i))
  finishReport(report, rest.at(-1), options)
  return report
}

/** Styles, sources, terms and the warnings about what the report lacks. */
export function finishReport(report: ImportedReport, lastBlock: Block | undefined, options: RecogniseOptions): void {
  const outlets = [...new Set([...(options.knownOutlets ?? []), ...KNOWN_OUTLETS])].sort((a, b) => b.length - a.length)
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
  const lastItem = report.sections.at(-1)?.items.at(-1)
  const lastText = lastItem?.body.at(-1)
  if (lastBlock && typeof lastText === 'string' && !FINISHED.test(lastText))
    report.warnings.push(`line ${lastBlock.line}: the file seems cut short: the last item ends mid-sentence`)
  if (!report.sections.some((s) => s.items.length)) {
    throw new ImportError('the report has no sections with items after its header line', report.headerLine)
  }
}
