import { marked, type Token, type Tokens } from 'marked'

import type { Block } from '../types'

/** Plain text of inline tokens (emphasis, links and code keep their words). */
const inline = (tokens: Token[] | undefined, fallback: string): string => {
  if (!tokens) return fallback
  return tokens
    .map((t) => {
      if (t.type === 'br') return '\n'
      if ('tokens' in t && t.tokens) return inline(t.tokens, (t as { text?: string }).text ?? '')
      return (t as { text?: string }).text ?? t.raw
    })
    .join('')
}

const allBold = (tokens: Token[] | undefined): boolean =>
  Boolean(tokens?.length) && tokens!.every((t) => t.type === 'strong' || (t.type === 'text' && !t.raw.trim()))

/** Markdown via marked's lexer: headings keep their depth, lists their items and order. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = []
  const push = (block: Block) => {
    for (const part of block.text.split('\n')) {
      const t = part.replace(/\s+/g, ' ').trim()
      if (t) blocks.push({ ...block, text: t })
    }
  }
  const walk = (tokens: Token[], startLine: number) => {
    let line = startLine
    for (const token of tokens) {
      const lead = token.raw.length - token.raw.trimStart().length
      const at = line + (token.raw.slice(0, lead).match(/\n/g)?.length ?? 0)
      if (token.type === 'heading') {
        const h = token as Tokens.Heading
        push({ kind: 'heading', level: h.depth, text: inline(h.tokens, h.text), line: at })
      } else if (token.type === 'paragraph') {
        const p = token as Tokens.Paragraph
        push({ kind: 'paragraph', text: inline(p.tokens, p.text), level: allBold(p.tokens) ? 3 : undefined, line: at })
      } else if (token.type === 'text') {
        push({ kind: 'paragraph', text: (token as Tokens.Text).text, line: at })
      } else if (token.type === 'list') {
        const list = token as Tokens.List
        let itemLine = at
        for (const item of list.items) {
          const text = item.tokens
            .map((t) => ('tokens' in t && t.tokens ? inline(t.tokens, '') : ((t as { text?: string }).text ?? '')))
            .join(' ')
          push({ kind: 'list-item', ordered: list.ordered, text, line: itemLine })
          itemLine += item.raw.match(/\n/g)?.length ?? 0
        }
      } else if (token.type === 'blockquote') {
        walk((token as Tokens.Blockquote).tokens, at)
      }
      line += token.raw.match(/\n/g)?.length ?? 0
    }
  }
  walk(marked.lexer(text), 1)
  return blocks
}
