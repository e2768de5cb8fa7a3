import mjml2html from 'mjml'

import { blocksToText } from '../../src/content/richtext'
import type { TranslationView } from '../../src/content/translations'
import { creditLine } from '../web/translation'
import { blocksHtml, esc, link, TermGloss, zh } from './html'
import { footer, head, MUTED, rule, text, type EmailChrome } from './issue'

/**
 * A single translation as an email (MJML, like the weekly issue): headline, the original title in
 * Chinese (lang="zh-Hans"), source, credits, then the introduction, the translation and the original
 * or its excerpt. Editions and their redlines stay on the web: the email links to them.
 */
const muted = (html: string) =>
  text(`<div style="font-size:13px;color:${MUTED};">${html}</div>`, 'css-class="bf-muted"')
const mutedLink = (href: string, label: string) => link(href, label, `color:${MUTED};text-decoration:underline;`)

function origin(view: TranslationView): string {
  const parts: string[] = []
  if (view.source)
    parts.push(`${esc(view.source.name)}${view.source.originalName ? ` ${zh(view.source.originalName)}` : ''}`)
  if (view.originalAuthors.length) parts.push(esc(view.originalAuthors.join(', ')))
  if (view.originalDateLabel) parts.push(esc(view.originalDateLabel))
  if (view.sourceUrl) parts.push(mutedLink(view.sourceUrl, 'Original text'))
  return parts.join(' · ')
}

function masthead(view: TranslationView, chrome: EmailChrome): string {
  const credits = creditLine(view)
  const from = origin(view)
  return `<mj-section padding="20px 0 4px 0"><mj-column>
${muted(`${esc(chrome.publicationName)} · ${mutedLink(view.url, 'View in your browser')}`)}
${text(`<h1 style="margin:8px 0 2px 0;font-size:26px;line-height:1.25;font-weight:bold;">${esc(view.headline)}</h1>`)}
${view.originalTitle ? text(`<div lang="zh-Hans" xml:lang="zh-Hans" style="font-size:18px;">${esc(view.originalTitle)}</div>`) : ''}
${from ? muted(from) : ''}
${credits ? muted(esc(credits)) : ''}
</mj-column></mj-section>`
}

function part(heading: string, html: string, lang?: string): string {
  const attrs = lang ? ` lang="${lang}" xml:lang="${lang}"` : ''
  return `${rule}<mj-section><mj-column>
${text(`<h2 lang="en" style="margin:4px 0 8px 0;font-size:20px;">${esc(heading)}</h2><div${attrs}>${html}</div>`)}
</mj-column></mj-section>`
}

/** The web page's redline of the first edition against the latest. */
const compareUrl = (view: TranslationView) =>
  `${view.url}?${new URLSearchParams({ compare: view.editions[0].slug, with: view.editions[view.editions.length - 1].slug })}`

/** Aligned pairs, stacked (an email is too narrow for two columns): English, then the Chinese, each with its lang. */
function pairsPart(view: TranslationView): string {
  if (!view.bilingual.length) return ''
  const para = (lang: 'en' | 'zh-Hans', p: string) =>
    lang === 'en'
      ? `<p lang="en" style="margin:0 0 8px 0;">${esc(p)}</p>`
      : `<p lang="zh-Hans" xml:lang="zh-Hans" style="margin:0 0 8px 0;padding-left:12px;border-left:3px solid #d0d7de;">${esc(p)}</p>`
  const rows = view.bilingual
    .map(
      (r) =>
        `<div style="margin:0 0 16px 0;">${[...r.en.map((p) => para('en', p)), ...r.zh.map((p) => para('zh-Hans', p))].join('')}</div>`,
    )
    .join('')
  return part(`Translation and ${view.excerpt ? 'excerpt of the ' : ''}original, paragraph by paragraph`, rows)
}

function editionsNote(view: TranslationView): string {
  if (view.editions.length < 2) return ''
  const labels = view.editions.map((e) => esc(e.label)).join(', ')
  return `<mj-section><mj-column>
${muted(`This text has ${view.editions.length} editions (${labels}). ${mutedLink(compareUrl(view), 'Compare the editions on the web')}.`)}
</mj-column></mj-section>`
}

export function translationMjml(view: TranslationView, chrome: EmailChrome): string {
  const terms = new TermGloss()
  const preheader = view.description.length > 140 ? `${view.description.slice(0, 139)}…` : view.description
  const original = view.original.length
    ? part(view.excerpt ? 'Excerpt of the original' : 'Original text', blocksHtml(view.original, terms), 'zh-Hans')
    : ''
  return `<mjml lang="en" owa="desktop">
${head({ label: view.headline }, preheader)}
<mj-body width="600px" background-color="#f3f4f6" css-class="bf-body">
${masthead(view, chrome)}
${view.introduction.length ? part('Introduction', blocksHtml(view.introduction, terms)) : ''}
${pairsPart(view)}
${view.body.length ? part('Translation', blocksHtml(view.body, terms)) : ''}
${original}
${editionsNote(view)}
${footer(chrome)}
</mj-body>
</mjml>`
}

export async function renderTranslationHtml(view: TranslationView, chrome: EmailChrome): Promise<string> {
  const result = await mjml2html(translationMjml(view, chrome), { validationLevel: 'soft', keepComments: true })
  return result.html.replace(/>\s*\n\s*</g, '>\n<').replace(/\n\s+/g, '\n')
}

/** The plain-text part: the same parts in order, the original in Chinese, a link to the editions. */
export function renderTranslationText(view: TranslationView, chrome: EmailChrome): string {
  const parts = [view.headline, view.originalTitle ?? '', creditLine(view), `Read on the web: ${view.url}`]
  const add = (heading: string, body: string) => {
    if (body.trim()) parts.push('', heading.toUpperCase(), '='.repeat(heading.length), body)
  }
  add('Introduction', blocksToText(view.introduction))
  add(
    `Translation and ${view.excerpt ? 'excerpt of the ' : ''}original, paragraph by paragraph`,
    view.bilingual.map((r) => [...r.en, ...r.zh].join('\n')).join('\n\n'),
  )
  add('Translation', blocksToText(view.body))
  add(view.excerpt ? 'Excerpt of the original' : 'Original text', blocksToText(view.original))
  if (view.editions.length > 1) parts.push('', `Compare the editions on the web: ${compareUrl(view)}`)
  parts.push(
    '',
    `--\n${chrome.footer}\nSent to {{email}}.\nUnsubscribe: {{unsubscribe_url}}\nPreferences: {{preferences_url}}`,
  )
  return parts.filter((p, i, all) => p !== '' || all[i - 1] !== '').join('\n')
}
