import type { Express, Request, Response } from 'express'
import type { Payload } from 'payload'

import { previewJs, siteCss, siteIcon, siteJs } from '../../templates/web/assets'
import { atomFeed, jsonFeed, robotsTxt, rssFeed, sitemap, type SitemapEntry } from '../../templates/web/feeds'
import type { Site } from '../../templates/web/pages'
import { cachedPage, clearCache, toPage, type Rendered } from './cache'
import { list, SETTINGS } from './deps'
import { onChangesLost, onRemoteChange, watchChanges } from '../changes/feed'
import { applyRemoteChange } from './invalidation'
import { sendPage } from './http'
import {
  archivePage,
  feedIssues,
  glossaryPage,
  homePage,
  issuePage,
  itemPage,
  loadSite,
  notFound,
  publishedIssues,
  sectionPage,
  sourcePage,
  termPage,
} from './loaders'
import { mountPreviewRoutes } from './preview'
import { publishedSpecialIssues, specialFeed, specialIssuePage, specialListPage } from './specialLoaders'
import {
  translationFeed,
  translationListPage,
  translationPage,
  translationSitemap,
  type Comparison,
} from './translationLoaders'
import { PUBLIC_READ } from '../lib/system'

export type WebRouteOptions = {
  /** Payload instance to use (tests, benchmarks); defaults to the process-wide one. */
  payload?: () => Promise<Payload>
  /** false: render every request (benchmarks of the uncached path). Default true. */
  cache?: boolean
}

type Loader = (payload: Payload, site: Site, req: Request) => Promise<Rendered>

const FEED_DESCRIPTION = 'Weekly reports on Chinese politics, with the original texts.'

/** `?page=N` (N ≥ 1); null for anything else. */
const pageParam = (req: Request): number | null => {
  const raw = req.query.page
  if (raw === undefined) return 1
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null
}

/** `?compare=<a>&with=<b>` (edition slugs): undefined when absent, null when malformed (a 404). */
const comparison = (req: Request): Comparison | undefined | null => {
  const { compare, with: other } = req.query
  if (compare === undefined && other === undefined) return undefined
  const ok = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,100}$/.test(v)
  return ok(compare) && ok(other) ? { compare, with: other } : null
}

async function sitemapPage(payload: Payload, site: Site): Promise<Rendered> {
  const issues = await publishedIssues(payload, site.publicUrl)
  const [items, sections, terms, sources, translations, specials] = await Promise.all([
    payload.find({
      collection: 'items',
      depth: 0,
      pagination: false,
      ...PUBLIC_READ,
      select: { issue: true, updatedAt: true },
    }),
    payload.find({
      collection: 'sections',
      depth: 0,
      pagination: false,
      ...PUBLIC_READ,
      select: { slug: true, updatedAt: true },
    }),
    payload.find({
      collection: 'glossary-terms',
      depth: 0,
      pagination: false,
      ...PUBLIC_READ,
      select: { slug: true, updatedAt: true },
    }),
    payload.find({
      collection: 'sources',
      depth: 0,
      pagination: false,
      ...PUBLIC_READ,
      select: { slug: true, updatedAt: true },
    }),
    translationSitemap(payload, site.publicUrl),
    publishedSpecialIssues(payload, site),
  ])
  const base = site.publicUrl
  const entries: SitemapEntry[] = [
    { url: `${base}/` },
    { url: `${base}/archive` },
    { url: `${base}/glossary` },
    ...issues.map((i) => ({ url: i.url, lastmod: i.updatedAt })),
    ...items.docs.map((i) => ({ url: `${base}/items/${i.id}`, lastmod: i.updatedAt })),
    ...sections.docs.map((s) => ({ url: `${base}/sections/${s.slug}`, lastmod: s.updatedAt })),
    ...terms.docs.map((t) => ({ url: `${base}/glossary/${t.slug}`, lastmod: t.updatedAt })),
    ...sources.docs.map((s) => ({ url: `${base}/sources/${s.slug}`, lastmod: s.updatedAt })),
    ...translations,
    { url: `${base}/special` },
    ...specials.map((s) => ({ url: s.url, lastmod: s.updatedAt })),
  ]
  const deps = [
    SETTINGS,
    list('issues'),
    list('sections'),
    list('glossary-terms'),
    list('sources'),
    list('translations'),
    ...issues.map((i) => list('issues', i.id)),
  ]
  return { body: sitemap(entries), type: 'application/xml; charset=utf-8', deps }
}

