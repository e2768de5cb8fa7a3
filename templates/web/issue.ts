/** Issue page and item rendering (web). Input: the view-model; output: escaped HTML. */
import { shortDateLabel } from '../../src/lib/dates'
import type { IssueView, ItemView, SectionView } from '../../src/content/viewModel'
import { esc, localPath, renderBlocks, renderInlines, zh, type InlineMode } from './html'
import { renderPage, type PageOptions } from './layout'

const time = (iso: string, label: string, cls = '') =>
  `<time datetime="${esc(iso)}"${cls ? ` class="${cls}"` : ''}>${esc(label)}</time>`

const sourceLine = (item: ItemView, mode: InlineMode): string => {
  const sources = item.sources.map(
    (s) =>
      `<a href="${esc(localPath(s.url, mode.publicUrl))}">${esc(s.name)}</a>${s.originalName ? ` ${zh(s.originalName)}` : ''}`,
  )
  const article = item.articleUrl
    ? `<a href="${esc(item.articleUrl)}" rel="noopener noreferrer">Original article<span class="visually-hidden">: ${esc(item.headline ?? item.dateLabel)}</span></a>`
    : ''
  const parts = [...sources, article].filter(Boolean)
  return parts.length ? `<p class="item-meta">${parts.join(' · ')}</p>` : ''
}

const extras = (item: ItemView, mode: InlineMode): string => {
  const out: string[] = []
  if (item.excerpt) out.push(`<blockquote class="excerpt" lang="zh-Hans"><p>${esc(item.excerpt)}</p></blockquote>`)
  if (item.credit) out.push(`<p class="credit">${esc(item.credit)}</p>`)
  if (item.reusedFrom) {
    out.push(
      `<p class="meta">First published as <a href="${esc(localPath(item.reusedFrom.permalink, mode.publicUrl))}">${esc(item.reusedFrom.headline)}</a>.</p>`,
    )
  }
  if (item.related.length) {
    const links = item.related.map(
      (r) => `<li><a href="${esc(localPath(r.permalink, mode.publicUrl))}">${esc(r.headline)}</a></li>`,
    )
    out.push(
      `<aside class="related" aria-label="Related postings"><h4>Related postings</h4><ul>${links.join('')}</ul></aside>`,
    )
  }
  return out.join('\n')
}

const datePrefix = (item: ItemView) => (item.date ? `${time(item.date, item.dateLabel, 'date')} ` : '')

/** A full item: headline, date-prefixed body, source and article link, original excerpt. */
export function renderFullItem(item: ItemView, mode: InlineMode, headingLevel = 3): string {
  const h = `h${headingLevel}`
  const headline = item.headline || item.text.slice(0, 80) || 'Untitled item'
  return `<article class="item" id="${esc(item.anchor)}">
<${h}><a href="${esc(localPath(item.permalink, mode.publicUrl))}">${esc(headline)}</a></${h}>
${item.originalTitle ? zh(item.originalTitle, 'p', 'original-title') : ''}
${sourceLine(item, mode)}
${renderBlocks(item.body, { ...mode, idPrefix: `tip-${item.anchor}` }, datePrefix(item))}
${extras(item, mode)}
</article>`
}

/** A brief: a date-prefixed one-liner, no headline. */
export function renderBrief(item: ItemView, mode: InlineMode): string {
  const permalink = `<a class="permalink" href="${esc(localPath(item.permalink, mode.publicUrl))}"><span aria-hidden="true">¶</span><span class="visually-hidden">Permalink to the ${esc(item.dateLabel)} item</span></a>`
  const body = renderBlocks(item.body, { ...mode, idPrefix: `tip-${item.anchor}` }, datePrefix(item))
  const withLink = body.endsWith('</p>') ? `${body.slice(0, -4)} ${permalink}</p>` : `${body}${permalink}`
  return `<li class="brief" id="${esc(item.anchor)}">${withLink}${extras(item, mode)}</li>`
}

export function renderSection(section: SectionView, mode: InlineMode): string {
  const items =
    section.style === 'brief'
      ? `<ul class="briefs">${section.items.map((i) => renderBrief(i, mode)).join('\n')}</ul>`
      : section.items.map((i) => renderFullItem(i, mode)).join('\n')
  return `<section class="section section--${section.style}" aria-labelledby="${esc(section.anchor)}">
<h2 id="${esc(section.anchor)}">${esc(section.name)}</h2>
${items}
</section>`
}

export function renderHighlights(view: IssueView, mode: InlineMode): string {
  if (!view.highlights.length) return ''
  const items = view.highlights.map((h, n) => {
    const see = h.target ? ` (<a class="see" href="#${esc(h.target.anchor)}">See ${esc(h.target.label)}</a>)` : ''
    const blocks = renderBlocks(h.blocks, { ...mode, idPrefix: `tip-h${n}` })
    return `<li>${blocks.endsWith('</p>') ? `${blocks.slice(0, -4)}${see}</p>` : `${blocks}${see}`}</li>`
  })
  return `<section class="highlights" aria-labelledby="highlights-title"><h2 id="highlights-title" class="visually-hidden">Highlights</h2><ul>${items.join('\n')}</ul></section>`
}

