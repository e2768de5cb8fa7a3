import type { Block, Inline, IssueView, ItemView, TermView } from '../../src/content/viewModel'

/**
 * The plain-text part, from the same view-model: title, period, highlights, sections as headings,
 * items with dates and sources, links numbered and listed at the end. Tokens as in the HTML.
 */
export type TextFormat = 'full' | 'digest'

class Links {
  readonly list: string[] = []
  ref(url: string): string {
    let n = this.list.indexOf(url)
    if (n < 0) n = this.list.push(url) - 1
    return `[${n + 1}]`
  }
}

const wrap = (text: string, width = 76): string =>
  text
    .split('\n')
    .map((line) => {
      const out: string[] = []
      let current = ''
      for (const word of line.split(/ +/)) {
        if (current && (current + ' ' + word).length > width) {
          out.push(current)
          current = word
        } else current = current ? `${current} ${word}` : word
      }
      out.push(current)
      return out.join('\n')
    })
    .join('\n')

function inlinesText(inlines: Inline[], seen: Set<string>, links: Links): string {
  return inlines
    .map((i, n) => {
      let s = i.text
      if (i.href) s += ` ${links.ref(i.href)}`
      const term: TermView | undefined = i.term
      if (term && !seen.has(String(term.id))) {
        seen.add(String(term.id))
        const following = inlines
          .slice(n + 1, n + 3)
          .map((f) => f.text)
          .join('')
          .replace(/^[\s"'”’)]*/, '')
        if (term.original && !following.startsWith(`(${term.original}`)) s += ` (${term.original})`
      }
      return s
    })
    .join('')
}

function blocksText(blocks: Block[], seen: Set<string>, links: Links): string {
  return blocks
    .map((b) =>
      b.type === 'list'
        ? b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '-'} ${inlinesText(item, seen, links)}`).join('\n')
        : wrap(inlinesText(b.inlines, seen, links)),
    )
    .join('\n\n')
}

const heading = (text: string, char: string) => `${text}\n${char.repeat(Math.min(76, [...text].length))}`

function itemText(item: ItemView, format: TextFormat, seen: Set<string>, links: Links): string {
  const meta = [item.dateLabel, item.sources.map((s) => s.name).join(', ')].filter(Boolean).join(' · ')
  const body = format === 'digest' ? item.body.filter((b) => b.type === 'paragraph').slice(0, 1) : item.body
  const lines = [
    item.headline ? `${item.headline} ${links.ref(item.permalink)}` : `${item.dateLabel} ${links.ref(item.permalink)}`,
  ]
  if (meta && item.headline) lines.push(meta)
  lines.push(blocksText(body, seen, links))
  if (format === 'full') {
    if (item.originalTitle) lines.push(item.originalTitle)
    if (item.excerpt) lines.push(wrap(item.excerpt))
    if (item.articleUrl) lines.push(`Original article: ${links.ref(item.articleUrl)}`)
  }
  return lines.filter(Boolean).join('\n')
}

export function renderIssueText(
  view: IssueView,
  chrome: { publicationName: string; footer: string },
  format: TextFormat,
): string {
  const links = new Links()
  const seen = new Set<string>()
  const parts: string[] = [
    `${chrome.publicationName}: ${view.label}`,
    view.periodLabel,
    `Read it on the web: ${view.url}`,
  ]
  if (view.highlights.length) {
    const hl = view.highlights.map((h) => {
      const see = h.target ? ` (See ${h.target.label} ${links.ref(h.target.url)})` : ''
      return wrap(
        `- ${h.blocks.map((b) => (b.type === 'list' ? b.items.map((i) => inlinesText(i, seen, links)).join('; ') : inlinesText(b.inlines, seen, links))).join(' ')}${see}`,
      )
    })
    parts.push(`${heading('HIGHLIGHTS', '=')}\n\n${hl.join('\n')}`)
  }
  for (const s of view.sections) {
    parts.push(
      `${heading(s.name.toUpperCase(), '=')}\n\n${s.items.map((i) => itemText(i, format, seen, links)).join('\n\n')}`,
    )
  }
  if (links.list.length)
    parts.push(`${heading('LINKS', '-')}\n${links.list.map((url, n) => `[${n + 1}] ${url}`).join('\n')}`)
  parts.push(
    `--\n${chrome.footer}\nSent to {{email}}.\nUnsubscribe: {{unsubscribe_url}}\nPreferences: {{preferences_url}}`,
  )
  return `${parts.join('\n\n')}\n`
}
