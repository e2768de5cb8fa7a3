import {
  ImportError,
  type Block,
  type ImportedEntry,
  type ImportedEntryGroup,
  type ImportedSpecial,
  type Role,
} from '../types'
import { SENTENCE_END } from './patterns'

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
/** "China Insight, Special Issue on …": the title line of a special issue. */
const SPECIAL_TITLE = /^(.*?)[,:–—-]?\s*(Special Issue\b.*)$/i
/** "March 5", "5 March", "March 5, 2024": a date heading. */
const DATE_HEADING = /^(?:([A-Z][a-z]+)\.? (\d{1,2})|(\d{1,2}) ([A-Z][a-z]+)\.?)(?:,? (\d{4}))?$/
/** A photo caption ending with its credit in brackets: "… March 5, 2024 (XINHUA)", "… (Photo by Jo Poe)". */
const CAPTION = /^(.*\S)\s*\(((?:[A-Z][A-Z0-9 .&/'’-]{1,60})|(?:Photo(?:graph)?(?: by)?[:\s][^()]{1,60}))\)\s*$/
/** Navigation and footer runs at the end of a saved page. */
const TRAILING_CHROME = /^(?:Related\b.*|.*\s\|\s.*|Copyright\b.*|©.*)$/i
const YEAR = /\b(19\d\d|20\d\d)\b/

const monthOf = (name: string) => MONTH_NAMES.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)))
const isDateHeading = (b: Block) => {
  const m = DATE_HEADING.exec(b.text.trim())
  return Boolean(m && monthOf(m[1] ?? m[4]) >= 0)
}
const isHeadline = (b: Block) => !SENTENCE_END.test(b.text) && b.text.length <= 200 && !CAPTION.test(b.text)
/** Column parts of a line laid out with runs of spaces ("Publisher       MAGAZINE"). */
const parts = (text: string) =>
  text
    .split(/\s{3,}|\u00a0{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)

/** True when the page is a special issue: a "Special Issue" title near the top and a date heading. */
export const looksLikeSpecial = (blocks: Block[]): boolean =>
  blocks.slice(0, 10).some((b) => SPECIAL_TITLE.test(parts(b.text)[0] ?? '')) && blocks.some(isDateHeading)

function groupDate(b: Block, year: number | undefined): string | undefined {
  const m = DATE_HEADING.exec(b.text.trim())!
  const y = m[5] ? Number(m[5]) : year
  const month = monthOf(m[1] ?? m[4])
  const day = Number(m[2] ?? m[3])
  const d = y ? new Date(Date.UTC(y, month, day, 12)) : undefined
  return d && d.getUTCDate() === day ? d.toISOString().slice(0, 10) : undefined
}

/** The trailing run of navigation and footer lines, from the first "Related:"-like line on. */
function trailingChrome(blocks: Block[]): number {
  let cut = blocks.length
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]
    if (TRAILING_CHROME.test(b.text)) cut = i
    else if (!(isHeadline(b) && b.text.length <= 60 && !isDateHeading(b))) break
  }
  return cut
}

type Walk = { special: ImportedSpecial; group?: ImportedEntryGroup; entry?: ImportedEntry; year?: number }

const mark = (w: Walk, b: Block, role: Role): void => {
  w.special.blocks.push({ line: b.line, text: b.text, role })
}

function step(w: Walk, b: Block): void {
  const { special } = w
  if (isDateHeading(b)) {
    w.group = { heading: b.text.trim(), date: groupDate(b, w.year), entries: [], line: b.line }
    w.entry = undefined
    special.groups.push(w.group)
    return mark(w, b, 'section-heading')
  }
  if (!w.group) {
    special.intro.push(b.text)
    return mark(w, b, 'body')
  }
  const caption = CAPTION.exec(b.text)
  if (caption && w.entry) {
    w.entry.photos.push({ caption: caption[1].replace(/[\s.]+$/, ''), credit: caption[2].trim(), line: b.line })
    return mark(w, b, 'credit')
  }
  if (isHeadline(b)) {
    w.entry = { headline: b.text.trim(), body: [], photos: [], line: b.line }
    w.group.entries.push(w.entry)
    return mark(w, b, 'headline')
  }
  if (!w.entry) {
    w.entry = {
      headline: b.text.length > 80 ? `${b.text.slice(0, 80).replace(/\s+\S*$/, '')}…` : b.text,
      body: [],
      photos: [],
      line: b.line,
    }
    w.group.entries.push(w.entry)
    special.warnings.push(
      `line ${b.line}: text under "${w.group.heading}" before any headline: its first words stand in`,
    )
  }
  w.entry.body.push(b.text)
  mark(w, b, 'body')
}

/**
 * A special issue page: publisher lines, the "… Special Issue on …" title, then date headings
 * ("March 5"), each with entries (a headline and paragraphs) and photo captions ending with their
 * credit ("… (XINHUA)"). Navigation and footer lines at the end are chrome.
 */
export function recogniseSpecial(blocks: Block[]): ImportedSpecial {
  const titleIndex = blocks.findIndex((b) => SPECIAL_TITLE.test(parts(b.text)[0] ?? ''))
  if (titleIndex < 0)
    throw new ImportError(
      'not a special issue: no title line like "China Insight, Special Issue on …"',
      blocks[0]?.line,
    )
  const titleBlock = blocks[titleIndex]
  const [titleText, ...titleRest] = parts(titleBlock.text)
  const m = SPECIAL_TITLE.exec(titleText)!
  const publisher = [...blocks.slice(0, titleIndex).flatMap((b) => parts(b.text)), ...titleRest]
  const end = trailingChrome(blocks)
  const special: ImportedSpecial = {
    kind: 'special',
    title: m[1].trim() || 'Special Issue',
    subtitle: m[2].trim(),
    ...(publisher.length ? { publisherLine: publisher.join(' · ') } : {}),
    intro: [],
    groups: [],
    titleLine: titleBlock.line,
    warnings: [],
    blocks: blocks.slice(0, titleIndex + 1).map((b, i) => ({
      line: b.line,
      text: b.text,
      role: i === titleIndex ? 'header' : 'credit',
    })),
  }
  const yearFrom = blocks.slice(0, end).find((b) => YEAR.test(b.text))
  const w: Walk = { special, year: yearFrom ? Number(YEAR.exec(yearFrom.text)![1]) : undefined }
  blocks.slice(titleIndex + 1, end).forEach((b) => step(w, b))
  for (const b of blocks.slice(end)) special.blocks.push({ line: b.line, text: b.text, role: 'chrome' })
  if (!special.groups.some((g) => g.entries.length))
    throw new ImportError('the special issue has no entries under a date heading ("March 5")', titleBlock.line)
  for (const g of special.groups) {
    if (!g.date) special.warnings.push(`line ${g.line}: no year found for "${g.heading}": the group has no date`)
    if (!g.entries.length) special.warnings.push(`line ${g.line}: date group "${g.heading}" has no entries`)
  }
  return special
}
