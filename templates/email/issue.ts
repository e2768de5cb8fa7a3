import mjml2html from 'mjml'

import type { HighlightView, IssueView, ItemView, SectionView } from '../../src/content/viewModel'
import { blocksHtml, esc, inlinesHtml, link, TermGloss, zh } from './html'

/**
 * The issue as an email, in MJML (compiled to table layout with inline CSS, Outlook conditional
 * comments and a mobile media query). Personal values stay as tokens (`{{unsubscribe_url}}`,
 * `{{preferences_url}}`, `{{email}}`) that the sender substitutes per recipient.
 *
 * `digest`: highlights, then per item only headline, date, sources and first paragraph, each linked
 * to its web page (for issues that would exceed Gmail's ~102 KB clipping limit, or by choice).
 */
export type EmailChrome = { publicationName: string; footer: string }
export type EmailFormat = 'full' | 'digest'

const TEXT = '#1f2328'
const MUTED = '#59636e'
const RULE = '#d0d7de'

const head = (view: IssueView, preheader: string) => `<mj-head>
<mj-title>${esc(view.label)}</mj-title>
<mj-preview>${esc(preheader)}</mj-preview>
<mj-attributes>
<mj-all font-family="Georgia, 'Times New Roman', serif" />
<mj-text font-size="16px" line-height="1.55" color="${TEXT}" padding="0 24px" />
<mj-section padding="0" background-color="#ffffff" />
</mj-attributes>
<mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>
<mj-style>
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .bf-body, .bf-body div, .bf-body table, .bf-body td { background-color: #16191d !important; }
  .bf-body div, .bf-body p, .bf-body li, .bf-body td { color: #e6edf3 !important; }
  .bf-body a { color: #7cb7ff !important; }
  .bf-muted, .bf-muted div { color: #9ea7b3 !important; }
}
</mj-style>
</mj-head>`

const rule = `<mj-section><mj-column><mj-divider border-color="${RULE}" border-width="1px" padding="8px 24px" /></mj-column></mj-section>`

const text = (html: string, attrs = '') => `<mj-text${attrs ? ` ${attrs}` : ''}>${html}</mj-text>`

function masthead(view: IssueView, chrome: EmailChrome): string {
  const cover = view.cover
    ? `<mj-image src="${esc(view.cover.url)}" alt="${esc(view.cover.alt)}" padding="12px 24px" ${view.cover.width ? `width="${Math.min(552, view.cover.width)}px"` : ''} />`
    : ''
  return `<mj-section padding="20px 0 4px 0"><mj-column>
${text(`<div style="font-size:13px;color:${MUTED};">${esc(chrome.publicationName)} · ${link(view.url, 'View in your browser', `color:${MUTED};text-decoration:underline;`)}</div>`, 'css-class="bf-muted"')}
${text(`<h1 style="margin:8px 0 2px 0;font-size:26px;line-height:1.25;font-weight:bold;">${esc(view.label)}</h1>`)}
${text(`<div style="font-size:15px;color:${MUTED};">${esc(view.periodLabel)}</div>`, 'css-class="bf-muted"')}
${cover}
</mj-column></mj-section>`
}

function highlights(items: HighlightView[], terms: TermGloss): string {
  if (!items.length) return ''
  const li = items
    .map((h) => {
      const see = h.target ? ` ${link(h.target.url, `(See ${esc(h.target.label)})`)}` : ''
      const body = h.blocks
        .map((b) =>
          b.type === 'list' ? b.items.map((i) => inlinesHtml(i, terms)).join('; ') : inlinesHtml(b.inlines, terms),
        )
        .join(' ')
      return `<li style="margin:0 0 8px 0;">${body}${see}</li>`
    })
    .join('')
  return `${rule}<mj-section><mj-column>
${text(`<h2 style="margin:4px 0 8px 0;font-size:20px;">Highlights</h2><ul style="margin:0 0 8px 0;padding-left:22px;">${li}</ul>`)}
</mj-column></mj-section>`
}

const sourcesLine = (item: ItemView) => {
  const names = item.sources.map((s) => esc(s.name)).join(', ')
  return [item.dateLabel ? esc(item.dateLabel) : '', names].filter(Boolean).join(' · ')
}

