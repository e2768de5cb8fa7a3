/**
 * Lexical JSON (as Payload stores rich text) → a small, serialisable block/inline model that every
 * output (web, email, plain text) renders. Nothing here produces markup: renderers escape `text`.
 *
 * - Block: paragraph | heading | list | quote (nested lists are flattened into their parent item).
 * - Inline: a run of text with optional bold/italic/link; `lang: 'zh-Hans'` on runs of CJK
 *   characters; `term` on a glossary mark. A line break inside a block is the inline `{ text: '\n' }`.
 */
import { findWholeWord } from '../lib/phrases'
import { readLexical, type Run } from './lexical'

/** A glossary term as shown to readers (tooltip, link to its page). */
export type TermView = {
  id: number | string
  slug: string
  english: string
  original: string
  pinyin: string | null
  kind: 'term' | 'person' | 'organization' | 'publication' | 'place'
  definition: string | null
  /** Absolute URL of /glossary/<slug>. */
  url: string
}

export type Inline = {
  text: string
  bold?: boolean
  italic?: boolean
  /** Only http(s), mailto and same-site relative links survive (see safeHref); anything else is dropped. */
  href?: string
  lang?: 'zh-Hans'
  term?: TermView
}

export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'heading'; level: 2 | 3 | 4; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; inlines: Inline[] }

/** Resolves a glossary-term relation value (id or populated doc) to its view, if public. */
export type TermLookup = (value: unknown) => TermView | undefined

const CJK =
  /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{2fa1f}]/u
const CJK_RUNS =
  /([\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{2fa1f}]+)/u

export const hasCJK = (text: string): boolean => CJK.test(text)

/** Split one inline into runs, giving CJK runs `lang: 'zh-Hans'`. */
export const splitCJK = (inline: Inline): Inline[] => {
  if (inline.lang || !hasCJK(inline.text)) return [inline]
  return inline.text
    .split(CJK_RUNS)
    .filter((part) => part !== '')
    .map((part) => (hasCJK(part) ? { ...inline, text: part, lang: 'zh-Hans' as const } : { ...inline, text: part }))
}

/** The origin relative links are resolved against: any fixed origin works for the same-origin test. */
const LINK_BASE = 'https://briefing.invalid'

/**
 * The one link sanitizer (rich text, source homepages, article URLs): keep only targets that
 * cannot run script or leave the site unexpectedly. Parsed with the WHATWG URL parser, as the
 * browser will: `http(s)://…` and `mailto:` (normalised), `#fragment`, and paths that resolve to
 * this site. Control characters, backslashes (`/\evil.example` is `//evil.example` to a browser)
 * and protocol-relative or scheme-only forms are dropped.
 */
