import { type HTMLElement, type Node, NodeType, parse, type TextNode } from 'node-html-parser'

import type { Block } from '../types'
import { CHROME_ATTR, CHROME_TAGS } from './chrome'

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'body',
  'li',
  'ol',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'hr',
])

type Raw = Omit<Block, 'line'> & { offset: number; bold: boolean }

const isChromeElement = (el: HTMLElement): boolean => {
  if (CHROME_TAGS.has(el.rawTagName?.toLowerCase() ?? '')) return true
  const role = el.getAttribute('role') ?? ''
  if (/^(navigation|banner|contentinfo|search|complementary)$/i.test(role)) return true
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true
  const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('data-hook') ?? ''}`
  return CHROME_ATTR.test(marks)
}

/** Text of an inline run; <br> becomes a line break. Reports whether all of it is bold. */
function inlineText(nodes: Node[]): { text: string; bold: boolean } {
  let text = ''
  let plain = ''
  const walk = (node: Node, bold: boolean) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const value = (node as TextNode).text.replace(/\s+/g, ' ')
      text += value
      if (!bold) plain += value
      return
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return
    const el = node as HTMLElement
    const tag = el.rawTagName?.toLowerCase()
    if (isChromeElement(el)) return
    if (tag === 'br') {
      text += '\n'
      return
    }
    const style = el.getAttribute('style') ?? ''
    const strong = bold || tag === 'strong' || tag === 'b' || /font-weight:\s*(bold|[6-9]00)/.test(style)
    el.childNodes.forEach((child) => walk(child, strong))
  }
  nodes.forEach((n) => walk(n, false))
  return { text, bold: plain.trim() === '' && text.trim() !== '' }
}

/** HTML (a report page saved from a browser, or mammoth's DOCX output) → blocks; chrome elements left out. */
export function parseHtml(html: string): Block[] {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, pre: true } })
  const body = root.querySelector('body') ?? root
  const raws: Raw[] = []
  const emit = (nodes: Node[], offset: number, tag: string, ordered?: boolean) => {
    const { text, bold } = inlineText(nodes)
    const heading = /^h([1-6])$/.exec(tag)
    for (const part of text.split('\n')) {
      const t = part.replace(/\s+/g, ' ').trim()
      if (!t) continue
      if (tag === 'li') raws.push({ kind: 'list-item', text: t, ordered, offset, bold })
      else if (heading) raws.push({ kind: 'heading', text: t, level: Number(heading[1]), offset, bold })
      else raws.push({ kind: 'paragraph', text: t, level: bold ? 3 : undefined, offset, bold })
    }
  }
  const visit = (el: HTMLElement, ordered?: boolean) => {
    if (isChromeElement(el)) return
    const tag = el.rawTagName?.toLowerCase() ?? ''
    const hasBlockChild = el.childNodes.some(
      (c) => c.nodeType === NodeType.ELEMENT_NODE && BLOCK_TAGS.has((c as HTMLElement).rawTagName?.toLowerCase() ?? ''),
    )
    if (!hasBlockChild || tag === 'li' || /^h[1-6]$/.test(tag) || tag === 'p') {
      emit(el.childNodes, el.range?.[0] ?? 0, tag, ordered)
      return
    }
    // Mixed content: runs of inline nodes between block children are paragraphs of their own.
    let run: Node[] = []
    const flush = () => {
      if (run.length) emit(run, run[0].range?.[0] ?? el.range?.[0] ?? 0, 'p')
      run = []
    }
    for (const child of el.childNodes) {
      const childTag = child.nodeType === NodeType.ELEMENT_NODE ? (child as HTMLElement).rawTagName?.toLowerCase() : ''
      if (childTag && BLOCK_TAGS.has(childTag)) {
        flush()
        visit(child as HTMLElement, childTag === 'ol' ? true : childTag === 'ul' ? false : ordered)
      } else run.push(child)
    }
    flush()
  }
  visit(body)
  const lineAt = lineFinder(html)
  return raws.map(({ offset, bold: _bold, ...block }) => ({ ...block, line: lineAt(offset) }))
}

/** Line numbers of offsets, by binary search over the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}