const toc = (view: IssueView): string => {
  if (!view.sections.length) return ''
  const entries = view.sections.map((s) => {
    const heads = s.items
      .filter((i) => i.headline)
      .map((i) => `<li><a href="#${esc(i.anchor)}">${esc(i.headline)}</a></li>`)
    return `<li><a href="#${esc(s.anchor)}">${esc(s.name)}</a>${heads.length ? `<ul>${heads.join('')}</ul>` : ''}</li>`
  })
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${entries.join('')}</ol></nav>`
}

const issueNav = (view: IssueView, base: string): string => {
  if (!view.prev && !view.next) return ''
  const prev = view.prev
    ? `<a rel="prev" href="${esc(localPath(view.prev.url, base))}">← ${esc(view.prev.label)}</a>`
    : '<span></span>'
  const next = view.next
    ? `<a rel="next" href="${esc(localPath(view.next.url, base))}">${esc(view.next.label)} →</a>`
    : '<span></span>'
  return `<nav class="issue-nav" aria-label="Previous and next issues">${prev}${next}</nav>`
}

const cover = (view: IssueView): string => {
  if (!view.cover) return ''
  const c = view.cover
  const size = c.width && c.height ? ` width="${c.width}" height="${c.height}"` : ''
  const caption = [c.caption ? esc(c.caption) : '', c.credit ? `<span class="credit">${esc(c.credit)}</span>` : '']
    .filter(Boolean)
    .join(' ')
  return `<figure class="cover"><img src="${esc(c.url)}" alt="${esc(c.alt)}"${size}>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
}

/** The issue as an <article>: header, highlights, contents, sections, prev/next. */
export function renderIssueArticle(view: IssueView, base: string, opts: { headingLink?: boolean } = {}): string {
  const mode: InlineMode = { terms: 'tooltip', publicUrl: base }
  const title = opts.headingLink
    ? `<a href="${esc(localPath(view.url, base))}">${esc(view.label)}</a>`
    : esc(view.label)
  const published = view.publishedAt
    ? `Published ${time(view.publishedAt, shortDateLabel(view.publishedAt))}`
    : 'Draft, not published'
  const updated = view.updatedAfterPublication
    ? ` · <span class="updated">Updated ${time(view.updatedAt, shortDateLabel(view.updatedAt))}</span>`
    : ''
  const note = view.editorsNote.length
    ? `<section class="editors-note" aria-label="Editor's note">${renderBlocks(view.editorsNote, { ...mode, idPrefix: 'tip-note' })}</section>`
    : ''
  return `<article class="issue">
<header class="issue-head">
<h1>${title}</h1>
<p class="period">${time(view.periodStart, view.periodLabel.split('–')[0] ?? '')}–${time(view.periodEnd, view.periodLabel.split('–')[1] ?? '')}</p>
<p class="meta">${published}${updated}</p>
</header>
${cover(view)}
${note}
${renderHighlights(view, mode)}
${toc(view)}
${view.sections.map((s) => renderSection(s, mode)).join('\n')}
${issueNav(view, base)}
</article>`
}

export const issueJsonLd = (view: IssueView, siteName: string) => ({
  '@context': 'https://schema.org',
  '@type': 'PublicationIssue',
  '@id': view.url,
  url: view.url,
  name: view.label,
  issueNumber: String(view.number),
  description: view.description,
  datePublished: view.publishedAt ?? undefined,
  dateModified: view.updatedAt,
  temporalCoverage: `${view.periodStart}/${view.periodEnd}`,
  image: view.cover?.url,
  isPartOf: {
    '@type': 'PublicationVolume',
    volumeNumber: String(view.volume),
    isPartOf: { '@type': 'Periodical', name: siteName },
  },
  hasPart: view.sections.flatMap((s) =>
    s.items.map((i) => ({
      '@type': 'NewsArticle',
      headline: i.headline ?? i.text.slice(0, 110),
      url: i.permalink,
      datePublished: i.date ?? undefined,
      articleSection: s.name,
    })),
  ),
})

export function renderIssuePage(
  view: IssueView,
  o: { publicUrl: string; siteName?: string; preview?: string },
): string {
  const page: PageOptions = {
    title: `${view.label} · ${view.periodLabel}`,
    description: view.description || `${view.label}, ${view.periodLabel}`,
    canonical: view.url,
    publicUrl: o.publicUrl,
    siteName: o.siteName,
    ogType: 'article',
    image: view.cover ? { url: view.cover.url, alt: view.cover.alt } : null,
    jsonLd: issueJsonLd(view, o.siteName ?? 'Briefing'),
    publishedTime: view.publishedAt,
    modifiedTime: view.updatedAt,
    body: `${o.preview ?? ''}${renderIssueArticle(view, o.publicUrl)}`,
    robots: o.preview ? 'noindex, nofollow' : undefined,
  }
  return renderPage(page)
}

export { renderInlines }
