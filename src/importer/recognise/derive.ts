import {
  ImportError,
  type ImportedArticle,
  type ImportedItem,
  type ImportedListing,
  type ImportedReport,
  type ImportedSection,
  type Recognised,
  type RoledBlock,
} from '../types'
import { parseLongDate, readSource } from './article'
import { appendBody, finishItem, itemDates } from './items'
import { KNOWN_OUTLETS } from './outlets'
import { DATE_PREFIX, REPORT_HEADER, SEE_SECTION } from './patterns'
import { finishReport, readHeader } from './report'

/** A source block for re-derivation: its role, and whether it was a list item in the file. */
export type DeriveBlock = RoledBlock & { list?: 'number' | 'bullet' }

export type DeriveOptions = { knownOutlets?: string[] }

const SOURCE_PREFIX = /^Source\s*[:：]\s*/i
const EXCERPT_LABEL =
  /^(?:Excerpt in Chinese|Chinese excerpt|Chinese original|Original text|Chinese text)\s*[:：]?\s*$/i
const LONG_DATE = /([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})/
const READ_MORE = /(?:Read the rest of this entry|Continue reading|Read more)\s*(?:»|→|\.\.\.|…)?\s*$/i

const outletsOf = (o: DeriveOptions) =>
  [...new Set([...(o.knownOutlets ?? []), ...KNOWN_OUTLETS])].sort((a, b) => b.length - a.length)

const newItem = (b: RoledBlock, extra: Partial<ImportedItem> = {}): ImportedItem => ({
  body: [],
  sources: [],
  terms: [],
  line: b.line,
  ...extra,
})

const body = (item: ImportedItem, b: DeriveBlock) =>
  appendBody(item, {
    kind: b.list ? 'list-item' : 'paragraph',
    ordered: b.list === 'number',
    text: b.text,
    line: b.line,
  })

/** The fields a block fills in an item whatever the document: source, URL, credit, excerpt, title. */
function fillField(item: ImportedItem, b: DeriveBlock, excerpt: string[]): boolean {
  if (b.role === 'source') {
    const found = readSource(b.text.replace(SOURCE_PREFIX, ''))
    if (found.outlet) item.sources.push(found.outlet)
    if (found.date) item.date ??= parseLongDate(found.date)
    if (found.url) item.articleUrl ??= found.url
  } else if (b.role === 'url') {
    const url = /(https?:\/\/\S+)/.exec(b.text)?.[1]
    if (!url) throw new ImportError(`a URL line must hold an address (http://…): "${b.text.slice(0, 60)}"`, b.line)
    item.articleUrl ??= url
  } else if (b.role === 'credit') item.credit ??= b.text
  else if (b.role === 'original-title') item.originalTitle ??= b.text
  else if (b.role === 'excerpt') {
    if (!EXCERPT_LABEL.test(b.text)) excerpt.push(b.text)
  } else return false
  return true
}

type ReportWalk = { report: ImportedReport; section?: ImportedSection; item?: ImportedItem; excerpt: string[] }

const endItem = (w: ReportWalk) => {
  if (w.item && w.excerpt.length) w.item.excerpt = w.excerpt.join('\n')
  w.excerpt = []
}

function reportDateLine(w: ReportWalk, b: DeriveBlock): void {
  const dated = DATE_PREFIX.exec(b.text)
  if (!dated)
    throw new ImportError(`a date line must start with the event date ("4.15 …"): "${b.text.slice(0, 60)}"`, b.line)
  const warnings: string[] = []
  const dates = itemDates(dated[1], dated[2], w.report, b.line, warnings)
  w.report.warnings.push(...warnings.map((x) => `line ${b.line}: item ${x}`))
  if (!w.item?.headline || w.item.body.length || w.item.date) {
    endItem(w)
    w.item = newItem(b)
    w.section!.items.push(w.item)
  }
  Object.assign(w.item, dates)
  w.item.body.push(dated[3])
}

/** One block of a report by its role (the header is read before). */
function reportStep(w: ReportWalk, b: DeriveBlock): void {
  const { report } = w
  if (b.role === 'chrome' || b.role === 'header') return
  if (b.role === 'highlight') {
    const see = SEE_SECTION.exec(b.text)
    report.highlights.push({ text: b.text.replace(SEE_SECTION, '').trim(), section: see?.[1], line: b.line })
    return
  }
  if (b.role === 'section-heading') {
    if (!report.sections.length && /^(highlights|this week|in this issue|summary|key points)$/i.test(b.text)) return
    endItem(w)
    w.section = { name: b.text, style: 'full', items: [], line: b.line }
    w.item = undefined
    report.sections.push(w.section)
    return
  }
  if (!w.section && (b.role === 'headline' || b.role === 'date-line'))
    throw new ImportError(`the item at this line comes before any section heading`, b.line)
  if (b.role === 'headline') {
    endItem(w)
    w.item = newItem(b, { headline: b.text })
    w.section!.items.push(w.item)
  } else if (b.role === 'date-line') reportDateLine(w, b)
  else if (!w.item) report.warnings.push(`line ${b.line}: left out "${b.text.slice(0, 60)}" (before the first item)`)
  else if (!fillField(w.item, b, w.excerpt)) body(w.item, b)
}

