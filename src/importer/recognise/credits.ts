import type { Credit } from '../types'

const NAME = /[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4}/
const ROLE_WORDS: Array<[RegExp, Credit['role']]> = [
  [/\bintroduc/i, 'introduction'],
  [/\btranslat/i, 'translator'],
  [/\bedit/i, 'editor'],
]

/** "Jane Roe and Jo Poe, who …" → ["Jane Roe", "Jo Poe"]. */
function people(text: string): string[] {
  const head = text.split(/,\s*who\b|[.;(]/)[0]
  return head
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((p) => NAME.exec(p.trim())?.[0])
    .filter((p): p is string => Boolean(p))
}

/**
 * The credits a credit line gives, each person with a role: "Introduction and Translation by Adam
 * Ni" → introduction and translator; "Translated by X", "Translation: X", "It was kindly translated by
 * X, who …" → translator; "Edited by X" → editor.
 */
export function readCredits(line: string): Credit[] {
  const m = /^(.*?)\b(?:by|[:：])\s+(.+)$/i.exec(line.trim())
  if (!m) return []
  const label = m[1].split(/[.!?]\s/).at(-1) ?? m[1]
  const roles = ROLE_WORDS.filter(([re]) => re.test(label)).map(([, role]) => role)
  const names = people(m[2])
  return names.flatMap((person) => (roles.length ? roles : (['translator'] as const)).map((role) => ({ person, role })))
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** "Update 26 March: …", "Update, March 26, 2020: …": the date label and the note. */
const UPDATE_NOTE = /^Updated?\s*,?\s+(\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})(,? \d{4})?\s*[:：]\s*(\S.*)$/

/** An update note's date label and text; undefined when the paragraph is not one. */
export function readUpdateNote(text: string): { label: string; text: string } | undefined {
  const m = UPDATE_NOTE.exec(text.trim())
  return m ? { label: `${m[1]}${m[2] ?? ''}`.replace(',', ''), text: m[3] } : undefined
}

/** "26 March" or "March 26 2020" → ISO day, the year from the label or `year`; undefined when unknown. */
export function noteDate(label: string, year?: number): string | undefined {
  const m = /^(?:(\d{1,2}) ([A-Za-z]+)|([A-Za-z]+) (\d{1,2}))(?: (\d{4}))?$/.exec(label)
  if (!m) return undefined
  const month = MONTHS.indexOf((m[2] ?? m[3]).slice(0, 3).toLowerCase())
  const day = Number(m[1] ?? m[4])
  const y = m[5] ? Number(m[5]) : year
  if (month < 0 || !y) return undefined
  const d = new Date(Date.UTC(y, month, day, 12))
  return d.getUTCDate() === day ? d.toISOString().slice(0, 10) : undefined
}

/** "This is a translation of …", "The following is …": a paragraph introducing the translation. */
export const INTRODUCTION =
  /^(?:This (?:is|article|document|text|translation|piece)|The following|The full text|The original (?:text|article)|Below is|What follows)\b/i
