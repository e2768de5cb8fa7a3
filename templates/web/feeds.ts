/** RSS 2.0, Atom 1.0, JSON Feed 1.1, sitemap and robots.txt: one feed entry per published issue. */
import type { IssueView } from '../../src/content/viewModel'
import { esc, renderBlocks, type InlineMode } from './html'
import { renderBrief, renderFullItem } from './issue'

export type FeedSite = { publicUrl: string; siteName: string; description: string }

const ABSOLUTE: InlineMode = { terms: 'link', publicUrl: '' }

/** The full issue as HTML for feed readers: absolute links, glossary terms as plain links. */
export function issueFeedHtml(view: IssueView): string {
  const highlights = view.highlights
    .map((h) => {
      const see = h.target ? ` (<a href="${esc(h.target.url)}">See ${esc(h.target.label)}</a>)` : ''
      const html = renderBlocks(h.blocks, ABSOLUTE)
      return `<li>${html.endsWith('</p>') ? `${html.slice(0, -4)}${see}</p>` : html + see}</li>`
    })
    .join('')
  const sections = view.sections
    .map((s) => {
      const items =
        s.style === 'brief'
          ? `<ul>${s.items.map((i) => renderBrief(i, ABSOLUTE)).join('')}</ul>`
          : s.items.map((i) => renderFullItem(i, ABSOLUTE)).join('')
      return `<h2 id="${esc(s.anchor)}">${esc(s.name)}</h2>${items}`
    })
    .join('')
  return `<p>${esc(view.label)} · ${esc(view.periodLabel)}</p>${highlights ? `<ul>${highlights}</ul>` : ''}${sections}`
}

const rfc822 = (iso: string) => new Date(iso).toUTCString()
const published = (v: IssueView) => v.publishedAt ?? v.updatedAt
const title = (v: IssueView) => `${v.label} ${v.periodLabel}`

export function rssFeed(issues: IssueView[], site: FeedSite): string {
  const base = site.publicUrl
  const items = issues
    .map(
      (v) => `<item>
<title>${esc(title(v))}</title>
<link>${esc(v.url)}</link>
<guid isPermaLink="true">${esc(v.url)}</guid>
<pubDate>${rfc822(published(v))}</pubDate>
<description>${esc(v.description)}</description>
<content:encoded>${esc(issueFeedHtml(v))}</content:encoded>
</item>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${esc(site.siteName)}</title>
<link>${esc(base)}/</link>
<description>${esc(site.description)}</description>
<language>en</language>
<atom:link href="${esc(base)}/feed.xml" rel="self" type="application/rss+xml"/>
${issues[0] ? `<lastBuildDate>${rfc822(issues[0].updatedAt)}</lastBuildDate>` : ''}
${items}
</channel>
</rss>
`
}

export function atomFeed(issues: IssueView[], site: FeedSite): string {
  const base = site.publicUrl
  const updated =
    issues
      .map((v) => v.updatedAt)
      .sort()
      .pop() ?? new Date(0).toISOString()
  const entries = issues
    .map(
      (v) => `<entry>
<id>${esc(v.url)}</id>
<title>${esc(title(v))}</title>
<link rel="alternate" type="text/html" href="${esc(v.url)}"/>
<published>${esc(new Date(published(v)).toISOString())}</published>
<updated>${esc(new Date(v.updatedAt).toISOString())}</updated>
<summary>${esc(v.description)}</summary>
<content type="html">${esc(issueFeedHtml(v))}</content>
</entry>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>${esc(base)}/</id>
<title>${esc(site.siteName)}</title>
<subtitle>${esc(site.description)}</subtitle>
<link rel="self" type="application/atom+xml" href="${esc(base)}/atom.xml"/>
<link rel="alternate" type="text/html" href="${esc(base)}/"/>
<updated>${esc(new Date(updated).toISOString())}</updated>
<author><name>${esc(site.siteName)}</name></author>
${entries}
</feed>
`
}

export function jsonFeed(issues: IssueView[], site: FeedSite): string {
  const base = site.publicUrl
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: site.siteName,
      home_page_url: `${base}/`,
      feed_url: `${base}/feed.json`,
      description: site.description,
      language: 'en',
      authors: [{ name: site.siteName, url: `${base}/` }],
      items: issues.map((v) => ({
        id: v.url,
        url: v.url,
        title: title(v),
        summary: v.description,
        content_html: issueFeedHtml(v),
        date_published: new Date(published(v)).toISOString(),
        date_modified: new Date(v.updatedAt).toISOString(),
        ...(v.cover ? { image: v.cover.url } : {}),
        tags: v.sections.map((s) => s.name),
      })),
    },
    null,
    1,
  )
}

export type SitemapEntry = { url: string; lastmod?: string | null }

export function sitemap(entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${esc(e.url)}</loc>${e.lastmod ? `<lastmod>${esc(new Date(e.lastmod).toISOString())}</lastmod>` : ''}</url>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`
}

export const robotsTxt = (publicUrl: string) => `User-agent: *
Allow: /
Disallow: /preview/
Disallow: /admin
Disallow: /api/

Sitemap: ${publicUrl}/sitemap.xml
`
