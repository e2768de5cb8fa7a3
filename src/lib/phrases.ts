/**
 * Finding names and phrases (glossary terms, source outlets) in text without compiling them into
 * regular expressions: user data of any length costs linear work and can never be an invalid or
 * runaway pattern. Comparisons ignore case; folding keeps every UTF-16 unit in place, so an index
 * in the folded text is the same index in the original.
 */
export function foldCase(s: string): string {
  let out = ''
  for (const unit of s) {
    const lower = unit.toLowerCase()
    out += lower.length === unit.length ? lower : unit
  }
  return out
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const isLetterOrDigit = (text: string, i: number) => i >= 0 && i < text.length && LETTER_OR_DIGIT.test(text[i]!)

/** Index of the first occurrence of `phrase` in `text` not inside a longer word (any case), or -1. */
export function findWholeWord(text: string, phrase: string): number {
  if (!phrase) return -1
  const hay = foldCase(text)
  const needle = foldCase(phrase)
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (!isLetterOrDigit(text, i - 1) && !isLetterOrDigit(text, i + needle.length)) return i
  }
  return -1
}

/** Whether `text` mentions `phrase` as whole words, any case, any whitespace between its words. */
export const mentionsPhrase = (text: string, phrase: string): boolean =>
  findWholeWord(text.replace(/\s+/g, ' '), phrase.trim().replace(/\s+/g, ' ')) >= 0

/**
 * Where `phrase` (any case, one or more whitespace characters between its words) ends exactly at
 * `end` in `text`: the index where it starts, or -1.
 */
export function phraseEndingAt(text: string, end: number, phrase: string): number {
  const words = phrase.trim().split(/\s+/)
  let at = end
  for (let w = words.length - 1; w >= 0; w--) {
    const word = foldCase(words[w]!)
    if (at < word.length || foldCase(text.slice(at - word.length, at)) !== word) return -1
    at -= word.length
    if (w === 0) break
    const wordEnd = at
    while (at > 0 && /\s/.test(text[at - 1]!)) at--
    if (at === wordEnd) return -1
  }
  return at
}
