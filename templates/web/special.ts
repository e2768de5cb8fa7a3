/** Special issue pages (web), listing and feed. Input: the view-model; output: escaped HTML/XML. */
import type { EntryView, PhotoView, SpecialIssueView } from '../../src/content/special'
import { entriesRss } from './feeds'
import { esc, localPath, renderBlocks, zh, type InlineMode } from './html'
import { renderPage } from './layout'
import type { Site } from './pages'

const link = (url: string, site: Site, text: string) =>
  `<a href="${esc(localPath(url, site.publicUrl))}">${esc(text)}</a>`

/** "Caption (CREDIT)"; the credit in its own span. */
export const captionText = (p: PhotoView): string =>
  [p.caption, p.credit ? `(${p.credit})` : ''].filter(Boolean).join(' ')

function figure(p: PhotoView): string {
  const size = p.width && p.height ? ` width="${p.width}" height="${p.height}"` : ''
  const caption = [p.caption ? esc(p.caption) : '', p.credit ? `<span class="credit">(${esc(p.credit)})</span>` : '']
    .filter(Boolean)
    .join(' ')
  return `<figure class="photo"><img src="${esc(p.url)}" alt="${esc(p.alt)}"${size} loading="lazy">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
}

function entry(e: EntryView, mode: InlineMode, site: Site): string {
  const sources = e.sources.map((s) => `${link(s.url, site, s.name)}${s.originalName ? ` ${zh(s.originalName)}` : ''}`)
  return `<article class="item entry" id="${esc(e.anchor)}">
<h3>${esc(e.headline)}</h3>
${e.photos.map(figure).join('\n')}
${renderBlocks(e.body, { ...mode, idPrefix: `tip-${e.anchor}` })}
${sources.length ? `<p class="item-meta">${sources.join(' · ')}</p>` : ''}
</article>`
}

export function specialJsonLd(view: SpecialIssueView, siteName: string): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: view.label.slice(0, 110),
    name: view.title,
    alternativeHeadline: view.subtitle ?? undefined,
    url: view.url,
    inLanguage: 'en',
    datePublished: view.publishedAt ?? undefined,
    dateModified: view.updatedAt,
    description: view.description || undefined,
    publisher: { '@type': 'Organization', name: siteName },
    image: view.groups.flatMap((g) => g.entries.flatMap((e) => e.photos.map((p) => p.url))).slice(0, 5),
  }
}

/** The page of a special issue; `site.preview` (a banner) makes it the admin's live preview (noindex). */
export function renderSpecialIssuePage(view: SpecialIssueView, site: Site & { preview?: string }): string {
  const mode: InlineMode = { terms: 'tooltip', publicUrl: site.publicUrl }
  const firstPhoto = view.groups.flatMap((g) => g.entries.flatMap((e) => e.photos))[0]
  const toc =
    view.groups.length > 1
      ? `<nav class="toc" aria-label="Dates"><ul>${view.groups.map((g) => `<li><a href="#${esc(g.anchor)}">${esc(g.heading)}</a></li>`).join('')}</ul></nav>`
      : ''
  const groups = view.groups
    .map(
      (g) => `<section class="section" aria-labelledby="${esc(g.anchor)}">
<h2 id="${esc(g.anchor)}">${esc(g.heading)}</h2>
${g.entries.map((e) => entry(e, mode, site)).join('\n')}
</section>`,
    )
    .join('\n')
  return renderPage({
    ...site,
    title: view.label,
    description: view.description || view.label,
    canonical: view.url,
    nav: 'special',
    ogType: 'article',
    image: firstPhoto ? { url: firstPhoto.url, alt: firstPhoto.alt } : null,
    publishedTime: view.publishedAt,
    modifiedTime: view.updatedAt,
    jsonLd: specialJsonLd(view, site.siteName ?? 'Briefing'),
    robots: site.preview ? 'noindex, nofollow' : undefined,
    body: `${site.preview ?? ''}<article class="issue special">
<p class="kicker"><a href="/special">Special issues</a></p>
<h1>${esc(view.title)}</h1>
${view.subtitle ? `<p class="subtitle">${esc(view.subtitle)}</p>` : ''}
${view.publisherLine ? `<p class="publisher">${esc(view.publisherLine)}</p>` : ''}
${toc}
${groups || '<p>This special issue has no entries yet.</p>'}
</article>`,
  })
}

/** A link list of special issues (listing page, archive, home). */
export const specialList = (views: Array<Pick<SpecialIssueView, 'url' | 'label' | 'publishedLabel'>>, site: Site) =>
  `<ul class="list">${views.map((v) => `<li>${link(v.url, site, v.label)}${v.publishedLabel ? ` <span class="meta">${esc(v.publishedLabel)}</span>` : ''}</li>`).join('')}</ul>`

export function renderSpecialList(views: SpecialIssueView[], site: Site): string {
  return renderPage({
    ...site,
    title: 'Special issues',
    description: 'Special issues on one topic, entries grouped by date.',
    canonical: `${site.publicUrl}/special`,
    nav: 'special',
    head: `<link rel="alternate" type="application/rss+xml" title="Special issues (RSS)" href="${esc(site.publicUrl)}/special/feed.xml">`,
    body: `<h1>Special issues</h1><p><a href="/special/feed.xml">Special issues feed (RSS)</a></p>${views.length ? specialList(views, site) : '<p>No special issue has been published yet.</p>'}`,
  })
}

/** The special issue as HTML for feed readers (absolute links). */
export function specialFeedHtml(view: SpecialIssueView): string {
  const mode: InlineMode = { terms: 'link', publicUrl: '' }
  const groups = view.groups.map(
    (g) =>
      `<h2>${esc(g.heading)}</h2>${g.entries.map((e) => `<h3>${esc(e.headline)}</h3>${e.photos.map((p) => `<p><img src="${esc(p.url)}" alt="${esc(p.alt)}"><br>${esc(captionText(p))}</p>`).join('')}${renderBlocks(e.body, mode)}`).join('')}`,
  )
  return `${view.subtitle ? `<p>${esc(view.subtitle)}</p>` : ''}${view.publisherLine ? `<p>${esc(view.publisherLine)}</p>` : ''}${groups.join('')}`
}

export function specialRss(views: SpecialIssueView[], site: { publicUrl: string; siteName: string }): string {
  const entries = views.map((v) => ({
    title: v.label,
    url: v.url,
    date: v.publishedAt ?? v.updatedAt,
    description: v.description,
    html: specialFeedHtml(v),
  }))
  const feedSite = {
    ...site,
    siteName: `${site.siteName}: Special issues`,
    description: 'Special issues on one topic.',
  }
  return entriesRss(entries, feedSite, '/special/feed.xml')
}
