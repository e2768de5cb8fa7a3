import { ImportError, type Block, type ImportedArticle, type ImportedItem, type Role } from '../types'
import { INTRODUCTION, noteDate, readCredits, readUpdateNote } from './credits'
import { appendBody, finishItem } from './items'
import { KNOWN_OUTLETS, outletKey } from './outlets'
import { HAN, SENTENCE_END } from './patterns'

const SOURCE_LINE = /^Source\s*[:：]\s*(.+)$/i
const URL_LINE = /^(?:(?:URL|Link|Original)\s*[:：]\s*)?(https?:\/\/\S+)$/i
/** "Introduction and Translation by X", "Translated by X", "Translation: X", "It was kindly translated by X, who …". */
const CREDIT_LINE =
  /^(?:(?:(?:Introduction|Summary|Commentary) and )?(?:Translation|Translated|Introduction|Summary) by\s+\S.*|(?:Translation|Translator|Translated by)\s*[:：]\s*\S.*)$/i
const CREDIT_SENTENCE = /\b(?:kindly )?translated by [A-Z]/
const AUTHOR_LINE = /^By [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4}$/
const EXCERPT_MARK = /^(?:Excerpt in Chinese|Chinese excerpt|Chinese original|Original text|Chinese text)\s*[:：]?\s*$/i
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const LONG_DATE = /([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})/

export const hanShare = (text: string): number => {
  const letters = text.replace(/[\s\p{P}\d]/gu, '')
  return letters ? [...letters].filter((c) => HAN.test(c)).length / [...letters].length : 0
}
const isChinese = (b: Block) => hanShare(b.text) >= 0.5

/** "April 1, 2020", "1 April 2020" or "2020-04-01" → ISO day; undefined when it is not a real date. */
export function parseLongDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const md = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(value)
  const dm = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(value)
  const [y, m, d] = iso
    ? [+iso[1], +iso[2] - 1, +iso[3]]
    : md
      ? [+md[3], MONTHS.indexOf(md[1].slice(0, 3).toLowerCase()), +md[2]]
      : dm
        ? [+dm[3], MONTHS.indexOf(dm[2].slice(0, 3).toLowerCase()), +dm[1]]
        : [0, -1, 0]
  const date = new Date(Date.UTC(y, m, d, 12))
  return m >= 0 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : undefined
}

/** "Xinhua, April 1, 2020, http://…", "http://…", "Xinhua" → outlet, date and URL, each optional. */
export function readSource(value: string) {
  const url = /(https?:\/\/\S+)/.exec(value)?.[1]
  const rest = value.replace(/(https?:\/\/\S+)/, '').trim()
  const date = LONG_DATE.exec(rest)?.[1]
  const outlet = rest
    .replace(date ?? '\u0000', '')
    .replace(/[\s,;]+$/, '')
    .replace(/^[\s,;]+/, '')
  return { url, date, outlet: outlet || undefined }
}

/** True when the blocks look like a single translated article ("Source: …" somewhere). */
export const looksLikeArticle = (blocks: Block[]): boolean => blocks.some((b) => SOURCE_LINE.test(b.text))

type State = { item: ImportedItem; roles: Role[]; excerpt: string[]; inExcerpt: boolean; warnings: string[] }

/** The role of one block, by what it is; fills the item as it goes. */
function classify(s: State, b: Block, outlets: string[]): Role {
  const { item } = s
  const source = SOURCE_LINE.exec(b.text)
  if (source) {
    const found = readSource(source[1])
    if (found.outlet) item.sources.push(found.outlet)
    if (found.date) item.date = parseLongDate(found.date) ?? item.date
    if (found.url && !item.articleUrl) item.articleUrl = found.url
    s.inExcerpt = false
    return found.outlet || found.date ? 'source' : 'url'
  }
  const url = URL_LINE.exec(b.text)
  if (url) {
    item.articleUrl ??= url[1]
    return 'url'
  }
  if (CREDIT_LINE.test(b.text) || (CREDIT_SENTENCE.test(b.text) && b.text.length < 400)) {
    item.credit ??= b.text
    item.credits = [...(item.credits ?? []), ...readCredits(b.text)]
    return 'credit'
  }
  if (EXCERPT_MARK.test(b.text)) {
    s.inExcerpt = true
    if (/excerpt/i.test(b.text)) item.originalIsExcerpt = true
    return 'excerpt'
  }
  if (isChinese(b)) {
    const early = !item.body.length && !item.originalTitle && !s.inExcerpt
    if (early && b.text.length <= 80 && !/[。！？]$/.test(b.text)) {
      item.originalTitle = b.text
      return 'original-title'
    }
    s.excerpt.push(b.text)
    return 'excerpt'
  }
  s.inExcerpt = false
  const date = LONG_DATE.exec(b.text)
  if (date && date[1].length >= b.text.length - 2 && parseLongDate(date[1])) {
    item.date ??= parseLongDate(date[1])
    return 'date-line'
  }
  if (AUTHOR_LINE.test(b.text)) {
    item.credit ??= b.text
    item.originalAuthors = [...(item.originalAuthors ?? []), b.text.replace(/^By\s+/, '')]
    return 'credit'
  }
  if (outlets.some((o) => outletKey(o) === outletKey(b.text))) {
    item.sources.push(b.text)
    return 'source'
  }
  if (!item.headline && !item.body.length && !SENTENCE_END.test(b.text) && b.text.length <= 200) {
    item.headline = headlineWithoutOutlet(b.text, outlets, item)
    return 'headline'
  }
  return bodyPart(item, b)
}

