import { escapeHtml } from '../lib/html'
import type { SendReport } from './report'

/** A small inline SVG of human opens and clicks per hour over the first 72 hours (no chart library). */
const OPENS = '#1f77b4'
const CLICKS = '#d95f02'

/**
 * Human opens and clicks per hour over the first 72 hours as an SVG line chart: a legend with the
 * totals, the peak on the value axis, and ticks every 12 hours.
 */
export function hourlyChartSvg(report: SendReport, width = 640, height = 200): string {
  const left = 34
  const right = width - 10
  const top = 28
  const bottom = height - 22
  const max = Math.max(1, ...report.hourly.map((h) => Math.max(h.opens, h.clicks)))
  const last = Math.max(1, report.hourly.length)
  const x = (hour: number) => (left + (hour / last) * (right - left)).toFixed(1)
  const y = (value: number) => (bottom - (value / max) * (bottom - top)).toFixed(1)
  const line = (key: 'opens' | 'clicks') => report.hourly.map((h) => `${x(h.hour)},${y(h[key])}`).join(' ')
  const ticks = [0, 12, 24, 36, 48, 60, 72]
    .filter((hour) => hour <= last)
    .map(
      (hour) =>
        `<line x1="${x(hour)}" y1="${bottom}" x2="${x(hour)}" y2="${bottom + 4}" stroke="#999"/>` +
        `<text x="${x(hour)}" y="${height - 6}" font-size="11" fill="#555" text-anchor="middle">${hour} h</text>`,
    )
    .join('')
  const total = (key: 'opens' | 'clicks') => report.hourly.reduce((sum, h) => sum + h[key], 0)
  const legend = (dx: number, color: string, label: string) =>
    `<rect x="${left + dx}" y="6" width="12" height="12" fill="${color}"/>` +
    `<text x="${left + dx + 17}" y="16" font-size="12" fill="#333">${label}</text>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" role="img" aria-label="Human opens and clicks per hour, first 72 hours">
<title>Human opens and clicks per hour, first 72 hours; peak ${max} an hour</title>
${legend(0, OPENS, `Human opens (${total('opens')})`)}${legend(170, CLICKS, `Human clicks (${total('clicks')})`)}
<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#999"/>
<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#999"/>
<text x="${left - 4}" y="${top + 4}" font-size="11" fill="#555" text-anchor="end">${escapeHtml(String(max))}</text>
<text x="${left - 4}" y="${bottom}" font-size="11" fill="#555" text-anchor="end">0</text>
${ticks}
<polyline fill="none" stroke="${OPENS}" stroke-width="2" points="${line('opens')}"/>
<polyline fill="none" stroke="${CLICKS}" stroke-width="2" points="${line('clicks')}"/>
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