/** A weekly report from blocks with their roles: exactly one header block, then sections and items. */
export function deriveReport(blocks: DeriveBlock[], options: DeriveOptions = {}): ImportedReport {
  const headers = blocks.filter((b) => b.role === 'header')
  if (headers.length !== 1)
    throw new ImportError(
      `a report needs exactly one header block (found ${headers.length}), like "Weekly Report 4|68 4.16.22-4.22.22"`,
      headers[1]?.line ?? blocks[0]?.line,
    )
  if (!REPORT_HEADER.test(headers[0].text))
    throw new ImportError('the header block must read like "Weekly Report 4|68 4.16.22-4.22.22"', headers[0].line)
  const { index: _index, ...fields } = readHeader([{ kind: 'paragraph', text: headers[0].text, line: headers[0].line }])
  const report: ImportedReport = {
    kind: 'report',
    ...fields,
    headerLine: headers[0].line,
    highlights: [],
    highlightTerms: [],
    sections: [],
    warnings: [],
    blocks: blocks.map(({ line, role, text }) => ({ line, role, text })),
  }
  const w: ReportWalk = { report, excerpt: [] }
  const after = blocks.slice(blocks.indexOf(headers[0]) + 1)
  after.forEach((b) => reportStep(w, b))
  endItem(w)
  const last = after.filter((b) => b.role !== 'chrome').at(-1)
  const lastBlock = last && { kind: 'paragraph' as const, text: last.text, line: last.line }
  finishReport(report, lastBlock, { knownOutlets: options.knownOutlets })
  return report
}

/** One article from its blocks' roles; `headline` given for a post of a listing. */
export function deriveArticle(blocks: DeriveBlock[], options: DeriveOptions = {}): ImportedArticle {
  const first = blocks.find((b) => b.role !== 'chrome') ?? blocks[0]
  const item = newItem(first ?? { line: 1, role: 'body', text: '' })
  const excerpt: string[] = []
  for (const b of blocks) {
    if (b.role === 'chrome') {
      if (READ_MORE.test(b.text)) item.isExcerpt = true
    } else if (b.role === 'headline') {
      if (item.headline) body(item, b)
      else [item.headline, item.line] = [b.text, b.line]
    } else if (b.role === 'date-line') {
      const date = LONG_DATE.exec(b.text)?.[1]
      if (date) item.date ??= parseLongDate(date)
    } else if (!fillField(item, b, excerpt)) body(item, b)
  }
  if (excerpt.length) item.excerpt = excerpt.join('\n')
  const warnings: string[] = []
  if (!item.headline && !item.body.length && !item.excerpt)
    throw new ImportError('the article has no text: give a block the role headline or body', first?.line)
  if (!item.headline) {
    item.headline = (typeof item.body[0] === 'string' ? item.body[0] : item.originalTitle)?.slice(0, 120)
    warnings.push(`line ${item.line}: no headline block; the first words stand in for it`)
  }
  if (!item.sources.length) warnings.push('no source outlet (no block with the role source)')
  const roled = blocks.map(({ line, role, text }) => ({ line, role, text }))
  return { kind: 'article', item: finishItem(item, outletsOf(options)), warnings, blocks: roled }
}

/** A listing: every headline block starts a post; what comes before the first is left out. */
export function deriveListing(blocks: DeriveBlock[], options: DeriveOptions = {}): ImportedListing {
  const starts = blocks.flatMap((b, i) => (b.role === 'headline' ? [i] : []))
  if (!starts.length) throw new ImportError('a listing needs a headline block for each post', blocks[0]?.line)
  const lead = blocks.slice(0, starts[0]).filter((b) => b.role !== 'chrome')
  const warnings = lead.map((b) => `line ${b.line}: left out "${b.text.slice(0, 60)}" (before the first post)`)
  const posts = starts.map((s, n) => {
    const post = deriveArticle(blocks.slice(s, starts[n + 1]), options)
    post.warnings = post.warnings
      .filter((x) => !x.startsWith('no source'))
      .map((x) => `post "${post.item.headline?.slice(0, 50)}": ${x}`)
    return post
  })
  const roled = blocks.map(({ line, role, text }) => ({ line, role, text }))
  return { kind: 'listing', posts, warnings: [...warnings, ...posts.flatMap((p) => p.warnings)], blocks: roled }
}

/** The structure of a document of this kind, derived from its blocks' roles alone (deterministic). */
export function deriveFromRoles(kind: Recognised['kind'], blocks: DeriveBlock[], options: DeriveOptions = {}) {
  if (kind === 'report') return deriveReport(blocks, options)
  if (kind === 'listing') return deriveListing(blocks, options)
  return deriveArticle(blocks, options)
}
