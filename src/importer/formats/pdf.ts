import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf'

import { ImportError, type Block } from '../types'
import { parseText } from './text'

/** One printed line: its words joined, where it stands and how far it reaches. */
type Line = { text: string; y: number; left: number; right: number; size: number; firstWord: number }
/** The lines of one column of one page, top to bottom, with the column's right edge. */
type Column = { lines: Line[]; right: number }

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0
}
/** Han characters and CJK punctuation: no space is ever put between two of them. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u
/** Radicals without a compatibility mapping, and the characters they stand for. */
const RADICALS = new Map(
  [...'⻅见⻉贝⻋车⻓长⻔门⻙韦⻚页⻛风⻜飞⻝食⻢马⻥鱼⻦鸟⻨麦⻩黄⻬齐⻮齿⻰龙⻆角⻈讠⻄西⺠民⻣骨⻤鬼⻧卤⻁虎⻑長']
    .map((c, i, all) => (i % 2 ? undefined : ([c, all[i + 1]] as const)))
    .filter((pair) => pair !== undefined),
)
/**
 * Fonts often map ideographs to their look-alike radicals (⽣ for 生, ⻓ for 长): NFKC maps the
 * Kangxi radicals back, the table the simplified ones.
 */
const radicalsToHan = (text: string) => text.replace(/[\u2e80-\u2fdf]/g, (c) => RADICALS.get(c) ?? c.normalize('NFKC'))
const BETWEEN_CJK = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i

/** Words on one baseline (PDF y grows upwards), joined left to right with a space where there is a gap. */
function toLines(items: StructuredTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: StructuredTextItem[][] = []
  for (const item of sorted) {
    const row = rows[rows.length - 1]
    if (row && Math.abs(row[0].y - item.y) <= Math.max(1, item.fontSize * 0.4)) row.push(item)
    else rows.push([item])
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x)
    let text = ''
    let end = -Infinity
    for (const item of row) {
      const str = radicalsToHan(item.str)
      const gap = item.x - end > item.fontSize * 0.15 && !(CJK.test(text.slice(-1)) && CJK.test(str[0]))
      if (text && gap && !/\s$/.test(text) && !/^\s/.test(str)) text += ' '
      text += str
      end = item.x + item.width
    }
    const last = row[row.length - 1]
    const clean = text.replace(BETWEEN_CJK, '').replace(/\s+/g, ' ').trim()
    const right = last.x + last.width
    const word = CJK.test(clean[0]) ? 1 : (/^\S+/.exec(clean)?.[0].length ?? 1)
    return {
      text: clean,
      y: row[0].y,
      left: row[0].x,
      right,
      size: median(row.map((i) => i.fontSize)),
      firstWord: ((right - row[0].x) / Math.max(1, clean.length)) * word,
    }
  })
}

/**
 * Split a page into two columns when there is a simple gutter: a vertical band in the middle of
 * the text that no word crosses, with text on both sides. Otherwise the page is one column.
 */
function toColumns(items: StructuredTextItem[]): StructuredTextItem[][] {
  const left = Math.min(...items.map((i) => i.x))
  const right = Math.max(...items.map((i) => i.x + i.width))
  const size = median(items.map((i) => i.fontSize))
  const spans = items.map((i) => [i.x, i.x + i.width] as const).sort((a, b) => a[0] - b[0])
  let reach = left
  for (const [start, end] of spans) {
    const middle = (start + reach) / 2
    const central = middle > left + (right - left) * 0.3 && middle < left + (right - left) * 0.7
    if (start - reach > size * 1.5 && central) {
      const split = (start + reach) / 2
      const first = items.filter((i) => i.x < split)
      const second = items.filter((i) => i.x >= split)
      if (first.length >= items.length * 0.2 && second.length >= items.length * 0.2) return [first, second]
    }
    reach = Math.max(reach, end)
  }
  return [items]
}

/**
 * pdf.js refuses to run while `Array.prototype` has an enumerable property; drizzle-kit (loaded
 * for schema push outside production) adds `random` as one. Hiding it from `for…in` changes nothing
 * else: the method stays where it is.
 */
