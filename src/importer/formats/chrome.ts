import { REPORT_HEADER } from '../recognise/patterns'
import type { Block } from '../types'

/**
 * Page chrome of pages saved from their web sites: navigation and account lines, reading times,
 * share and print buttons, "Related postings" lists and footers. Matched on whole lines,
 * case-insensitively, in every format.
 */
const CHROME_LINES: RegExp[] = [
  /^(top|bottom) of (the )?page$/,
  /^skip to (main )?content$/,
  /^(admin|log ?in|log ?out|sign ?in|sign ?up|sign ?out|my account|account|menu|home|search|blog|about|contact|more)$/,
  /^(share|share this( post| page| article)?:?|share on .+|facebook|twitter|x|linkedin|whatsapp|weibo|wechat|email|copy link|link copied)$/,
  /^(print|print this( page| post| article)?|pdf|download( as)? pdf|save as pdf|print \/ pdf|print\s*\|\s*pdf)$/,
  /^(all posts|see all|recent posts|previous|next|back to top|subscribe|follow us|leave a (comment|reply))$/,
  /^(previous|next) (post|article|entry)\b.*$/,
  /^\d+ (views?|comments?|likes?)$/,
  /^(comments?|write a comment|log in to leave a comment|post not marked as liked|post was not marked as liked)$/,
  /^(©|\(c\)|copyright\b).*/,
  /^\d{4}\s*(©|\(c\)).*/,
  /\bicp\s*(备|证|license|no\.?)?\s*[:：]?\s*\d{5,}/,
  /^[\u4e00-\u9fff]icp[备证]/,
  /^all rights reserved\.?$/,
  /^powered (and secured )?by .+/,
  /^updated: .+$/,
  /^\d+ min(ute)?s? read$/,
]

/** Bulleted lines of post metadata in a page header: "• Admin", "- Jul 25, 2022", "- 18 min read". */
const META_BULLETS =
  /^(admin|[a-z]{3,9}\.? \d{1,2}, \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4}|\d+ min(ute)?s? read|updated .+)$/

/** Headings that start a block of chrome running to the next heading (e.g. "Related postings"). */
const CHROME_HEADINGS =
  /^(related (postings?|posts?|articles?)( on .+)?|recent posts|more from .+|you might also like|comments?)$/i

export const isChromeLine = (text: string): boolean => {
  const t = text.trim().toLowerCase()
  return t === '' || CHROME_LINES.some((re) => re.test(t))
}

/** A chrome line, or a bulleted metadata line (the text formats make those list items). */
export const isChromeBlock = (block: Pick<Block, 'text' | 'kind' | 'ordered'>): boolean =>
  isChromeLine(block.text) ||
  (block.kind === 'list-item' && block.ordered !== true && META_BULLETS.test(block.text.trim().toLowerCase()))

export const startsChromeRun = (text: string): boolean => CHROME_HEADINGS.test(text.trim())

/**
 * Split a block stream into content and chrome. "Related postings"-style runs list other posts
 * (often other reports' header lines), so they run to the end of the page; only before the report's
 * own header line does a header end them.
 */
export function splitChrome<T extends Pick<Block, 'text' | 'kind' | 'ordered'>>(
  blocks: T[],
): { kept: T[]; chrome: T[] } {
  const kept: T[] = []
  const chrome: T[] = []
  let skipping = false
  let seenHeader = false
  for (const block of blocks) {
    if (startsChromeRun(block.text)) {
      skipping = true
      chrome.push(block)
      continue
    }
    if (skipping && !seenHeader && REPORT_HEADER.test(block.text)) skipping = false
    if (!skipping && REPORT_HEADER.test(block.text)) seenHeader = true
    if (skipping || isChromeBlock(block)) chrome.push(block)
    else kept.push(block)
  }
  return { kept, chrome }
}

/** Elements never part of the content of a saved report page. */
export const CHROME_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'svg',
  'iframe',
  'select',
  'input',
  'textarea',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
])

/** Class, id or role values that mark chrome containers. */
export const CHROME_ATTR =
  /(^|[\s_-])(nav|navbar|menu|share|sharing|social|related|comments?|footer|header|sidebar|breadcrumbs?|cookie|login|account|toolbar|banner|skip|stats|likes|post-meta)([\s_-]|$)/i
