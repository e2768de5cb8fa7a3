import { outletKey, outletsInText } from '../importer/recognise/outlets'
import { escapeHtml } from '../lib/html'
import { shortDateLabel } from '../lib/dates'
import type { BodyBlock, ImportedItem } from '../importer/types'
import type { ExportedIssue } from './load'

export const EXPORT_FORMATS = ['txt', 'md', 'html', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const headerLine = (issue: ExportedIssue): string =>
  `${issue.title} ${issue.volume}|${issue.number} ${shortDateLabel(issue.periodStart)}-${shortDateLabel(issue.periodEnd)}`

/**
 * The headline as the report prints it: followed by the item's sources that its text does not cite
 * as "X published / reported", "according to X" ("… Initiative Xinhua"); an import takes them off
 * the headline again as sources.
 */
export function printedHeadline(item: ImportedItem): string {
  if (!item.headline) return ''
  const text = item.body.map((b) => (typeof b === 'string' ? b : b.items.join('\n'))).join('\n')
  const cited = new Set(outletsInText(text, item.sources, { commentator: false }).map((s) => outletKey(s)))
  const trailing = item.sources.filter((s) => !cited.has(outletKey(s)))
  return [item.headline, ...trailing].join(' ')
}

const seeSection = (section?: string) => (section ? ` (See ${section} section)` : '')

/** The first paragraph carries the event date: "3.5 Taking part …". */
const datedBody = (item: ImportedItem): BodyBlock[] => {
  const [first, ...rest] = item.body
  if (!item.dateLabel) return item.body
  if (typeof first === 'string') return [`${item.dateLabel} ${first}`, ...rest]
  return [item.dateLabel, ...item.body]
}

/** The plain-text report format that `briefing import` reads (see the sample report). */
export function toText(issue: ExportedIssue): string {
  const lines: string[] = [headerLine(issue)]
  const para = (text: string, gap = 1) => lines.push(...Array<string>(gap).fill(''), text)
  issue.highlights.forEach((h, i) => para(`${h.text}${seeSection(h.section)}`, i === 0 ? 2 : 1))
  for (const section of issue.sections) {
    para(section.name, 2)
    for (const item of section.items) {
      const headline = printedHeadline(item)
      if (headline) para(headline)
      for (const block of datedBody(item)) {
        if (typeof block === 'string') para(block)
        else block.items.forEach((text, i) => para(`  ${block.list === 'number' ? `${i + 1}.` : '-'} ${text}`))
      }
    }
  }
  return lines.join('\n') + '\n'
}

const mdEscape = (text: string): string =>
  text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^(#|[-+>]|\d+[.)])(\s)/, '\\$1$2')

/** Markdown: # header, ## sections, ### headlines, numbered lists as lists. */
export function toMarkdown(issue: ExportedIssue): string {
  const out: string[] = [`# ${headerLine(issue)}`]
  for (const h of issue.highlights) out.push(mdEscape(`${h.text}${seeSection(h.section)}`))
  for (const section of issue.sections) {
    out.push(`## ${mdEscape(section.name)}`)
    for (const item of section.items) {
      if (section.style === 'full' || item.headline) out.push(`### ${mdEscape(printedHeadline(item))}`)
      for (const block of datedBody(item)) {
        if (typeof block === 'string') out.push(mdEscape(block))
        else
          out.push(
            block.items.map((text, i) => `${block.list === 'number' ? `${i + 1}.` : '-'} ${mdEscape(text)}`).join('\n'),
          )
      }
      if (item.originalTitle) out.push(`Original title: ${mdEscape(item.originalTitle)}`)
      if (item.articleUrl) out.push(`Source: <${item.articleUrl}>`)
      if (item.credit) out.push(mdEscape(item.credit))
      if (item.excerpt)
        out.push(
          item.excerpt
            .split('\n')
            .map((l) => `> ${mdEscape(l)}`)
            .join('\n'),
        )
    }
  }
  return out.join('\n\n') + '\n'
}

const esc = escapeHtml

/** A standalone HTML page: h1 header, h2 sections, h3 headlines (importable again). */
export function toHtml(issue: ExportedIssue): string {
  const body: string[] = [`<h1>${esc(headerLine(issue))}</h1>`]
  if (issue.highlights.length) {
    body.push(
      '<section class="highlights">',
      ...issue.highlights.map((h) => `<p>${esc(h.text + seeSection(h.section))}</p>`),
      '</section>',
    )
  }
  for (const section of issue.sections) {
    body.push(`<section data-style="${section.style}">`, `<h2>${esc(section.name)}</h2>`)
    for (const item of section.items) {
      if (section.style === 'full' || item.headline) body.push(`<h3>${esc(printedHeadline(item))}</h3>`)
      for (const block of datedBody(item)) {
        if (typeof block === 'string') body.push(`<p>${esc(block)}</p>`)
        else {
          const tag = block.list === 'number' ? 'ol' : 'ul'
          body.push(`<${tag}>${block.items.map((t) => `<li>${esc(t)}</li>`).join('')}</${tag}>`)
        }
      }
      if (item.originalTitle) body.push(`<p class="original-title" lang="zh-Hans">${esc(item.originalTitle)}</p>`)
      if (item.articleUrl)
        body.push(`<p class="source">Source: <a href="${esc(item.articleUrl)}">${esc(item.articleUrl)}</a></p>`)
      if (item.credit) body.push(`<p class="credit">${esc(item.credit)}</p>`)
      if (item.excerpt)
        body.push(
          `<blockquote lang="zh-Hans">${item.excerpt
            .split('\n')
            .map((l) => `<p>${esc(l)}</p>`)
            .join('')}</blockquote>`,
        )
    }
    body.push('</section>')
  }
  const title = esc(headerLine(issue))
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<article>\n${body.join('\n')}\n</article>\n</body>\n</html>\n`
}

/** JSON: the whole structure, with the item fields the text formats leave out. */
export function toJson(issue: ExportedIssue): string {
  const { kind: _kind, headerLine: _line, warnings: _warnings, highlightTerms: _terms, ...rest } = issue
  const strip = <T extends { line?: number }>({ line: _l, ...o }: T) => o
  return (
    JSON.stringify(
      {
        ...rest,
        highlights: rest.highlights.map(strip),
        sections: rest.sections.map((s) => ({ ...strip(s), items: s.items.map(strip) })),
      },
      null,
      2,
    ) + '\n'
  )
}

export const renderIssue = (issue: ExportedIssue, format: ExportFormat): string =>
  format === 'txt'
    ? toText(issue)
    : format === 'md'
      ? toMarkdown(issue)
      : format === 'html'
        ? toHtml(issue)
        : toJson(issue)
