import { ImportError, type Block, type ImportedArticle, type ImportedItem } from '../types'
import { appendBody, finishItem } from './items'
import { KNOWN_OUTLETS } from './outlets'
import { HAN } from './patterns'

const SOURCE_LINE = /^Source:\s*(.+?),\s*([A-Z][a-z]+\.? \d{1,2},? \d{4})\s*[,;]?\s*(https?:\/\/\S+)?\s*$/i
const URL_LINE = /^(?:URL:\s*)?(https?:\/\/\S+)$/i
const CREDIT_LINE =
  /^(?:(?:Introduction|Summary|Commentary) and )?(?:Translation|Translated|Introduction|Summary) by\s+\S.*$/i
const EXCERPT_MARK = /^(?:Excerpt in Chinese|Chinese excerpt|Chinese original|Original text)\s*:?\s*$/i
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const hanShare = (text: string): number => {
  const letters = text.replace(/[\s\p{P}\d]/gu, '')
  return letters ? [...letters].filter((c) => HAN.test(c)).length / [...letters].length : 0
}

function parseLongDate(value: string, line: number): string {
  const m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(value.trim())
  const month = m ? MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) : -1
  const d = m && month >= 0 ? new Date(Date.UTC(Number(m[3]), month, Number(m[2]), 12)) : undefined
  if (!d || d.getUTCDate() !== Number(m![2]))
    throw new ImportError(`"${value}" is not a date like "April 1, 2020"`, line)
  return d.toISOString().slice(0, 10)
}

/** True when the blocks look like a single translated article ("Source: Xinhua, April 1, 2020"). */
export const looksLikeArticle = (blocks: Block[]): boolean => blocks.some((b) => SOURCE_LINE.test(b.text))

/**
 * A single translated article: headline, Chinese title, "Source: <outlet>, <date>" with the URL,
 * the translator credit, the introduction and translation, and the "Excerpt in Chinese".
 */
export function recogniseArticle(blocks: Block[], knownOutlets: string[] = []): ImportedArticle {
  const sourceIndex = blocks.findIndex((b) => SOURCE_LINE.test(b.text))
  if (sourceIndex < 0) {
    throw new ImportError(
      'not a translated article: no line like "Source: Xinhua, April 1, 2020"',
      blocks[0]?.line ?? 1,
    )
  }
  const outlets = [...new Set([...knownOutlets, ...KNOWN_OUTLETS])].sort((a, b) => b.length - a.length)
  const warnings: string[] = []
  const source = SOURCE_LINE.exec(blocks[sourceIndex].text)!
  const head = blocks.slice(0, sourceIndex)
  const headline = head.find((b) => hanShare(b.text) < 0.5)
  if (!headline)
    throw new ImportError('the article has no English headline before its "Source:" line', blocks[sourceIndex].line)
  const title = head.find((b) => b !== headline && hanShare(b.text) >= 0.5)
  if (!title) warnings.push(`line ${headline.line}: no Chinese title found before the "Source:" line`)
  const item: ImportedItem = {
    headline: headline.text,
    originalTitle: title?.text,
    date: parseLongDate(source[2], blocks[sourceIndex].line),
    articleUrl: source[3],
    sources: [source[1].trim()],
    body: [],
    terms: [],
    line: headline.line,
  }
  const excerpt: string[] = []
  let inExcerpt = false
  for (const b of blocks.slice(sourceIndex + 1)) {
    const url = URL_LINE.exec(b.text)
    if (inExcerpt) excerpt.push(b.text)
    else if (EXCERPT_MARK.test(b.text)) inExcerpt = true
    else if (url && !item.articleUrl) item.articleUrl = url[1]
    else if (CREDIT_LINE.test(b.text) && !item.credit) item.credit = b.text
    else appendBody(item, b)
  }
  for (const b of head)
    if (b !== headline && b !== title) warnings.push(`line ${b.line}: left out "${b.text.slice(0, 60)}"`)
  if (excerpt.length) item.excerpt = excerpt.join('\n')
  if (!item.articleUrl) warnings.push('no article URL found after the "Source:" line')
  if (!item.body.length)
    throw new ImportError('the article has no text after its "Source:" line', blocks[sourceIndex].line)
  return { kind: 'article', item: finishItem(item, outlets), warnings, blocks: [] }
}