function fullItem(item: ItemView, terms: TermGloss): string {
  const meta = `<div style="margin:0 0 8px 0;font-size:13px;color:${MUTED};">${sourcesLine(item)}</div>`
  const chinese = [item.originalTitle, item.excerpt].filter((s): s is string => Boolean(s))
  const original = chinese.length
    ? `<p style="margin:0 0 12px 0;font-size:15px;color:${MUTED};">${chinese.map(zh).join('<br>')}</p>`
    : ''
  const article = item.articleUrl
    ? `<p style="margin:0 0 12px 0;font-size:14px;">${link(item.articleUrl, 'Original article')}</p>`
    : ''
  if (!item.headline) {
    const prefix = item.dateLabel ? `<strong>${esc(item.dateLabel)}</strong> ` : ''
    return text(`${blocksHtml(item.body, terms, prefix)}${original}${article}`)
  }
  return text(
    `<h3 style="margin:12px 0 4px 0;font-size:18px;line-height:1.3;">${link(item.permalink, esc(item.headline), `color:${TEXT};text-decoration:none;`)}</h3>${meta}${blocksHtml(item.body, terms)}${original}${article}`,
  )
}

function digestItem(item: ItemView, terms: TermGloss): string {
  const first = item.body.find((b) => b.type === 'paragraph') ?? item.body[0]
  if (!item.headline) {
    const line = item.text.replace(/\s+/g, ' ').trim()
    const short = line.length > 160 ? `${line.slice(0, 159).replace(/\s+\S*$/, '')}…` : line
    return text(
      `<p style="margin:0 0 10px 0;"><strong>${esc(item.dateLabel)}</strong> ${link(item.permalink, esc(short))}</p>`,
    )
  }
  return text(
    `<h3 style="margin:12px 0 4px 0;font-size:17px;line-height:1.3;">${link(item.permalink, esc(item.headline))}</h3><div style="margin:0 0 6px 0;font-size:13px;color:${MUTED};">${sourcesLine(item)}</div>${first ? blocksHtml([first], terms) : ''}`,
  )
}

function section(s: SectionView, format: EmailFormat, terms: TermGloss): string {
  const items = s.items.map((i) => (format === 'digest' ? digestItem(i, terms) : fullItem(i, terms))).join('\n')
  return `${rule}<mj-section><mj-column>
${text(`<h2 style="margin:4px 0 4px 0;font-size:20px;">${link(s.url, esc(s.name), `color:${TEXT};text-decoration:none;`)}</h2>`)}
${items}
</mj-column></mj-section>`
}

function footer(chrome: EmailChrome): string {
  const small = `font-size:13px;color:${MUTED};`
  return `${rule}<mj-section padding="0 0 24px 0"><mj-column>
${text(`<p style="margin:0 0 8px 0;${small}">${esc(chrome.footer)}</p><p style="margin:0;${small}">Sent to {{email}}. ${link('{{unsubscribe_url}}', 'Unsubscribe', `color:${MUTED};text-decoration:underline;`)} · ${link('{{preferences_url}}', 'Preferences', `color:${MUTED};text-decoration:underline;`)}</p>`, 'css-class="bf-muted"')}
</mj-column></mj-section>`
}

export function preheaderOf(view: IssueView): string {
  const text = view.highlights
    .map((h) =>
      h.blocks.map((b) => (b.type === 'list' ? b.items.flat() : b.inlines).map((i) => i.text).join('')).join(' '),
    )
    .join(' · ')
    .replace(/\s+/g, ' ')
    .trim()
  const base = text || view.description || view.periodLabel
  return base.length > 140 ? `${base.slice(0, 139).replace(/\s+\S*$/, '')}…` : base
}

export function issueMjml(view: IssueView, chrome: EmailChrome, format: EmailFormat): string {
  const terms = new TermGloss()
  return `<mjml lang="en" owa="desktop">
${head(view, preheaderOf(view))}
<mj-body width="600px" background-color="#f3f4f6" css-class="bf-body">
${masthead(view, chrome)}
${highlights(view.highlights, terms)}
${view.sections.map((s) => section(s, format, terms)).join('\n')}
${footer(chrome)}
</mj-body>
</mjml>`
}

/** Compile to HTML; whitespace between tags is collapsed (every byte counts towards Gmail's limit). */
export async function renderIssueHtml(view: IssueView, chrome: EmailChrome, format: EmailFormat): Promise<string> {
  const result = await mjml2html(issueMjml(view, chrome, format), { validationLevel: 'soft', keepComments: true })
  return result.html
    .replace(/>\s*\n\s*</g, '>\n<')
    .replace(/\n\s+/g, '\n')
    .replace(/\n{2,}/g, '\n')
}
