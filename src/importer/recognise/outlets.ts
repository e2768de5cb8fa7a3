import { foldCase } from '../../lib/phrases'

/** Outlets recognised in headlines and text, in addition to the sources already in the database. */
export const KNOWN_OUTLETS = [
  'People’s Daily',
  'Qiushi',
  'Xinhua',
  'Guangming Daily',
  'Economic Daily',
  'PLA Daily',
  'China Daily',
  'Global Times',
  'CCTV',
  'Study Times',
  'Seeking Truth',
  'China Youth Daily',
  'Legal Daily',
  'Workers’ Daily',
  'Red Flag Manuscript',
  'CCDI website',
  'China Discipline Inspection and Supervision News',
  'Party Building',
  'The Paper',
]

export const outletKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()

/** Case and apostrophe folding that keeps every character in place (see src/lib/phrases.ts). */
const fold = (s: string) => foldCase(s).replace(/[’‘]/g, "'")

/**
 * Split a trailing outlet off a headline: "… of the Sessions People’s Daily" → headline and
 * ["People’s Daily"]. Several outlets may trail; each is removed.
 */
export function splitHeadlineOutlets(headline: string, outlets: string[]): { headline: string; outlets: string[] } {
  const names = outlets.map(fold).filter(Boolean)
  let rest = headline.trim()
  const found: string[] = []
  for (let changed = true; changed;) {
    changed = false
    const folded = fold(rest)
    for (const name of names) {
      if (!folded.endsWith(name)) continue
      const before = rest.slice(0, rest.length - name.length)
      const head = before.trimEnd()
      if (head.length === before.length || head.length <= 3) continue
      found.unshift(rest.slice(head.length).trim())
      rest = head.trim()
      changed = true
      break
    }
  }
  return { headline: rest, outlets: found }
}

const WORD = /\w/
/** A \b boundary at `i` of `text`. */
const boundary = (text: string, i: number) => WORD.test(text[i - 1] ?? '') !== WORD.test(text[i] ?? '')
const CITED_AFTER = /^(?:\s+\w+)?\s+(?:published|reported|carried|ran|released|issued)\b/
const CITED_BEFORE = /(?:according to (?:a |an |the )?|\bin )$/

/**
 * Whether the outlet at [start, end) of the folded text is cited as a source there ("a Xinhua
 * commentator" counts only with `commentator`).
 */
function citedAt(text: string, start: number, end: number, commentator = true): boolean {
  const after = text.slice(end, end + 200)
  if (boundary(text, start) && (CITED_AFTER.test(after) || (commentator && /^ commentator\b/.test(after)))) return true
  return boundary(text, end) && CITED_BEFORE.test(text.slice(Math.max(0, start - 30), start))
}

/** Outlets the text names as its source: "Qiushi published …", "according to Xinhua", "Xinhua reported". */
export function outletsInText(text: string, outlets: string[], { commentator = true } = {}): string[] {
  const folded = fold(text)
  const found: string[] = []
  for (const outlet of outlets) {
    const name = fold(outlet)
    if (!name) continue
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
      if (citedAt(folded, at, at + name.length, commentator)) {
        found.push(text.slice(at, at + name.length))
        break
      }
    }
  }
  return found
}