/** A body block: an update note, a paragraph introducing the translation, or the translation. */
function bodyPart(item: ImportedItem, b: Block): Role {
  const note = b.kind === 'paragraph' ? readUpdateNote(b.text) : undefined
  if (note) {
    item.updateNotes = [...(item.updateNotes ?? []), { ...note, line: b.line }]
    return 'date-line'
  }
  if (!item.body.length && b.kind === 'paragraph' && INTRODUCTION.test(b.text)) {
    item.introduction = [...(item.introduction ?? []), b.text]
    return 'body'
  }
  appendBody(item, b)
  return 'body'
}

/** Date the update notes: the year from the note, else from `fallback` (the post's or the original's date). */
export function dateUpdateNotes(item: ImportedItem, warnings: string[]): void {
  const fallback = item.postedAt ?? item.date
  for (const n of item.updateNotes ?? []) {
    n.date ??= noteDate(n.label, fallback ? Number(fallback.slice(0, 4)) : undefined)
    if (!n.date) warnings.push(`line ${n.line}: update note "${n.label}" has no year to date it by; it was left out`)
  }
}

/** "People’s Daily: Hold Fast" → the outlet is a source and leaves the headline. */
function headlineWithoutOutlet(text: string, outlets: string[], item: ImportedItem): string {
  const m = /^([^:：]{2,40})[:：]\s*(\S.*)$/.exec(text)
  const outlet = m && outlets.find((o) => outletKey(o) === outletKey(m[1]))
  if (!m || !outlet) return text
  item.sources.push(m[1].trim())
  return m[2]
}

/** English paragraphs each followed by their Chinese: aligned pairs for the bilingual view. */
function alignedPairs(blocks: Block[], roles: Role[]): Array<{ en: string; zh: string }> {
  const pairs: Array<{ en: string; zh: string }> = []
  blocks.forEach((b, i) => {
    if (roles[i] === 'body' && roles[i + 1] === 'excerpt' && isChinese(blocks[i + 1]))
      pairs.push({ en: b.text, zh: blocks[i + 1].text })
  })
  return pairs.length >= 2 ? pairs : []
}

/**
 * A single translated article: each block is recognised by what it is (headline, Chinese title,
 * source, URL, credit, date, body, Chinese excerpt), wherever it stands. What is missing is a
 * warning; only a file with no text at all is refused.
 */
export function recogniseArticle(
  blocks: Block[],
  knownOutlets: string[] = [],
  known: { headline?: string; line?: number } = {},
): ImportedArticle {
  const outlets = [...new Set([...knownOutlets, ...KNOWN_OUTLETS])].sort((a, b) => b.length - a.length)
  const s: State = {
    item: { headline: known.headline, body: [], sources: [], terms: [], line: known.line ?? blocks[0]?.line ?? 1 },
    roles: [],
    excerpt: [],
    inExcerpt: false,
    warnings: [],
  }
  s.roles = blocks.map((b) => classify(s, b, outlets))
  const { item, warnings } = s
  if (!item.body.length && !s.excerpt.length && !item.headline)
    throw new ImportError('the article has no text: only its source and URL lines were found', blocks[0]?.line)
  const pairs = alignedPairs(blocks, s.roles)
  if (pairs.length) item.pairs = pairs
  if (s.excerpt.length) item.excerpt = s.excerpt.join('\n')
  if (!item.headline) {
    const first = blocks.find((_, i) => s.roles[i] === 'body')
    item.headline = first?.text.slice(0, 120) ?? item.originalTitle
    warnings.push(`line ${first?.line ?? item.line}: no headline line found; the first words stand in for it`)
  }
  if (!item.body.length && !item.introduction?.length)
    warnings.push('the article has no English text; only the Chinese was imported')
  if (!item.sources.length) warnings.push('no source outlet found (a line like "Source: Xinhua, April 1, 2020")')
  if (!item.date) warnings.push('no original date found (e.g. "Source: Xinhua, April 1, 2020")')
  if (!item.articleUrl) warnings.push('no article URL found')
  if (!known.line) item.line = blocks[s.roles.indexOf('headline')]?.line ?? item.line
  if (!known.line) dateUpdateNotes(item, warnings)
  const roled = blocks.map((b, i) => ({ line: b.line, text: b.text, role: s.roles[i] }))
  return { kind: 'article', item: finishItem(item, outlets), warnings, blocks: roled }
}
