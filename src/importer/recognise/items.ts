import { dayRangeLabel, isoDay, periodLabel, resolveDayInPeriod } from '../../lib/dates'
import { ImportError, type Block, type ImportedItem } from '../types'
import { outletKey, outletsInText, splitHeadlineOutlets } from './outlets'
import { findTerms, uniqueTerms } from './terms'

/** All words of an item: headline and every paragraph and list item. */
export const itemText = (item: ImportedItem): string =>
  [item.headline ?? '', ...item.body.map((b) => (typeof b === 'string' ? b : b.items.join('\n')))].join('\n')

/** Append a block to an item's body, growing the current list when list items follow each other. */
export function appendBody(item: ImportedItem, block: Block): void {
  if (block.kind !== 'list-item') {
    item.body.push(block.text)
    return
  }
  const kind = block.ordered === false ? 'bullet' : 'number'
  const last = item.body[item.body.length - 1]
  if (last && typeof last !== 'string' && last.list === kind) last.items.push(block.text)
  else item.body.push({ list: kind, items: [block.text] })
}

/** "3.5" → ISO day inside the period (across a year boundary too); errors name the line. */
export function resolveDate(label: string, start: string, end: string, line: number): string {
  try {
    return isoDay(resolveDayInPeriod(label, start, end))
  } catch {
    throw new ImportError(`"${label}" is not a valid event date (month.day)`, line)
  }
}

/** Fill sources (outlets trailing the headline, outlets named in the text) and glossary terms. */
export function finishItem(item: ImportedItem, outlets: string[]): ImportedItem {
  const sources: string[] = []
  // "… Dynamic Zero People’s Daily": the outlet becomes a source and leaves the headline (the
  // exporter prints uncited sources after the headline again, src/exporter/formats.ts).
  if (item.headline) {
    const split = splitHeadlineOutlets(item.headline, outlets)
    item.headline = split.headline
    sources.push(...split.outlets)
  }
  sources.push(...item.sources, ...outletsInText(itemText(item), outlets))
  const seen = new Set<string>()
  item.sources = sources.filter((s) => !seen.has(outletKey(s)) && seen.add(outletKey(s)))
  item.terms = uniqueTerms(findTerms(itemText(item)))
  return item
}

/**
 * The date fields of a dated paragraph's label ("4.15", "4.15-17", "3.30-4.2"): the start, the end
 * of a range, and the label as the web prints it ("4.15–17"). A date outside the period is kept,
 * with a warning.
 */
export function itemDates(
  start: string,
  end: string | undefined,
  period: { periodStart: string; periodEnd: string },
  line: number,
  warnings: string[],
): Pick<ImportedItem, 'date' | 'dateEnd' | 'dateLabel'> {
  const date = resolveDate(start, period.periodStart, period.periodEnd, line)
  const endLabel = end && (end.includes('.') ? end : `${start.split('.')[0]}.${end}`)
  const dateEnd = endLabel ? resolveDate(endLabel, period.periodStart, period.periodEnd, line) : undefined
  if (dateEnd && dateEnd < date) throw new ImportError(`the date range "${start}-${end}" ends before it starts`, line)
  const dateLabel = dayRangeLabel(date, dateEnd)
  if (date < period.periodStart || (dateEnd ?? date) > period.periodEnd)
    warnings.push(`dated ${dateLabel}, outside the period ${periodLabel(period.periodStart, period.periodEnd)}`)
  return { date, ...(dateEnd ? { dateEnd } : {}), dateLabel }
}
