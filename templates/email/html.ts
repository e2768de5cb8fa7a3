import { escapeHtml } from '../../src/lib/html'
import type { Block, Inline, TermView } from '../../src/content/viewModel'

/** HTML helpers for the email: escaped text, `lang` on Chinese, glossary terms glossed once per email. */
export const esc = escapeHtml

export const zh = (s: string) => `<span lang="zh-Hans" xml:lang="zh-Hans">${esc(s)}</span>`

export const LINK_STYLE = 'color:#1a56a8;text-decoration:underline;'

export const link = (href: string, inner: string, style = LINK_STYLE) =>
  `<a href="${esc(href)}" style="${style}">${inner}</a>`

/** First use of a term reads "dynamic zero (动态清零)"; later uses are plain. */
export class TermGloss {
  private seen = new Set<string>()
  gloss(term: TermView, following = ''): string | null {
    const key = String(term.id)
    if (this.seen.has(key)) return null
    this.seen.add(key)
    // The author may already have written the original in brackets right after the term.
    if (!term.original || following.replace(/^[\s"'”’)]*/, '').startsWith(`(${term.original}`)) return null
    return ` (${zh(term.original)})`
  }
}

export function inlineHtml(inline: Inline, terms: TermGloss, following = ''): string {
  let html = inline.text === '\n' ? '<br>' : inline.lang ? zh(inline.text) : esc(inline.text)
  if (inline.bold) html = `<strong>${html}</strong>`
  if (inline.italic) html = `<em>${html}</em>`
  if (inline.href) html = link(inline.href, html)
  if (inline.term) html += terms.gloss(inline.term, following) ?? ''
  return html
}

export const inlinesHtml = (inlines: Inline[], terms: TermGloss) =>
  inlines
    .map((inline, n) =>
      inlineHtml(
        inline,
        terms,
        inlines
          .slice(n + 1, n + 3)
          .map((i) => i.text)
          .join(''),
      ),
    )
    .join('')

const P = 'margin:0 0 12px 0;'

export function blocksHtml(blocks: Block[], terms: TermGloss, prefix = ''): string {
  return blocks
    .map((b, index) => {
      const lead = index === 0 ? prefix : ''
      if (b.type === 'list') {
        const tag = b.ordered ? 'ol' : 'ul'
        return `<${tag} style="margin:0 0 12px 0;padding-left:22px;">${b.items.map((i) => `<li style="margin:0 0 6px 0;">${inlinesHtml(i, terms)}</li>`).join('')}</${tag}>`
      }
      if (b.type === 'heading') return `<p style="${P}font-weight:bold;">${lead}${inlinesHtml(b.inlines, terms)}</p>`
      if (b.type === 'quote')
        return `<p style="${P}padding-left:12px;border-left:3px solid #c9ced6;">${lead}${inlinesHtml(b.inlines, terms)}</p>`
      return `<p style="${P}">${lead}${inlinesHtml(b.inlines, terms)}</p>`
    })
    .join('')
}
