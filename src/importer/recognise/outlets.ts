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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")

/**
 * Split a trailing outlet off a headline: "… of the Sessions People’s Daily" → headline and
 * ["People’s Daily"]. Several outlets may trail; each is removed.
 */
export function splitHeadlineOutlets(headline: string, outlets: string[]): { headline: string; outlets: string[] } {
  let rest = headline.trim()
  const found: string[] = []
  let changed = true
  while (changed) {
    changed = false
    for (const outlet of outlets) {
      const re = new RegExp(`^(.*\\S)\\s+${escape(outlet)}$`, 'i')
      const m = re.exec(rest)
      if (m && m[1].length > 3) {
        found.unshift(rest.slice(m[1].length).trim())
        rest = m[1].trim()
        changed = true
        break
      }
    }
  }
  return { headline: rest, outlets: found }
}

/** Outlets the text names as its source: "Qiushi published …", "according to Xinhua", "Xinhua reported". */
export function outletsInText(text: string, outlets: string[]): string[] {
  const found: string[] = []
  for (const outlet of outlets) {
    const name = escape(outlet)
    const re = new RegExp(
      `(?:\\b${name}(?:\\s+\\w+)?\\s+(?:published|reported|carried|ran|released|issued)\\b|according to (?:a |an |the )?${name}\\b|\\b${name} commentator\\b|\\bin ${name}\\b)`,
      'i',
    )
    const m = re.exec(text)
    if (m) {
      const exact = new RegExp(name, 'i').exec(m[0])
      found.push(exact ? exact[0] : outlet)
    }
  }
  return found
}