function hideEnumerableArrayMethods(): void {
  for (const key in []) Object.defineProperty(Array.prototype, key, { enumerable: false })
}

/** Every page's columns in reading order, page numbers left out. */
async function readColumns(data: Uint8Array): Promise<Column[]> {
  let pages: StructuredTextItem[][]
  hideEnumerableArrayMethods()
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data))
    pages = (await extractTextItems(pdf)).items
  } catch (err) {
    throw new ImportError(`not a readable PDF file (${(err as Error).message})`)
  }
  const columns: Column[] = []
  for (const page of pages) {
    const words = page.filter((i) => i.str.trim() && i.fontSize > 0)
    if (!words.length) continue
    for (const part of toColumns(words)) {
      const lines = toLines(part)
      if (lines.length > 1 && PAGE_NUMBER.test(lines[lines.length - 1].text)) lines.pop()
      if (lines.length > 1 && PAGE_NUMBER.test(lines[0].text)) lines.shift()
      columns.push({ lines, right: Math.max(...lines.map((l) => l.right)) })
    }
  }
  return columns
}

/** A paragraph and its next printed line: no space after a hyphenated word or between two CJK characters. */
const joinWrapped = (text: string, next: string): string =>
  /\p{L}-$/u.test(text) || (CJK.test(text.slice(-1)) && CJK.test(next[0])) ? text + next : `${text} ${next}`

/**
 * Rebuild the text as it was typed: a line that ran to the right edge continues on the next one
 * (the same paragraph); space between lines becomes blank lines (one per missing line of leading).
 * The top and bottom of the text area, over all pages, tell blank lines at a page break.
 */
function rebuildText(columns: Column[]): string {
  const lines = columns.flatMap((c) => c.lines)
  const gaps = columns.flatMap((c) => c.lines.slice(1).map((l, i) => c.lines[i].y - l.y)).filter((g) => g > 0)
  const size = median(lines.map((l) => l.size))
  const leading = gaps.length ? (gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 4)] ?? size) : size * 1.2
  const top = Math.max(...columns.map((c) => c.lines[0].y))
  const bottom = Math.min(...columns.map((c) => c.lines[c.lines.length - 1].y))
  const out: string[] = []
  let previous: { line: Line; right: number } | undefined
  for (const column of columns) {
    column.lines.forEach((line, index) => {
      let blanks: number
      if (!previous) blanks = 0
      else if (index > 0) blanks = Math.max(0, Math.round((column.lines[index - 1].y - line.y) / leading) - 1)
      else blanks = Math.round((previous.line.y - bottom) / leading) + Math.round((top - line.y) / leading)
      // Wrapped: the next line's first word would not have fitted at the end of this one.
      let wrapped = previous && previous.line.right + size * 0.3 + line.firstWord > previous.right - size * 0.5
      if (previous && index === 0) {
        // A blank line at the foot of a page leaves no trace: a full line that ends a sentence,
        // or a line that ends short, is taken as the end of its paragraph.
        if (/[.!?:”"')]$/.test(previous.line.text) && /^[\p{Lu}\d“"(]/u.test(line.text)) wrapped = false
        if (!wrapped) blanks = Math.max(1, blanks)
      }
      if (previous && blanks === 0 && wrapped && !/^(?:\d{1,2}[.)]|[-•*])\s/.test(line.text)) {
        const last = out.length - 1
        out[last] = joinWrapped(out[last], line.text)
      } else {
        for (let i = 0; i < Math.min(blanks, 3); i++) out.push('')
        out.push(line.text)
      }
      previous = { line, right: column.right }
    })
  }
  return out.join('\n')
}

/** A PDF's text layer → the plain-text block stream (so the same recogniser reads it). */
export async function parsePdf(data: Uint8Array): Promise<Block[]> {
  const columns = await readColumns(data)
  if (!columns.length)
    throw new ImportError(
      'the PDF has no text layer: it looks like a scanned document (images only); run OCR on it or import the text instead',
    )
  return parseText(rebuildText(columns))
}
