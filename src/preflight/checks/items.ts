import { blocksToText, toBlocks } from '../../content/richtext'
import { isoDay } from '../../lib/dates'
import { itemName, type PreflightIssue, type PreflightItem, type Problem } from '../types'

const PLACEHOLDERS: Array<{ pattern: RegExp; word: string }> = [
  { pattern: /\bTK\b/, word: 'TK' },
  { pattern: /\bTODO\b/, word: 'TODO' },
  { pattern: /\bXXX\b/, word: 'XXX' },
]
/** "[…]" marks an elision inside a quotation as well as a gap left to fill: a warning, not a block. */
const GAP = /\[\s*(?:…|\.\.\.)\s*\]/

/** Longer than this, a brief is no longer "one line". */
export const BRIEF_MAX_CHARS = 320

const bodyText = (item: PreflightItem) => blocksToText(toBlocks(item.body)).trim()
const dateKey = (value: unknown) =>
  typeof value === 'string' && value && !Number.isNaN(Date.parse(value)) ? isoDay(value) : undefined
const isBrief = (item: PreflightItem) => item.sectionStyle === 'brief'
const where = (item: PreflightItem) => ({ item: item.id, ...(item.section ? { section: sectionOf(item) } : {}) })
const sectionOf = (item: PreflightItem) => {
  const s = item.section as { id?: number | string } | number | string
  return typeof s === 'object' && s ? s.id : s
}

/** Placeholder text left in the headline or body ("TK", "TODO", "XXX"; "[…]" as a warning). */
export function placeholders(item: PreflightItem): Problem[] {
  const text = `${item.headline ?? ''}\n${bodyText(item)}`
  const found = PLACEHOLDERS.filter((p) => p.pattern.test(text)).map((p) => p.word)
  const out: Problem[] = []
  if (found.length)
    out.push({
      code: 'placeholder',
      severity: 'block',
      message: `${itemName(item)} still contains placeholder text: ${found.join(', ')}.`,
      ...where(item),
    })
  if (GAP.test(text))
    out.push({
      code: 'placeholder-gap',
      severity: 'warn',
      message: `${itemName(item)} contains "[…]": fill it in if it marks a gap.`,
      ...where(item),
    })
  return out
}

/** An item with neither headline nor body. */
export function emptyItem(item: PreflightItem): Problem[] {
  if ((item.headline ?? '').trim() || bodyText(item)) return []
  return [{ code: 'empty-item', severity: 'block', message: `${itemName(item)} is empty.`, ...where(item) }]
}

/** A brief is one line: one paragraph without line breaks, at most BRIEF_MAX_CHARS characters. */
export function longBrief(item: PreflightItem): Problem[] {
  if (!isBrief(item)) return []
  const text = bodyText(item)
  if (!/\n/.test(text) && text.length <= BRIEF_MAX_CHARS) return []
  return [
    {
      code: 'brief-too-long',
      severity: 'warn',
      message: `The brief ${itemName(item)} is longer than one line (${text.length} characters${/\n/.test(text) ? ', several lines' : ''}).`,
      ...where(item),
    },
  ]
}

/** A full item needs an event date (block) and a source (warn). */
export function sourceAndDate(item: PreflightItem): Problem[] {
  const out: Problem[] = []
  if (!item.date)
    out.push({
      code: 'missing-date',
      severity: 'block',
      message: `${itemName(item)} has no event date.`,
      ...where(item),
    })
  if (!isBrief(item) && !(item.sources ?? []).length)
    out.push({ code: 'missing-source', severity: 'warn', message: `${itemName(item)} has no source.`, ...where(item) })
  return out
}

/** The event date (or its range) falls outside the issue's period. */
export function dateInPeriod(item: PreflightItem, issue: PreflightIssue): Problem[] {
  const start = dateKey(issue.periodStart)
  const end = dateKey(issue.periodEnd)
  const first = dateKey(item.date)
  const last = dateKey(item.dateEnd) ?? first
  if (!start || !end || !first || !last || (first >= start && last <= end)) return []
  return [
    {
      code: 'date-outside-period',
      severity: 'warn',
      message: `${itemName(item)} is dated ${first}, outside the issue's period ${start} to ${end}.`,
      ...where(item),
    },
  ]
}

/** Publishing needs every item `approved` (assignments and review). */
export function notApproved(item: PreflightItem): Problem[] {
  if (item.status === 'approved') return []
  return [
    {
      code: 'item-not-approved',
      severity: 'block',
      message: `${itemName(item)} is not approved (status: ${item.status ?? 'unassigned'}).`,
      ...where(item),
    },
  ]
}
