/**
 * The page chrome of the public site: <head> with meta (title, description, canonical, Open
 * Graph, Twitter card, JSON-LD), header, main, footer. Other features (e.g. /search) render their
 * pages through `renderPage` to share the same look.
 */
import { esc, jsonForScript } from './html'

export type PageOptions = {
  /** Page title without the site name, e.g. "Weekly Report 3|9". */
  title: string
  /** Plain-text description (≤ ~300 characters). */
  description: string
  /** Absolute canonical URL (from PUBLIC_URL). */
  canonical: string
  /** Main content, already HTML. */
  body: string
  /** Site origin, e.g. "https://briefing.example.com". */
  publicUrl: string
  siteName?: string
  /** Open Graph type: 'article' for issues and items, 'website' otherwise. */
  ogType?: 'website' | 'article'
  image?: { url: string; alt: string } | null
  /** Structured data, rendered as application/ld+json. */
  jsonLd?: unknown
  /** Extra trusted markup for <head> (e.g. a script reference). */
  head?: string
  /** e.g. 'noindex' for previews. */
  robots?: string
  /** Marks the current navigation entry. */
  nav?: 'home' | 'archive' | 'translations' | 'special' | 'glossary' | 'search'
  publishedTime?: string | null
  modifiedTime?: string | null
}

export const DEFAULT_SITE_NAME = 'Briefing'

const navLink = (href: string, label: string, current: boolean) =>
  `<a href="${href}"${current ? ' aria-current="page"' : ''}>${label}</a>`

export function renderPage(o: PageOptions): string {
  const site = o.siteName?.trim() || DEFAULT_SITE_NAME
  const fullTitle = o.title === site ? site : `${o.title} · ${site}`
  const base = o.publicUrl.replace(/\/+$/, '')
  const meta = [
    `<meta name="description" content="${esc(o.description)}">`,
    `<link rel="canonical" href="${esc(o.canonical)}">`,
    `<meta property="og:site_name" content="${esc(site)}">`,
    `<meta property="og:type" content="${o.ogType ?? 'website'}">`,
    `<meta property="og:title" content="${esc(o.title)}">`,
    `<meta property="og:description" content="${esc(o.description)}">`,
    `<meta property="og:url" content="${esc(o.canonical)}">`,
    `<meta property="og:locale" content="en_US">`,
    o.image ? `<meta property="og:image" content="${esc(o.image.url)}">` : '',
    o.image ? `<meta property="og:image:alt" content="${esc(o.image.alt)}">` : '',
    o.publishedTime ? `<meta property="article:published_time" content="${esc(o.publishedTime)}">` : '',
    o.modifiedTime ? `<meta property="article:modified_time" content="${esc(o.modifiedTime)}">` : '',
    `<meta name="twitter:card" content="${o.image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${esc(o.title)}">`,
    `<meta name="twitter:description" content="${esc(o.description)}">`,
    o.image ? `<meta name="twitter:image" content="${esc(o.image.url)}">` : '',
    o.robots ? `<meta name="robots" content="${esc(o.robots)}">` : '',
    o.jsonLd ? `<script type="application/ld+json">${jsonForScript(o.jsonLd)}</script>` : '',
  ]
    .filter(Boolean)
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(fullTitle)}</title>
${meta}
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" title="${esc(site)} (RSS)" href="${esc(base)}/feed.xml">
<link rel="alternate" type="application/atom+xml" title="${esc(site)} (Atom)" href="${esc(base)}/atom.xml">
<link rel="alternate" type="application/feed+json" title="${esc(site)} (JSON Feed)" href="${esc(base)}/feed.json">
<script src="/assets/site.js" defer></script>
${o.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<div class="wrap">
<a class="brand" href="/">${esc(site)}</a>
<nav aria-label="Site">${navLink('/', 'Latest', o.nav === 'home')} ${navLink('/archive', 'Archive', o.nav === 'archive')} ${navLink('/special', 'Special issues', o.nav === 'special')} ${navLink('/translations', 'Translations', o.nav === 'translations')} ${navLink('/glossary', 'Glossary', o.nav === 'glossary')} ${navLink('/search', 'Search', o.nav === 'search')}</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${o.body}
</main>
<footer class="site">
<div class="wrap">
<p>${esc(site)} · <a href="/feed.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/feed.json">JSON Feed</a> · <a href="/archive">Archive</a></p>
</div>
</footer>
</body>
</html>
`
}
