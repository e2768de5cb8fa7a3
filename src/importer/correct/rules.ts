import type { DeriveBlock } from '../recognise/derive'
import type { Role } from '../types'
import { applyCorrections, itemExtent, moveItem, ROLES, type Correction } from './corrections'

/**
 * A correction generalised so that it applies to other files of the same kind: blocks are found
 * by what their text looks like (`match`, a case-insensitive regular expression), not by position.
 */
export type ProfileRule =
  | { op: 'role'; match: string; role: Role }
  | { op: 'join'; match: string }
  | { op: 'split'; match: string; before: string }
  | { op: 'move'; match: string; section: string }

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, '\\d+')

/**
 * The pattern for lines like this one: its words with any number standing for any number, the
 * whole line for a short one (up to 8 words), the first 6 words for a longer one.
 */
export function linePattern(text: string): string {
  const words = text.trim().split(/\s+/)
  const long = words.length > 8
  return `^${(long ? words.slice(0, 6) : words).map(escape).join('\\s+')}${long ? '' : '$'}`
}

/** The corrections as rules: each found by the text of the block it was made on (at that step). */
export function generalise(blocks: DeriveBlock[], corrections: Correction[]): ProfileRule[] {
  const rules: ProfileRule[] = []
  corrections.reduce((list, c) => {
    const match = linePattern(list[c.block].text)
    if (c.op === 'role') rules.push({ op: 'role', match, role: c.role })
    else if (c.op === 'join') rules.push({ op: 'join', match })
    else if (c.op === 'move') rules.push({ op: 'move', match, section: c.section })
    else {
      const tail = list[c.block].text.slice(c.offset).trim().split(/\s+/).slice(0, 3)
      rules.push({ op: 'split', match, before: tail.map(escape).join('\\s+') })
    }
    return applyCorrections(list, [c])
  }, blocks)
  return rules
}

/** A pattern outside the safe subset (written below validation) matches nothing. */
export const matches = (pattern: string, text: string) => safePattern(pattern) && new RegExp(pattern, 'i').test(text)
const test = matches

/** One rule on every block it matches; a rule that fits nothing in this file changes nothing. */
function applyRule(blocks: DeriveBlock[], rule: ProfileRule): DeriveBlock[] {
  if (rule.op === 'role') return blocks.map((b) => (test(rule.match, b.text) ? { ...b, role: rule.role } : b))
  if (rule.op === 'move') {
    const starts = blocks.filter((b, i) => test(rule.match, b.text) && itemExtent(blocks, i)[0] === i)
    const heading = (b: DeriveBlock) =>
      b.role === 'section-heading' && b.text.toLowerCase() === rule.section.toLowerCase()
    if (!blocks.some(heading)) return blocks
    return starts
      .filter((b) => b.role === 'headline' || b.role === 'date-line')
      .reduce((list, b) => moveItem(list, list.indexOf(b), rule.section), blocks)
  }
  const out: DeriveBlock[] = []
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    if (!test(rule.match, b.text)) out.push(b)
    else if (rule.op === 'join' && blocks[i + 1]) out.push({ ...b, text: `${b.text} ${blocks[++i].text}` })
    else if (rule.op === 'split') {
      const at = safePattern(rule.before) ? new RegExp(rule.before, 'i').exec(b.text.slice(1)) : null
      const offset = at ? at.index + 1 : -1
      const [head, tail] = [b.text.slice(0, offset).trim(), b.text.slice(offset).trim()]
      out.push(
        ...(at && head && tail
          ? [
              { ...b, text: head },
              { ...b, text: tail },
            ]
          : [b]),
      )
    } else out.push(b)
  }
  return out
}

/** A profile's rules in order. */
export const applyRules = (blocks: DeriveBlock[], rules: ProfileRule[]): DeriveBlock[] =>
  rules.reduce(applyRule, blocks)

/**
 * Profile patterns are typed by editors and run on the server against every line of an import, so
 * they are a safe subset of regular expressions: literal text (special characters escaped with a
 * backslash), `\\d+` for a number, `\\s+` for spaces, `\\b` a word boundary, `^` first and `$` last. No groups,
 * alternation, classes or nested quantifiers: matching a line cannot take more than its length
 * squared (catastrophic backtracking is impossible). What `linePattern` writes is of this form.
 */
const SAFE_PATTERN = /^\^?(?:\\d\+|\\s\+|\\b|\\[.*+?^${}()|[\]\\]|[^.*+?^${}()|[\]\\])*\$?$/
export const MAX_PATTERN_LENGTH = 300
export const PATTERN_RULE =
  'plain text with \\d+ for a number, \\s+ for spaces and \\b for a word boundary (other special characters escaped with \\), ' +
  `optionally ^ first and $ last, at most ${MAX_PATTERN_LENGTH} characters`

export const safePattern = (p: unknown): p is string =>
  typeof p === 'string' && p.length > 0 && p.length <= MAX_PATTERN_LENGTH && SAFE_PATTERN.test(p)

/** Why a list of rules is not valid (for the collection's validation), or true. */
export function checkRules(value: unknown): true | string {
  if (!Array.isArray(value)) return 'Rules must be a list.'
  for (const [n, r] of (value as Array<Record<string, unknown>>).entries()) {
    const at = `Rule ${n + 1}`
    if (!r || typeof r !== 'object') return `${at} must be an object.`
    if (!safePattern(r.match)) return `${at}: "match" must be ${PATTERN_RULE}.`
    if (r.op === 'role' && !ROLES.includes(r.role as Role)) return `${at}: unknown role "${String(r.role)}".`
    if (r.op === 'split' && !safePattern(r.before)) return `${at}: "before" must be ${PATTERN_RULE}.`
    if (r.op === 'move' && (typeof r.section !== 'string' || !r.section)) return `${at}: "section" must name a section.`
    if (!['role', 'join', 'split', 'move'].includes(r.op as string)) return `${at}: unknown op "${String(r.op)}".`
  }
  return true
}