const feed =
  (format: 'rss' | 'atom' | 'json'): Loader =>
  async (payload, site) => {
    const { views, deps } = await feedIssues(payload, site)
    const feedSite = { publicUrl: site.publicUrl, siteName: site.siteName ?? 'Briefing', description: FEED_DESCRIPTION }
    if (format === 'json')
      return { body: jsonFeed(views, feedSite), type: 'application/feed+json; charset=utf-8', deps }
    if (format === 'atom') return { body: atomFeed(views, feedSite), type: 'application/atom+xml; charset=utf-8', deps }
    return { body: rssFeed(views, feedSite), type: 'application/rss+xml; charset=utf-8', deps }
  }

/** Public web edition: pages, feeds, sitemap, robots.txt, assets and the authenticated preview. */
export async function mountWebRoutes(app: Express, options: WebRouteOptions = {}): Promise<void> {
  // Imported lazily: loading the Payload config reads DATABASE_URI, which tests set first.
  const getPayload = options.payload ?? (async () => (await import('../lib/payload')).getBriefingPayload())
  // Changes made by other instances, workers and CLI commands arrive through the database change feed.
  if (options.cache !== false) {
    onRemoteChange((change) => applyRemoteChange(change.keys))
    onChangesLost(clearCache)
  }
  watchChanges(getPayload)

  mountAssets(app)
  const route = cachedRoute(getPayload, options.cache !== false)
  mountPageRoutes(app, route)
  mountKindRoutes(app, route)
  mountFeedRoutes(app, route)
  mountPreviewRoutes(app, getPayload)
}

type PayloadGetter = () => Promise<Payload>
/** A cached public page handler: `key` names the cache entry (path plus canonical query; null: not found). */
type Route = (key: (req: Request) => string | null, load: Loader) => (req: Request, res: Response) => Promise<void>

const param = (req: Request, name: string) => String(req.params[name] ?? '')
const pathKey = (req: Request) => req.path.replace(/\/+$/, '') || '/'

/** The site's stylesheet, scripts and icon. */
function mountAssets(app: Express): void {
  const icon = toPage({ body: siteIcon, type: 'image/svg+xml; charset=utf-8', deps: [] })
  const assets: Record<string, ReturnType<typeof toPage>> = {
    '/assets/icon.svg': icon,
    '/favicon.ico': icon,
    '/assets/site.css': toPage({ body: siteCss, type: 'text/css; charset=utf-8', deps: [] }),
    '/assets/site.js': toPage({ body: siteJs, type: 'text/javascript; charset=utf-8', deps: [] }),
    '/assets/preview.js': toPage({ body: previewJs, type: 'text/javascript; charset=utf-8', deps: [] }),
  }
  for (const [path, page] of Object.entries(assets)) {
    app.get(path, (req, res) => sendPage(req, res, page, 'public, max-age=3600'))
  }
}

