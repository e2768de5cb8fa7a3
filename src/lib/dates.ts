/** Date helpers for the weekly-report conventions: "4.15" for an event, "4.16.22" in a period. */

const DAY = 24 * 60 * 60 * 1000

/** Calendar date (UTC) of an ISO string or Date, as a Date at 12:00 UTC to stay clear of zone shifts. */
export const toNoonUTC = (value: string | Date): Date => {
  const d = typeof value === 'string' ? new Date(value) : value
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12))
}

/** "4.15" — month.day, no padding, as the reports print event dates. */
export const dayLabel = (value: string | Date): string => {
  const d = toNoonUTC(value)
  return `${d.getUTCMonth() + 1}.${d.getUTCDate()}`
}

/** "4.15", or for a range "4.15–17" (same month) and "3.30–4.2", with an en dash. */
export const dayRangeLabel = (start: string | Date, end?: string | Date | null): string => {
  if (!end || isoDay(end) === isoDay(start)) return dayLabel(start)
  const [s, e] = [toNoonUTC(start), toNoonUTC(end)]
  return s.getUTCMonth() === e.getUTCMonth() ? `${dayLabel(s)}–${e.getUTCDate()}` : `${dayLabel(s)}–${dayLabel(e)}`
}

/** "4.16.22" — month.day.two-digit year. */
export const shortDateLabel = (value: string | Date): string => {
  const d = toNoonUTC(value)
  return `${dayLabel(d)}.${String(d.getUTCFullYear() % 100).padStart(2, '0')}`
}

/** "4.16.22–4.22.22" with an en dash. */
export const periodLabel = (start: string | Date, end: string | Date): string =>
  `${shortDateLabel(start)}–${shortDateLabel(end)}`

/** "26 March 2023" (translations, special issues). */
export const longDateLabel = (value: string | Date): string =>
  toNoonUTC(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "2024-03-05" */
export const isoDay = (value: string | Date): string => toNoonUTC(value).toISOString().slice(0, 10)

/** The Friday on or after `from` (reports cover Saturday to Friday). */
export const nextPublicationDay = (from: Date = new Date()): Date => {
  const d = toNoonUTC(from)
  const delta = (5 - d.getUTCDay() + 7) % 7
  return new Date(d.getTime() + delta * DAY)
}

/** The seven days ending on the publication day. */
export const defaultPeriod = (publication: string | Date): { start: Date; end: Date } => {
  const end = toNoonUTC(publication)
  return { start: new Date(end.getTime() - 6 * DAY), end }
}

/**
 * Resolve an "M.D" label to a full date inside (or nearest to) a period, so that "12.30" in a
 * report covering 12.28.24–1.3.25 lands in 2024 and "1.2" in 2025.
 */
export const resolveDayInPeriod = (label: string, start: string | Date, end: string | Date): Date => {
  const m = /^(\d{1,2})\.(\d{1,2})$/.exec(label.trim())
  if (!m) throw new Error(`Not a date label "M.D": "${label}"`)
  const month = Number(m[1]) - 1
  const day = Number(m[2])
  if (month < 0 || month > 11 || day < 1 || day > 31) throw new Error(`Not a valid date: "${label}"`)
  const s = toNoonUTC(start)
  const e = toNoonUTC(end)
  const mid = (s.getTime() + e.getTime()) / 2
  const candidates = [e.getUTCFullYear() - 1, e.getUTCFullYear(), e.getUTCFullYear() + 1].map(
    (y) => new Date(Date.UTC(y, month, day, 12)),
  )
  const valid = candidates.filter((c) => c.getUTCMonth() === month)
  if (valid.length === 0) throw new Error(`Not a valid date: "${label}"`)
  return valid.reduce((a, b) => (Math.abs(a.getTime() - mid) <= Math.abs(b.getTime() - mid) ? a : b))
}
