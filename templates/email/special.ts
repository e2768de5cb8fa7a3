import mjml2html from 'mjml'

import { blocksToText } from '../../src/content/richtext'
import type { SpecialIssueView } from '../../src/content/special'
import { captionText } from '../web/special'
import { blocksHtml, esc, link, TermGloss } from './html'
import { footer, head, MUTED, rule, text, type EmailChrome } from './issue'

/**
 * A special issue as an email (MJML, like the weekly issue): title, subtitle, publisher line, then
 * each date heading with its entries, their photos (alt text, caption and credit) and sources.
 * Tokens (`{{unsubscribe_url}}` …) are substituted per recipient by the sender.
 */
const muted = (html: string) =>
  text(`<div style="font-size:13px;color:${MUTED};">${html}</div>`, 'css-class="bf-muted"')

function masthead(view: SpecialIssueView, chrome: EmailChrome): string {
  return `<mj-section padding="20px 0 4px 0"><mj-column>
${muted(`${esc(chrome.publicationName)} · ${link(view.url, 'View in your browser', `color:${MUTED};text-decoration:underline;`)}`)}
${text(`<h1 style="margin:8px 0 2px 0;font-size:26px;line-height:1.25;font-weight:bold;">${esc(view.title)}</h1>`)}
${view.subtitle ? text(`<div style="font-size:17px;">${esc(view.subtitle)}</div>`) : ''}
${view.publisherLine ? muted(esc(view.publisherLine)) : ''}
</mj-column></mj-section>`
}

function entries(view: SpecialIssueView, terms: TermGloss): string {
  return view.groups
    .map((g) => {
      const body = g.entries
        .map((e) => {
          const photos = e.photos
            .map(
              (p) =>
                `<mj-image src="${esc(p.url)}" alt="${esc(p.alt)}" padding="8px 24px 0 24px" ${p.width ? `width="${Math.min(552, p.width)}px"` : ''} />${captionText(p) ? muted(esc(captionText(p))) : ''}`,
            )
            .join('\n')
          const sources = e.sources.map((s) => esc(s.name)).join(' · ')
          return `${text(`<h3 style="margin:16px 0 4px 0;font-size:18px;">${esc(e.headline)}</h3>`)}
${photos}
${text(blocksHtml(e.body, terms))}
${sources ? muted(sources) : ''}`
        })
        .join('\n')
      return `${rule}<mj-section><mj-column>
${text(`<h2 style="margin:4px 0;font-size:21px;">${esc(g.heading)}</h2>`)}
${body}
</mj-column></mj-section>`
    })
    .join('\n')
}

export function specialIssueMjml(view: SpecialIssueView, chrome: EmailChrome): string {
  const preheader = view.description.length > 140 ? `${view.description.slice(0, 139)}…` : view.description
  return `<mjml lang="en" owa="desktop">
${head(view, preheader)}
<mj-body width="600px" background-color="#f3f4f6" css-class="bf-body">
${masthead(view, chrome)}
${entries(view, new TermGloss())}
${footer(chrome)}
</mj-body>
</mjml>`
}

export async function renderSpecialIssueHtml(view: SpecialIssueView, chrome: EmailChrome): Promise<string> {
  const result = await mjml2html(specialIssueMjml(view, chrome), { validationLevel: 'soft', keepComments: true })
  return result.html.replace(/>\s*\n\s*</g, '>\n<').replace(/\n\s+/g, '\n')
}

/** The plain-text part: date headings in capitals, entries with their photo captions. */
export function renderSpecialIssueText(view: SpecialIssueView, chrome: EmailChrome): string {
  const parts = [view.title, view.subtitle ?? '', view.publisherLine ?? '', `Read on the web: ${view.url}`]
  for (const g of view.groups) {
    parts.push('', g.heading.toUpperCase(), '='.repeat(g.heading.length))
    for (const e of g.entries) {
      parts.push('', e.headline, '-'.repeat(Math.min(76, e.headline.length)))
      for (const p of e.photos) if (captionText(p)) parts.push(`[Photo: ${captionText(p)}]`)
      parts.push(blocksToText(e.body))
      if (e.sources.length) parts.push(`Sources: ${e.sources.map((s) => s.name).join(', ')}`)
    }
  }
  parts.push(
    '',
    `--\n${chrome.footer}\nSent to {{email}}.\nUnsubscribe: {{unsubscribe_url}}\nPreferences: {{preferences_url}}`,
  )
  return parts.filter((p, i, all) => p !== '' || all[i - 1] !== '').join('\n')
}
