/** Translation pages (web) and the translations feed. Input: the view-model; output: escaped HTML/XML. */
import type { CreditRole, TranslationView } from '../../src/content/translations'
import { entriesRss } from './feeds'
import { esc, localPath, renderBlocks, zh, type InlineMode } from './html'
import { renderEditions } from './editions'
import { renderPage } from './layout'
import type { Site } from './pages'

const ROLE_LABEL: Record<CreditRole, string> = {
  translator: 'Translated by',
  introduction: 'Introduction by',
  editor: 'Edited by',
}

const link = (url: string, site: Site, text: string) =>
  `<a href="${esc(localPath(url, site.publicUrl))}">${esc(text)}</a>`
const time = (iso: string, label: string) => `<time datetime="${esc(iso)}">${esc(label)}</time>`

/** "Translated by A and B · Introduction by C" */
export function creditLine(view: TranslationView): string {
  const byRole = new Map<CreditRole, string[]>()
  for (const c of view.credits) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c.person])
  return [...byRole].map(([role, people]) => `${ROLE_LABEL[role]} ${people.join(' and ')}`).join(' · ')
}

function originLine(view: TranslationView, site: Site): string {
  const parts: string[] = []
  if (view.source)
    parts.push(
      `${link(view.source.url, site, view.source.name)}${view.source.originalName ? ` ${zh(view.source.originalName)}` : ''}`,
    )
  if (view.originalAuthors.length) parts.push(esc(view.originalAuthors.join(', ')))
  if (view.originalDate) parts.push(time(view.originalDate, view.originalDateLabel))
  if (view.sourceUrl) parts.push(`<a href="${esc(view.sourceUrl)}" rel="noopener noreferrer">Original text</a>`)
  return parts.length ? `<p class="item-meta">${parts.join(' · ')}</p>` : ''
}

function updateNotes(view: TranslationView): string {
  if (!view.updateNotes.length) return ''
  const notes = view.updateNotes.map(
    (n) => `<li><strong>Update ${time(n.date, n.dateLabel)}:</strong> ${esc(n.text)}</li>`,
  )
  return `<aside class="update-notes" aria-label="Updates"><ul>${notes.join('')}</ul></aside>`
}

function summarisedIn(view: TranslationView, site: Site): string {
  if (!view.summarisedIn.length) return ''
  const rows = view.summarisedIn.map(
    (s) => `<li>${link(s.issue.url, site, s.issue.label)}: ${link(s.item.permalink, site, s.item.headline)}</li>`,
  )
  return `<section aria-labelledby="summarised-title"><h2 id="summarised-title">Summarised in</h2><ul class="list">${rows.join('')}</ul></section>`
}

/** The original, whole or excerpt, in Chinese. */
function originalText(view: TranslationView, mode: InlineMode): string {
  if (!view.original.length) return ''
  const heading = view.excerpt ? 'Excerpt of the original' : 'Original text'
  return `<section class="original" lang="zh-Hans" aria-labelledby="original-title"><h2 id="original-title" lang="en">${heading}</h2>
${renderBlocks(view.original, { ...mode, idPrefix: 'tip-original' })}
</section>`
}

/** The translation and the original side by side, one aligned pair per row (stacked on narrow screens). */
export function bilingualView(view: TranslationView): string {
  if (!view.bilingual.length) return ''
  const cell = (lang: 'en' | 'zh-Hans', paras: string[]) => {
    const cls = lang === 'en' ? 'en' : 'zh'
    return paras.length
      ? `<div class="${cls}" lang="${lang}">${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</div>`
      : `<div class="${cls} empty" lang="${lang}"></div>`
  }
  const rows = view.bilingual.map((r) => `<div class="bilingual-row">${cell('en', r.en)}${cell('zh-Hans', r.zh)}</div>`)
  return `<section class="bilingual" aria-labelledby="bilingual-title"><h2 id="bilingual-title">Translation and ${view.excerpt ? 'excerpt of the ' : ''}original, paragraph by paragraph</h2>
${rows.join('\n')}
</section>`
}

export function translationJsonLd(view: TranslationView, siteName: string): unknown {
  const person = (name: string) => ({ '@type': 'Person', name })
  const credited = (role: CreditRole) => view.credits.filter((c) => c.role === role).map((c) => person(c.person))
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: view.headline.slice(0, 110),
    url: view.url,
    inLanguage: 'en',
    datePublished: view.publishedAt ?? undefined,
    dateModified: view.updatedAt,
    description: view.description || undefined,
    keywords: view.tags.length ? view.tags.join(', ') : undefined,
    translator: credited('translator'),
    contributor: [...credited('introduction'), ...credited('editor')],
    publisher: { '@type': 'Organization', name: siteName },
    isBasedOn: view.sourceUrl ?? undefined,
    translationOfWork: {
      '@type': 'CreativeWork',
      name: view.originalTitle ?? undefined,
      inLanguage: 'zh-Hans',
      url: view.sourceUrl ?? undefined,
      datePublished: view.originalDate ?? undefined,
      author: view.originalAuthors.map((a) => ({ '@type': 'Organization', name: a })),
      publisher: view.source ? { '@type': 'Organization', name: view.source.name } : undefined,
    },
  }
}