/** Handlers for public pages, served from the page cache unless `cache` is false. */
function cachedRoute(getPayload: PayloadGetter, cache: boolean): Route {
  return (key, load) => async (req, res) => {
    const started = performance.now()
    try {
      const payload = await getPayload()
      const cacheKey = key(req)
      if (cacheKey === null) {
        const site = await loadSite(payload)
        return sendPage(req, res, toPage(notFound(site)))
      }
      const render = async () => load(payload, await loadSite(payload), req)
      const page = cache ? await cachedPage(cacheKey, render) : toPage(await render())
      // Time spent producing the answer (render on a miss, ~0 on a hit), for benchmarks and ops.
      sendPage(req, res, page, undefined, { 'Server-Timing': `app;dur=${(performance.now() - started).toFixed(1)}` })
    } catch (err) {
      console.error(`web: ${req.method} ${req.originalUrl} failed:`, err)
      if (!res.headersSent) res.status(500).type('text/plain').send('The page could not be rendered. Please try again.')
    }
  }
}

/** Home, archive, issues, items, sections, glossary and sources. */
function mountPageRoutes(app: Express, route: Route): void {
  app.get(
    '/',
    route(() => '/', homePage),
  )
  app.get(
    '/archive',
    route(() => '/archive', archivePage),
  )
  app.get(
    '/issues/:slug',
    route(
      (req) => `/issues/${param(req, 'slug')}`,
      (p, s, req) => issuePage(p, s, param(req, 'slug')),
    ),
  )
  app.get(
    '/items/:id',
    route(
      (req) => `/items/${param(req, 'id')}`,
      (p, s, req) => itemPage(p, s, param(req, 'id')),
    ),
  )
  app.get('/issues/:slug/items/:id', (req, res) => res.redirect(301, `/items/${encodeURIComponent(param(req, 'id'))}`))
  app.get(
    '/sections/:slug',
    route(
      (req) => (pageParam(req) === null ? null : `/sections/${param(req, 'slug')}?page=${pageParam(req)}`),
      (p, s, req) => sectionPage(p, s, param(req, 'slug'), pageParam(req) ?? 1),
    ),
  )
  app.get(
    '/glossary',
    route(() => '/glossary', glossaryPage),
  )
  app.get(
    '/glossary/:slug',
    route(
      (req) => `/glossary/${param(req, 'slug')}`,
      (p, s, req) => termPage(p, s, param(req, 'slug')),
    ),
  )
  app.get(
    '/sources/:slug',
    route(
      (req) => (pageParam(req) === null ? null : `/sources/${param(req, 'slug')}?page=${pageParam(req)}`),
      (p, s, req) => sourcePage(p, s, param(req, 'slug'), pageParam(req) ?? 1),
    ),
  )
}

/** Special issues and translations. */
function mountKindRoutes(app: Express, route: Route): void {
  app.get('/special', route(pathKey, specialListPage))
  app.get('/special/feed.xml', route(pathKey, specialFeed))
  app.get(
    '/special/:slug',
    route(
      (req) => `/special/${param(req, 'slug')}`,
      (p, s, req) => specialIssuePage(p, s, param(req, 'slug')),
    ),
  )
  app.get('/translations', route(pathKey, translationListPage))
  app.get('/translations/feed.xml', route(pathKey, translationFeed))
  app.get(
    '/translations/:slug',
    route(
      (req) => {
        const c = comparison(req)
        return c === null
          ? null
          : `/translations/${param(req, 'slug')}${c ? `?compare=${c.compare}&with=${c.with}` : ''}`
      },
      (p, s, req) => translationPage(p, s, param(req, 'slug'), comparison(req) || undefined),
    ),
  )
}

/** Feeds, the sitemap and robots.txt. */
function mountFeedRoutes(app: Express, route: Route): void {
  app.get('/feed.xml', route(pathKey, feed('rss')))
  app.get('/atom.xml', route(pathKey, feed('atom')))
  app.get('/feed.json', route(pathKey, feed('json')))
  app.get('/sitemap.xml', route(pathKey, sitemapPage))
  app.get(
    '/robots.txt',
    route(pathKey, async (_p, site) => ({
      body: robotsTxt(site.publicUrl),
      type: 'text/plain; charset=utf-8',
      deps: [SETTINGS],
    })),
  )
}
