import Table from 'cli-table3'

import { describeExport, type ImportedExport } from './platforms'
import type { ImportedArticle, ImportedReport } from './types'
import type { ImportResult } from './run'

/** What a dry run recognised: issue, sections with item counts, dates, sources and terms. */
export function describeRecognised(r: ImportedReport | ImportedArticle | ImportedExport): string {
  if (r.kind === 'export') return describeExport(r)
  const lines: string[] = []
  if (r.kind === 'article') {
    const i = r.item
    lines.push(
      `article: ${i.headline}`,
      `  original title: ${i.originalTitle ?? '—'}`,
      `  date: ${i.date}  source: ${i.sources.join(', ')}`,
    )
    lines.push(
      `  url: ${i.articleUrl ?? '—'}`,
      `  credit: ${i.credit ?? '—'}`,
      `  paragraphs: ${i.body.length}  excerpt: ${i.excerpt ? 'yes' : 'no'}`,
    )
    lines.push(`  terms: ${i.terms.map((t) => `${t.english} (${t.original})`).join(', ') || '—'}`)
  } else {
    const items = r.sections.flatMap((s) => s.items)
    lines.push(
      `issue ${r.volume}-${r.number}: ${r.title} ${r.volume}|${r.number}, period ${r.periodStart} to ${r.periodEnd}`,
    )
    lines.push(
      `highlights: ${r.highlights.length}${r.highlights.map((h) => `\n  → ${h.section ?? '(no section)'}`).join('')}`,
    )
    lines.push(`sections: ${r.sections.length}`)
    for (const s of r.sections) {
      lines.push(`  ${s.name} (${s.style}, ${s.items.length} item${s.items.length === 1 ? '' : 's'})`)
      for (const i of s.items)
        lines.push(`    ${i.date ?? 'no date'}  ${i.headline ?? truncate(String(i.body[0] ?? ''), 70)}`)
    }
    const sources = [...new Set(items.flatMap((i) => i.sources))]
    const terms = new Map([...items.flatMap((i) => i.terms), ...r.highlightTerms].map((t) => [t.original, t]))
    lines.push(`sources: ${sources.join(', ') || '—'}`)
    lines.push(
      `terms: ${terms.size}${[...terms.values()].map((t) => `\n  ${t.english} (${t.original})${t.kind === 'person' ? ' [person]' : ''}`).join('')}`,
    )
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`)
  return lines.join('\n')
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** The end-of-run table: file, issue, items, terms, warnings. */
export function summaryTable(results: ImportResult[]): string {
  const table = new Table({ head: ['file', 'issue', 'items', 'terms', 'warnings'], style: { head: [], border: [] } })
  for (const r of results) {
    const terms = r.written
      ? `${r.written.terms} (${r.written.newTerms} new)`
      : r.recognised
        ? String(countTerms(r.recognised))
        : '—'
    table.push([
      r.file,
      r.ok
        ? `${r.written?.issue ?? (r.recognised?.kind === 'report' ? `${r.recognised.volume}-${r.recognised.number}` : '—')}${r.written ? ` (${r.written.status})` : ' (dry run)'}`
        : 'FAILED',
      r.written ? String(r.written.items) : r.recognised ? String(countItems(r.recognised)) : '—',
      terms,
      r.ok ? String(r.warnings.length) : truncate(r.error ?? '', 60),
    ])
  }
  return table.toString()
}

const countItems = (r: ImportedReport | ImportedArticle | ImportedExport) =>
  r.kind === 'export' ? r.posts.length : r.kind === 'article' ? 1 : r.sections.reduce((n, s) => n + s.items.length, 0)
const countTerms = (r: ImportedReport | ImportedArticle | ImportedExport) =>
  r.kind === 'export'
    ? new Set(r.posts.flatMap((p) => p.terms.map((t) => t.original))).size
    : r.kind === 'article'
      ? r.item.terms.length
      : new Set(
          [...r.sections.flatMap((s) => s.items.flatMap((i) => i.terms)), ...r.highlightTerms].map((t) => t.original),
        ).size
