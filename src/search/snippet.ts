import { isHan, normalize, stem } from './tokenize'

import { escapeHtml } from '../lib/html'

export { escapeHtml }

type Range = [number, number]

const WORD = /[\p{L}\p{N}]+/gu

/** Character ranges of `text` that match the query (words by stem, Han runs verbatim). */
export function matchRanges(text: string, highlights: string[]): Range[] {
  const ranges: Range[] = []
  // Compare on an NFKC + lower-cased copy; fall back to raw lower-case when normalisation changed the length.
  const norm = normalize(text)
  const hay = norm.length === text.length ? norm : text.toLowerCase()
  const stems = new Set(highlights.filter((h) => !isHan(h[0])).map(stem))
  for (const phrase of highlights.filter((h) => isHan(h[0]))) {
    for (let at = hay.indexOf(phrase); at >= 0 && ranges.length < 50; at = hay.indexOf(phrase, at + phrase.length)) {
      ranges.push([at, at + phrase.length])
    }
  }
  if (stems.size) {
    for (const m of hay.matchAll(WORD)) {
      if (ranges.length >= 50) break
      if (!isHan(m[0][0]) && stems.has(stem(m[0]))) ranges.push([m.index, m.index + m[0].length])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: Range[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  return merged
}

/** Escaped HTML of `text` with the given ranges wrapped in <mark>. */
export function markRanges(text: string, ranges: Range[], offset = 0): string {
  let html = ''
  let at = offset
  for (const [start, end] of ranges) {
    if (end <= at) continue
    html +=
      escapeHtml(text.slice(at, Math.max(at, start))) +
      '<mark>' +
      escapeHtml(text.slice(Math.max(at, start), end)) +
      '</mark>'
    at = end
  }
  return html
}

/**
 * A short escaped HTML excerpt around the first match, matches in <mark>. Falls back to the
 * opening of the text when only the title (or hidden fields) matched.
 */
export function snippet(text: string, highlights: string[], width = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const ranges = matchRanges(flat, highlights)
  const first = ranges[0]?.[0] ?? 0
  let start = Math.max(0, first - Math.floor(width / 3))
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start)
    if (space > start - 20 && space >= 0) start = space + 1
  }
  let end = Math.min(flat.length, start + width)
  if (end < flat.length) {
    const space = flat.indexOf(' ', end)
    if (space >= 0 && space < end + 20) end = space
  }
  const window = flat.slice(0, end)
  const inWindow = ranges
    .filter(([s, e]) => s < end && e > start)
    .map(([s, e]): Range => [Math.max(s, start), Math.min(e, end)])
  return (
    (start > 0 ? '… ' : '') +
    markRanges(window, inWindow, start) +
    escapeHtml(window.slice(lastEnd(inWindow, start))) +
    (end < flat.length ? ' …' : '')
  )
}

const lastEnd = (ranges: Range[], start: number) => (ranges.length ? ranges[ranges.length - 1][1] : start)

/** The title with matches marked (escaped). */
export const highlightTitle = (title: string, highlights: string[]): string => {
  const ranges = matchRanges(title, highlights)
  return markRanges(title, ranges) + escapeHtml(title.slice(lastEnd(ranges, 0)))
}
