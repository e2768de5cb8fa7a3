import Table from 'cli-table3'

import { describeExport, type ImportedExport } from './platforms'
import type { ImportedArticle, ImportedReport, ImportedSpecial, Recognised, RoledBlock } from './types'
import type { ImportResult } from './run'

/** One translated article (or one post of a listing), indented by `pad`. */
function describeArticle(r: ImportedArticle, pad = ''): string[] {
  const i = r.item
  return [
    `${pad}article: ${i.headline}${i.isExcerpt ? ' [excerpt]' : ''}`,
    `${pad}  original title: ${i.originalTitle ?? '—'}`,
    `${pad}  date: ${i.date ?? '—'}  source: ${i.sources.join(', ') || '—'}`,
    `${pad}  url: ${i.articleUrl ?? '—'}`,
    `${pad}  credit: ${i.credit ?? '—'}`,
    `${pad}  paragraphs: ${i.body.length}  Chinese excerpt: ${i.excerpt ? 'yes' : 'no'}${i.pairs ? `  aligned pairs: ${i.pairs.length}` : ''}`,
    `${pad}  terms: ${i.terms.map((t) => `${t.english} (${t.original})`).join(', ') || '—'}`,
  ]
}

function describeReport(r: ImportedReport): string[] {
  const lines: string[] = []
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
  return lines
}

function describeSpecial(r: ImportedSpecial): string[] {
  const lines = [`special issue: ${r.title}${r.subtitle ? `: ${r.subtitle}` : ''}`]
  lines.push(`publisher: ${r.publisherLine ?? '—'}`, `date groups: ${r.groups.length}`)
  for (const g of r.groups) {
    lines.push(
      `  ${g.heading} (${g.date ?? 'no date'}, ${g.entries.length} entr${g.entries.length === 1 ? 'y' : 'ies'})`,
    )
    for (const e of g.entries) {
      lines.push(`    ${e.headline} (${e.body.length} paragraph(s))`)
      for (const p of e.photos) lines.push(`      photo: ${truncate(p.caption, 60)} (${p.credit ?? 'no credit'})`)
    }
  }
  return lines
}

/** Every source block with its role: "    12  headline         Xi Jinping: …". */
export function describeBlocks(blocks: RoledBlock[] = []): string {
  const rows = blocks.map((b) => `${String(b.line).padStart(6)}  ${b.role.padEnd(15)}  ${truncate(b.text, 90)}`)
  return ['blocks (line, role, text):', ...rows].join('\n')
}

/**
 * The stable `--json` shape (docs/import-export.md): `{ version: 1, files: [...] }`, one entry per
 * file in the order given.
 */
export function resultsJson(results: ImportResult[], dryRun: boolean): string {
  const files = results.map((r) => ({
    file: r.file,
    ok: r.ok,
    dryRun,
    ...(r.format ? { format: r.format } : {}),
    ...(r.profile ? { profile: r.profile } : {}),
    ...(r.error ? { error: r.error } : {}),
    warnings: r.warnings,
    ...(r.recognised ? { recognised: r.recognised } : {}),
    ...(r.written ? { written: r.written } : {}),
  }))
  return JSON.stringify({ version: 1, files }, null, 2)
}

/** What a dry run recognised: issue, sections with item counts, dates, sources and terms; or the articles. */
export function describeRecognised(r: Recognised | ImportedExport): string {
  if (r.kind === 'export') return describeExport(r)
  const lines =
    r.kind === 'article'
      ? describeArticle(r)
      : r.kind === 'listing'
        ? [`posts: ${r.posts.length}`, ...r.posts.flatMap((p) => describeArticle(p, '  '))]
        : r.kind === 'special'
          ? describeSpecial(r)
          : describeReport(r)
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
        ? `${r.written?.kind === 'translations' ? 'translations' : (r.written?.issue ?? (r.recognised?.kind === 'report' ? `${r.recognised.volume}-${r.recognised.number}` : '—'))}${r.written ? ` (${r.written.status})` : ' (dry run)'}`
        : 'FAILED',
      r.written ? String(r.written.items) : r.recognised ? String(countItems(r.recognised)) : '—',
      terms,
      r.ok ? String(r.warnings.length) : truncate(r.error ?? '', 60),
    ])
  }
  return table.toString()
}

const countItems = (r: Recognised | ImportedExport): number =>
  r.kind === 'special'
    ? r.groups.reduce((n, g) => n + g.entries.length, 0)
    : r.kind === 'export' || r.kind === 'listing'
      ? r.posts.length
      : r.kind === 'article'
        ? 1
        : r.sections.reduce((n, s) => n + s.items.length, 0)
const countTerms = (r: Recognised | ImportedExport): number =>
  r.kind === 'special'
    ? 0
    : r.kind === 'export'
      ? new Set(r.posts.flatMap((p) => p.terms.map((t) => t.original))).size
      : r.kind === 'article'
        ? r.item.terms.length
        : r.kind === 'listing'
          ? new Set(r.posts.flatMap((p) => p.item.terms.map((t) => t.original))).size
          : new Set(
              [...r.sections.flatMap((s) => s.items.flatMap((i) => i.terms)), ...r.highlightTerms].map(
                (t) => t.original,
              ),
            ).size