export function renderTranslationPage(view: TranslationView, site: Site, extra = ''): string {
  const mode: InlineMode = { terms: 'tooltip', publicUrl: site.publicUrl }
  const credits = creditLine(view)
  const dates = view.publishedAt
    ? `<p class="meta">Posted ${time(view.publishedAt.slice(0, 10), view.publishedLabel)}</p>`
    : ''
  const intro = view.introduction.length
    ? `<section class="introduction" aria-label="Introduction">${renderBlocks(view.introduction, { ...mode, idPrefix: 'tip-intro' })}</section>`
    : ''
  return renderPage({
    ...site,
    title: view.headline,
    description: view.description || `A translation of ${view.originalTitle ?? view.headline}.`,
    canonical: view.url,
    nav: 'translations',
    ogType: 'article',
    publishedTime: view.publishedAt,
    modifiedTime: view.updatedAt,
    jsonLd: translationJsonLd(view, site.siteName ?? 'Briefing'),
    body: `<article class="translation">
<p class="kicker"><a href="/translations">Translations</a></p>
<h1>${esc(view.headline)}</h1>
${view.originalTitle ? zh(view.originalTitle, 'p', 'original-title') : ''}
${originLine(view, site)}
${credits ? `<p class="credit">${esc(credits)}</p>` : ''}
${dates}
${updateNotes(view)}
${intro}
${
  extra ||
  bilingualView(view) ||
  renderEditions(view) ||
  `<section class="translation-body" aria-label="Translation">${renderBlocks(view.body, { ...mode, idPrefix: 'tip-body' })}</section>
${originalText(view, mode)}`
}
${summarisedIn(view, site)}
</article>`,
  })
}

export function renderTranslationList(views: TranslationView[], site: Site): string {
  const entries = views.map(
    (v) =>
      `<li><article class="item listed"><h2>${link(v.url, site, v.headline)}</h2>${v.originalTitle ? zh(v.originalTitle, 'p', 'original-title') : ''}${v.publishedAt ? `<p class="meta">${time(v.publishedAt.slice(0, 10), v.publishedLabel)}${v.source ? ` · ${esc(v.source.name)}` : ''}</p>` : ''}${v.description ? `<p>${esc(v.description)}</p>` : ''}</article></li>`,
  )
  return renderPage({
    ...site,
    title: 'Translations',
    description: 'Full translations of Chinese documents and articles, with the originals.',
    canonical: `${site.publicUrl}/translations`,
    nav: 'translations',
    head: `<link rel="alternate" type="application/rss+xml" title="Translations (RSS)" href="${esc(site.publicUrl)}/translations/feed.xml">`,
    body: `<h1>Translations</h1><p><a href="/translations/feed.xml">Translations feed (RSS)</a></p>${entries.length ? `<ul class="translations">${entries.join('\n')}</ul>` : '<p>No translation has been published yet.</p>'}`,
  })
}

/** The translation as HTML for feed readers (absolute links). */
export function translationFeedHtml(view: TranslationView): string {
  const mode: InlineMode = { terms: 'link', publicUrl: '' }
  const credits = creditLine(view)
  return [
    view.originalTitle ? `<p lang="zh-Hans">${esc(view.originalTitle)}</p>` : '',
    credits ? `<p>${esc(credits)}</p>` : '',
    renderBlocks(view.introduction, mode),
    renderBlocks(view.body, mode),
    view.original.length ? `<div lang="zh-Hans">${renderBlocks(view.original, mode)}</div>` : '',
  ].join('')
}

export function translationsRss(views: TranslationView[], site: { publicUrl: string; siteName: string }): string {
  const entries = views.map((v) => ({
    title: v.headline,
    url: v.url,
    date: v.publishedAt ?? v.updatedAt,
    description: v.description,
    html: translationFeedHtml(v),
  }))
  const feedSite = {
    publicUrl: site.publicUrl,
    siteName: `${site.siteName}: Translations`,
    description: 'Full translations of Chinese documents and articles, with the originals.',
  }
  return entriesRss(entries, feedSite, '/translations/feed.xml')
}
