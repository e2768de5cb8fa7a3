/**
 * CJK-aware tokenization shared by indexing and querying.
 * - Latin/other scripts: words of letters and digits, lower-cased, NFKC-normalised, lightly stemmed;
 *   stop words dropped.
 * - Han characters: every character (unigram) and every pair of neighbours (bigram), so that a query of
 *   any length can be looked up as bigrams (or one unigram) and checked by substring afterwards.
 */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu

const STOP = new Set(
  'a an and are as at be by for from has have he in is it its of on or that the this to was were will with'.split(' '),
)

export const normalize = (text: string): string => text.normalize('NFKC').toLowerCase()

export const isHan = (text: string): boolean => HAN.test(text)

/** A small suffix-stripping stemmer: plural, -ing, -ed, -ly forms of the same word meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  let w = word
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y'
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3)
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2)
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2)
  if (w.length > 3 && w.at(-1) === 'e') w = w.slice(0, -1)
  return w
}

/** Index tokens of a text (with repeats: the caller counts term frequency). */
export function indexTokens(text: string, out: string[] = []): string[] {
  const norm = normalize(text)
  for (const match of norm.matchAll(RUN)) {
    const run = match[0]
    if (isHan(run[0])) {
      for (let i = 0; i < run.length; i++) {
        out.push(run[i])
        if (i + 1 < run.length) out.push(run.slice(i, i + 2))
      }
    } else if (!STOP.has(run)) {
      out.push(stem(run))
    }
  }
  return out
}

export type ParsedQuery = {
  /** Tokens every match must contain (stemmed words, Han bigrams or a single Han character). */
  tokens: string[]
  /** Han runs that must appear verbatim (normalised) in the document text. */
  phrases: string[]
  /** Words and Han runs as typed (normalised), for highlighting. */
  highlights: string[]
}

export const MAX_QUERY_CHARS = 200
export const MAX_QUERY_TOKENS = 16

/** Parse a query; returns no tokens for empty, punctuation-only or stop-word-only queries. */
export function parseQuery(query: string): ParsedQuery {
  const norm = normalize(query.slice(0, MAX_QUERY_CHARS))
  const tokens = new Set<string>()
  const phrases: string[] = []
  const highlights: string[] = []
  for (const match of norm.matchAll(RUN)) {
    const run = match[0]
    if (tokens.size >= MAX_QUERY_TOKENS) break
    if (isHan(run[0])) {
      phrases.push(run)
      highlights.push(run)
      if (run.length === 1) tokens.add(run)
      for (let i = 0; i + 1 < run.length && tokens.size < MAX_QUERY_TOKENS; i++) tokens.add(run.slice(i, i + 2))
    } else if (!STOP.has(run)) {
      tokens.add(stem(run))
      highlights.push(run)
    }
  }
  return { tokens: [...tokens], phrases, highlights }
}
