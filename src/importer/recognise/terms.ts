import type { TermCandidate } from '../types'

const PAIR = /(“([^”]{1,120})”|"([^"]{1,120})")?\s*\(([^()]*[\u3400-\u9fff][^()]*)\)/g
const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'to',
  'for',
  'with',
  'into',
  'on',
  'that',
  'which',
  'called',
  'as',
  'from',
  'by',
  'at',
  'is',
  'are',
  'was',
  'were',
  'be',
  'its',
  'his',
  'her',
  'their',
  'this',
  'these',
  'those',
  'also',
  'said',
  'against',
])
const NOT_NAME_WORDS =
  /^(River|Belt|Province|Party|Committee|Department|Congress|Council|Ministry|Bureau|Commission|Office|Group|Daily|Times|News|Agency|University|Academy|Institute|Association|League|Army|Delta|Sea|Lake|Mountain|City|County|District|Region|Zone|Area|Initiative|Thought|Forum)$/
const NAME = /^([A-Z][a-z]{0,5}) ([A-Z][a-z]+(?:-[a-z]+)?)$/

/** The English words just before a "(汉字)" without quotes: a capitalised run, or up to 6 words. */
function englishBefore(text: string): string {
  const words = text.trimEnd().split(/\s+/)
  const picked: string[] = []
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]
    if (picked.length && /[,;:.!?”"’)]$/.test(word)) break
    const clean = word.replace(/^[“"‘(]+/, '').replace(/[,;:.!?”"’)]+$/, '')
    if (!clean || STOP_WORDS.has(clean.toLowerCase())) break
    picked.unshift(clean)
    if (/^[“"‘(]/.test(word) || picked.length >= 6) break
  }
  // A capitalised run stops where the capitals stop ("of the Yangtze River" → "Yangtze River").
  if (picked.length && /^[A-Z]/.test(picked[picked.length - 1])) {
    let start = picked.length - 1
    while (
      start > 0 &&
      (/^[A-Z]/.test(picked[start - 1]) ||
        (picked[start - 1] === 'of' && start > 1 && /^[A-Z]/.test(picked[start - 2])))
    )
      start--
    return picked.slice(start).join(' ')
  }
  return picked.join(' ')
}

/** A Chinese personal name in English: two capitalised words, 2–4 characters, no institution word. */
function asPerson(english: string, original: string): string | undefined {
  if (!/^[\u3400-\u9fff]{2,4}$/.test(original)) return undefined
  const words = english.split(' ')
  const lastTwo = words.slice(-2).join(' ')
  const m = NAME.exec(lastTwo)
  if (!m || NOT_NAME_WORDS.test(m[2]) || NOT_NAME_WORDS.test(m[1])) return undefined
  return lastTwo
}

/** Every “English” (汉字) / English (汉字) pair in a text, as glossary candidates. */
export function findTerms(text: string): TermCandidate[] {
  const found: TermCandidate[] = []
  for (const m of text.matchAll(PAIR)) {
    const original = m[4].trim()
    if (!/^[\u3400-\u9fff、，·・\s]+$/.test(original)) continue
    const quoted = (m[2] ?? m[3])?.trim()
    const english = quoted ?? englishBefore(text.slice(0, m.index))
    if (!english || !/[A-Za-z]/.test(english)) continue
    const person = quoted ? undefined : asPerson(english, original)
    found.push(person ? { english: person, original, kind: 'person' } : { english, original, kind: 'term' })
  }
  return found
}

/** Candidates without repeats (by original), first rendering wins. */
export const uniqueTerms = (terms: TermCandidate[]): TermCandidate[] => {
  const seen = new Map<string, TermCandidate>()
  for (const t of terms) if (!seen.has(t.original)) seen.set(t.original, t)
  return [...seen.values()]
}