export const safeHref = (url: unknown): string | undefined => {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  // eslint-disable-next-line no-control-regex
  if (!trimmed || /[\u0000-\u001f\u007f\\]/.test(trimmed)) return undefined
  if (trimmed.startsWith('#')) return trimmed
  let parsed: URL
  try {
    parsed = new URL(trimmed, LINK_BASE)
  } catch {
    return undefined
  }
  if (/^https?:\/\//i.test(trimmed)) return /^https?:$/.test(parsed.protocol) ? parsed.href : undefined
  if (/^mailto:/i.test(trimmed)) return parsed.protocol === 'mailto:' ? parsed.href : undefined
  const samePath = trimmed.startsWith('/') && !trimmed.startsWith('//') && parsed.origin === LINK_BASE
  return samePath && !parsed.pathname.startsWith('//') ? parsed.pathname + parsed.search + parsed.hash : undefined
}

/** An absolute http(s) link that passes safeHref (article URLs, source homepages), or null. */
export const webLink = (url: unknown): string | null => {
  const href = safeHref(url)
  return href && /^https?:/.test(href) ? href : null
}

const textFormat = (bits: number): Pick<Inline, 'bold' | 'italic'> => ({
  ...(bits & 1 ? { bold: true } : {}),
  ...(bits & 2 ? { italic: true } : {}),
})

/** The innermost enclosing link that passes safeHref. */
const linkOf = (links: unknown[]): string | undefined => {
  for (let i = links.length - 1; i >= 0; i--) {
    const href = safeHref(links[i])
    if (href) return href
  }
  return undefined
}

function inlinesOf(runs: Run[], lookup: TermLookup): Inline[] {
  const out: Inline[] = []
  for (const run of runs) {
    if (run.kind === 'break') out.push({ text: '\n' })
    else if (run.kind === 'tab') out.push({ text: ' ' })
    else if (run.kind === 'text') {
      const href = linkOf(run.links)
      out.push(...splitCJK({ text: run.text, ...textFormat(run.format), ...(href ? { href } : {}) }))
    } else {
      const term = lookup(run.term)
      const text = run.text.trim() || term?.english || ''
      if (text) out.push(term ? { text, term, ...(hasCJK(text) ? { lang: 'zh-Hans' as const } : {}) } : { text })
    }
  }
  return mergeAdjacent(out)
}

const sameStyle = (a: Inline, b: Inline) =>
  !a.term && !b.term && a.bold === b.bold && a.italic === b.italic && a.href === b.href && a.lang === b.lang

function mergeAdjacent(inlines: Inline[]): Inline[] {
  const out: Inline[] = []
  for (const inline of inlines) {
    const last = out[out.length - 1]
    if (last && sameStyle(last, inline) && inline.text !== '\n' && last.text !== '\n') last.text += inline.text
    else out.push({ ...inline })
  }
  return out
}

const headingLevel = (tag: string | undefined): 2 | 3 | 4 => {
  const n = Number(String(tag ?? 'h3').replace(/\D/g, ''))
  return n <= 2 ? 2 : n === 3 ? 3 : 4
}

/** Convert a rich-text value (Lexical JSON with `root`) to blocks; empty blocks are dropped. */
export function toBlocks(value: unknown, lookup: TermLookup = () => undefined): Block[] {
  const blocks: Block[] = []
  for (const block of readLexical(value)) {
    if (block.type === 'list') {
      const items = block.items.map((runs) => inlinesOf(runs, lookup)).filter((inlines) => inlines.length)
      if (items.length) blocks.push({ type: 'list', ordered: block.listType === 'number', items })
      continue
    }
    const inlines = inlinesOf(block.runs, lookup)
    if (!inlines.some((i) => i.text.trim())) continue
    if (block.type === 'heading') blocks.push({ type: 'heading', level: headingLevel(block.tag), inlines })
    else blocks.push({ type: block.type, inlines })
  }
  return blocks
}

/** Plain text of blocks: paragraphs separated by blank lines, list items numbered or bulleted. */
export function blocksToText(blocks: Block[]): string {
  const line = (inlines: Inline[]) => inlines.map((i) => i.text).join('')
  return blocks
    .map((b) =>
      b.type === 'list'
        ? b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${line(item)}`).join('\n')
        : line(b.inlines),
    )
    .join('\n\n')
}

/** Every inline of a block list, in reading order (for walking or rewriting). */
export const inlineGroups = (blocks: Block[]): Inline[][] =>
  blocks.flatMap((b) => (b.type === 'list' ? b.items : [b.inlines]))

/** Where a phrase occurs in a text run: CJK as a plain substring, others as whole words in any case. */
const findPhrase = (text: string, phrase: string): number =>
  hasCJK(phrase) ? text.indexOf(phrase) : findWholeWord(text, phrase)

/**
 * Mark the first occurrence of each term (its English rendering, any alias, or its original) in
 * plain text runs that are not already links or marks. Returns new blocks; `seen` collects the
 * ids of terms already marked so that callers can mark a term once per item.
 */
export function markTerms(
  blocks: Block[],
  terms: Array<TermView & { aliases?: string[] }>,
  seen: Set<string> = new Set(),
): Block[] {
  for (const block of blocks)
    for (const inline of inlineGroups([block]).flat()) if (inline.term) seen.add(String(inline.term.id))
  const candidates = terms
    .flatMap((term) =>
      [term.english, ...(term.aliases ?? []), term.original]
        .filter((s): s is string => typeof s === 'string' && s.trim().length > 1)
        .map((phrase) => ({ term, phrase })),
    )
    .sort((a, b) => b.phrase.length - a.phrase.length)
  if (!candidates.length) return blocks
  const rewrite = (inlines: Inline[]): Inline[] => {
    let out = inlines
    for (const { term, phrase } of candidates) {
      if (seen.has(String(term.id))) continue
      const next: Inline[] = []
      let done = false
      for (const inline of out) {
        const at = !done && !inline.term && !inline.href ? findPhrase(inline.text, phrase) : -1
        if (at < 0) {
          next.push(inline)
          continue
        }
        const before = inline.text.slice(0, at)
        const after = inline.text.slice(at + phrase.length)
        if (before) next.push({ ...inline, text: before })
        next.push({ ...inline, text: inline.text.slice(at, at + phrase.length), term })
        if (after) next.push({ ...inline, text: after })
        done = true
      }
      if (done) seen.add(String(term.id))
      out = next
    }
    return out
  }
  return blocks.map((b) =>
    b.type === 'list' ? { ...b, items: b.items.map(rewrite) } : { ...b, inlines: rewrite(b.inlines) },
  )
}
