import { escapeHtml } from '../lib/html'
import type { SendReport } from './report'

/** A small inline SVG of human opens and clicks per hour over the first 72 hours (no chart library). */
export function hourlyChartSvg(report: SendReport, width = 360, height = 120): string {
  const max = Math.max(1, ...report.hourly.map((h) => Math.max(h.opens, h.clicks)))
  const x = (hour: number) => ((hour / (report.hourly.length - 1)) * (width - 10) + 5).toFixed(1)
  const y = (value: number) => (height - 15 - (value / max) * (height - 25)).toFixed(1)
  const line = (key: 'opens' | 'clicks') => report.hourly.map((h) => `${x(h.hour)},${y(h[key])}`).join(' ')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Human opens and clicks per hour, first 72 hours">
<title>Human opens (blue) and clicks (orange) per hour, first 72 hours; peak ${max}</title>
<line x1="5" y1="${height - 15}" x2="${width - 5}" y2="${height - 15}" stroke="#999" stroke-width="1"/>
<polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="${line('opens')}"/>
<polyline fill="none" stroke="#ff7f0e" stroke-width="1.5" points="${line('clicks')}"/>
<text x="5" y="${height - 2}" font-size="9" fill="#666">0 h</text>
<text x="${width - 5}" y="${height - 2}" font-size="9" fill="#666" text-anchor="end">72 h</text>
<text x="5" y="9" font-size="9" fill="#666">${escapeHtml(String(max))}</text>
</svg>`
}

const cell = (value: unknown) => {
  const s = value === null || value === undefined ? '' : String(value)
  // Quote when needed; a leading = + - @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The report as CSV: one metric per row, then one row per link and per hour. */
export function reportCsv(report: SendReport): string {
  const rows: unknown[][] = [
    ['metric', 'key', 'value'],
    ['delivered', '', report.delivered],
    ['bounced', '', report.bounced],
    ['complained', '', report.complained],
    ['unsubscribed', '', report.unsubscribed],
    ['opens', 'human', report.opens.human],
    ['opens', 'machine', report.opens.machine],
    ['opens', 'unique', report.opens.unique],
    ['clicks', 'human', report.clicks.human],
    ['clicks', 'scanner', report.clicks.scanner],
    ['clicks', 'unique', report.clicks.unique],
    ...report.clicks.byLink.map((l) => ['link', l.url, l.human]),
    ...report.clicks.bySection.map((s) => ['section', s.section, s.human]),
    ...report.hourly.map((h) => ['hour', h.hour, `${h.opens}/${h.clicks}`]),
  ]
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** The JSON the CLI prints and the endpoint answers (hourly buckets included). */
export const reportJson = (report: SendReport) => report
