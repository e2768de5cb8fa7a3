import { eachNode, glossaryMark, readLexical, runGroups, runsText } from '../content/lexical'
import { foldCase, phraseEndingAt } from '../lib/phrases'
import { relationKey } from '../search/text'

/** How one item renders a Chinese original in English. */
export type Rendering = { original: string; english: string; via: 'text' | 'mark'; termId?: string }

export type KnownTerm = { id: string; english: string; original: string; aliases: string[] }

const HAN_PAREN = /[(（]\s*([\u3400-\u9fff·・]{2,20})\s*[)）]/gu
const QUOTED_BEFORE = /[“"‘']([^“”"‘’']{1,80})[”"’']\s*$/u
const WORDS_BEFORE = /((?:[\p{L}\d][\p{L}\d'’.-]*\s+){0,7}[\p{L}\d][\p{L}\d'’.-]*)\s*$/u
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'to',
  'in',
  'on',
  'for',
  'as',
  'that',
  'said',
  'says',
  'called',
  'is',
  'was',
  'be',
  'by',
  'with',
  'its',
  'his',
  'her',
  'their',
  'remains',
  'urged',
  'stressed',
])

export const normalizeRendering = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”"‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** Paragraph-level text of a rich-text value (each list item its own), inline glossary marks included, with the marks listed. */
export function paragraphs(
  value: unknown,
  termEnglish: (id: string) => string | undefined,
): Array<{ text: string; marks: Array<{ termId: string; text: string }> }> {
  const english = (term: unknown) => {
    const id = relationKey(term)
    return id ? termEnglish(id) : undefined
  }
  return runGroups(readLexical(value)).map((runs) => ({
    text: runsText(runs, english),
    marks: runs.flatMap((r) => {
      const termId = r.kind === 'mark' ? relationKey(r.term) : undefined
      return r.kind === 'mark' && termId ? [{ termId, text: r.text || english(r.term) || '' }] : []
    }),
  }))
}

/** The English words just before "(汉字)": a quoted phrase, a known rendering, or the last few words. */
function englishBefore(before: string, term: KnownTerm | undefined): string | undefined {
  const quoted = QUOTED_BEFORE.exec(before)
  if (quoted) return quoted[1].trim()
  const words = WORDS_BEFORE.exec(before)?.[1]
  if (!words) return undefined
  const lower = normalizeRendering(words)
  if (term) {
    const known = [term.english, ...term.aliases]
      .map(normalizeRendering)
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
    const hit = known.find((k) => lower === k || lower.endsWith(` ${k}`))
    if (hit) return words.split(/\s+/).slice(-hit.split(' ').length).join(' ')
  }
  const list = words.split(/\s+/)
  const take = term ? Math.max(1, term.english.split(/\s+/).length) : Math.min(3, list.length)
  let picked = list.slice(-take)
  while (picked.length > 1 && STOP.has(picked[0].toLowerCase())) picked = picked.slice(1)
  return picked.join(' ').replace(/[,;:]$/, '') || undefined
}

/**
 * Every rendering of a Chinese original in a rich-text value: the text patterns
 * English (汉字) and “English” (汉字), and inline glossary marks (their text, for their term's original).
 */
export function extractRenderings(value: unknown, terms: Map<string, KnownTerm>): Rendering[] {
  const byOriginal = new Map<string, KnownTerm>()
  for (const t of terms.values()) byOriginal.set(t.original, t)
  const seen = new Set<string>()
  const out: Rendering[] = []
  const add = (r: Rendering) => {
    const key = `${r.original}\u0000${normalizeRendering(r.english)}`
    if (!r.english.trim() || seen.has(key)) return
    seen.add(key)
    out.push(r)
  }
  for (const para of paragraphs(value, (id) => terms.get(id)?.english)) {
    for (const mark of para.marks) {
      const term = terms.get(mark.termId)
      if (term) add({ original: term.original, english: mark.text.trim(), via: 'mark', termId: term.id })
    }
    for (const m of para.text.matchAll(HAN_PAREN)) {
      const original = m[1]
      const term = byOriginal.get(original)
      const english = englishBefore(para.text.slice(0, m.index), term)
      if (english && /\p{Script=Latin}/u.test(english)) add({ original, english, via: 'text', termId: term?.id })
    }
  }
  return out
}

const OPENING = new Set(['(', '（'])
const CLOSING = new Set([')', '）'])
const QUOTES = new Set(['”', '"', '’', "'"])

/** Index just past "(汉字)" (either bracket width, spaces inside) starting at `at`, or -1. */
function glossEnd(text: string, at: number, original: string): number {
  if (!OPENING.has(text[at]!)) return -1
  let i = at + 1
  while (/\s/.test(text[i] ?? '')) i++
  if (foldCase(text.slice(i, i + original.length)) !== foldCase(original)) return -1
  i += original.length
  while (/\s/.test(text[i] ?? '')) i++
  return CLOSING.has(text[i]!) ? i + 1 : -1
}

/**
 * Replace `old` where it stands right before a gloss of `original` ("old (汉字)", "“old” (汉字)"):
 * any case, any whitespace between its words. Returns the text and the number of replacements.
 */
function replaceBeforeGloss(text: string, old: string, original: string, preferred: string) {
  const spans: Array<[number, number]> = []
  for (let at = 0; at < text.length; at++) {
    if (glossEnd(text, at, original) < 0) continue
    let end = at
    while (end > 0 && /\s/.test(text[end - 1]!)) end--
    const ends = QUOTES.has(text[end - 1]!) ? [end - 1, end] : [end]
    for (const e of ends) {
      const start = phraseEndingAt(text, e, old)
      const previous = spans[spans.length - 1]
      if (start >= 0 && (!previous || start >= previous[1])) {
        spans.push([start, e])
        break
      }
    }
  }
  let out = text
  for (const [start, end] of spans.reverse()) out = out.slice(0, start) + preferred + out.slice(end)
  return { text: out, count: spans.length }
}

/**
 * Replace the renderings of `original` other than `preferred` in a rich-text value: text before
 * "(汉字)" and the text of inline marks of that term. Returns the new value and how many changed.
 */
export function applyPreferred(
  value: unknown,
  original: string,
  preferred: string,
  olds: string[],
  termIds: Set<string>,
): { value: unknown; changed: number } {
  const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown
  let changed = 0
  const targets = olds.filter((o) => normalizeRendering(o) !== normalizeRendering(preferred))
  eachNode(copy, (node) => {
    const mark = glossaryMark(node)
    if (node.type === 'text' && node.text) {
      for (const old of targets) {
        const replaced = replaceBeforeGloss(node.text, old, original, preferred)
        node.text = replaced.text
        changed += replaced.count
      }
    } else if (mark && node.fields) {
      const id = relationKey(mark.term)
      if (id && termIds.has(id) && mark.text && normalizeRendering(mark.text) !== normalizeRendering(preferred)) {
        node.fields.text = preferred
        changed++
      }
    }
  })
  return { value: copy, changed }
}
