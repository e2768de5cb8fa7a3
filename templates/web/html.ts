/**
 * HTML building blocks shared by every web template: escaping and rich-text rendering.
 * Every string from content goes through `esc` (text and attributes) or `jsonForScript`.
 */
import type { Block, Inline, TermView } from '../../src/content/richtext'

import { escapeHtml } from '../../src/lib/html'

/** Escape for HTML/XML text and quoted attribute values (the one escaper, src/lib/html.ts). */
export const esc = escapeHtml

/** JSON inside <script type="application/ld+json">: no way to close the script element. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

/** Site-relative path of an absolute URL on this site (links stay working behind any host name). */
export const localPath = (url: string, publicUrl: string): string => {
  const base = publicUrl.replace(/\/+$/, '')
  return url.startsWith(`${base}/`) ? url.slice(base.length) : url === base ? '/' : url
}

export type InlineMode = {
  /** 'tooltip': <dfn> with a definition shown on hover and focus (web pages); 'link': a plain link (feeds). */
  terms: 'tooltip' | 'link'
  /** Prefix for unique tooltip ids on the page. */
  idPrefix?: string
  publicUrl: string
  /** Numbering of tooltip ids within one idPrefix (set by renderBlocks). */
  counter?: { n: number }
}

const termTip = (term: TermView, mode: InlineMode, inner: string): string => {
  const href = esc(mode.terms === 'tooltip' ? localPath(term.url, mode.publicUrl) : term.url)
  if (mode.terms === 'link') return `<a href="${href}" class="term">${inner}</a>`
  const counter = mode.counter ?? { n: 0 }
  const id = `${mode.idPrefix ?? 'tip'}-${++counter.n}`
  const original = `<span lang="zh-Hans">${esc(term.original)}</span>${term.pinyin ? ` <i>${esc(term.pinyin)}</i>` : ''}`
  const definition = term.definition ? `: ${esc(term.definition)}` : ''
  return (
    `<span class="term"><a href="${href}" aria-describedby="${id}"><dfn>${inner}</dfn></a>` +
    `<span class="term-tip" role="tooltip" id="${id}"><b>${esc(term.english)}</b> ${original}${definition}</span></span>`
  )
}

export const renderInline = (inline: Inline, mode: InlineMode): string => {
  if (inline.text === '\n') return '<br>'
  let html = esc(inline.text)
  if (inline.lang) html = `<span lang="${inline.lang}">${html}</span>`
  if (inline.italic) html = `<em>${html}</em>`
  if (inline.bold) html = `<strong>${html}</strong>`
  if (inline.term) return termTip(inline.term, mode, html)
  if (inline.href) {
    const external = /^https?:/i.test(inline.href) && !inline.href.startsWith(mode.publicUrl)
    html = `<a href="${esc(inline.href)}"${external ? ' rel="noopener noreferrer"' : ''}>${html}</a>`
  }
  return html
}

export const renderInlines = (inlines: Inline[], mode: InlineMode): string =>
  inlines.map((i) => renderInline(i, mode)).join('')

export const renderBlock = (block: Block, mode: InlineMode, prefix = ''): string => {
  switch (block.type) {
    case 'heading':
      return `<h${block.level + 2 > 6 ? 6 : block.level + 2}>${renderInlines(block.inlines, mode)}</h${block.level + 2 > 6 ? 6 : block.level + 2}>`
    case 'quote':
      return `<blockquote><p>${prefix}${renderInlines(block.inlines, mode)}</p></blockquote>`
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      const items = block.items.map((item) => `<li>${renderInlines(item, mode)}</li>`).join('')
      return `${prefix ? `<p>${prefix}</p>` : ''}<${tag}>${items}</${tag}>`
    }
    default:
      return `<p>${prefix}${renderInlines(block.inlines, mode)}</p>`
  }
}

/** Render blocks; `prefix` (already HTML) goes at the start of the first block, e.g. the date label. */
export const renderBlocks = (blocks: Block[], mode: InlineMode, prefix = ''): string => {
  if (!blocks.length) return prefix ? `<p>${prefix}</p>` : ''
  const numbered = { ...mode, counter: mode.counter ?? { n: 0 } }
  return blocks.map((b, i) => renderBlock(b, numbered, i === 0 ? prefix : '')).join('\n')
}

/** Chinese text in its own element with lang="zh-Hans". */
export const zh = (text: string | null | undefined, tag = 'span', cls = ''): string =>
  text ? `<${tag} lang="zh-Hans"${cls ? ` class="${cls}"` : ''}>${esc(text)}</${tag}>` : ''
