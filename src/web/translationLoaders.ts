import type { Payload } from 'payload'

import type { Site } from '../../templates/web/pages'
import { renderRedline } from '../../templates/web/editions'
import { renderTranslationList, renderTranslationPage, translationsRss } from '../../templates/web/translation'
import {
  buildTranslationView,
  findTranslations,
  loadTranslationView,
  type TranslationView,
} from '../content/translations'
import { redline } from '../content/redline'
import { PUBLIC_READ } from '../lib/system'
import type { Rendered } from './cache'
import { doc, list, SETTINGS } from './deps'
import { notFound } from './loaders'

/** Loaders of /translations, /translations/<slug> and /translations/feed.xml (anonymous reads). */

const HTML = 'text/html; charset=utf-8'

export function translationDeps(view: TranslationView, out: Set<string> = new Set()): Set<string> {
  out.add(doc('translations', view.id))
  out.add(list('translations', view.id))
  out.add(SETTINGS)
  if (view.source) out.add(doc('sources', view.source.id))
  for (const t of view.terms) out.add(doc('glossary-terms', t.id))
  for (const s of view.summarisedIn) {
    out.add(doc('items', s.item.id))
    out.add(doc('issues', s.issue.id))
  }
  return out
}

async function latestViews(payload: Payload, site: Site, limit = 0): Promise<TranslationView[]> {
  const docs = await findTranslations(payload, { ...PUBLIC_READ, limit })
  return Promise.all(docs.map((d) => buildTranslationView(payload, d, { publicUrl: site.publicUrl })))
}

export async function translationListPage(payload: Payload, site: Site): Promise<Rendered> {
  const views = await latestViews(payload, site)
  const deps = new Set([SETTINGS, list('translations')])
  for (const v of views) translationDeps(v, deps)
  return { body: renderTranslationList(views, site), type: HTML, deps }
}

/** Two editions to compare (`?compare=<a>&with=<b>`, edition slugs). */
export type Comparison = { compare: string; with: string }

export async function translationPage(
  payload: Payload,
  site: Site,
  slug: string,
  comparison?: Comparison,
): Promise<Rendered> {
  const view = await loadTranslationView(payload, slug, { publicUrl: site.publicUrl })
  if (!view)
    return {
      ...notFound(site, 'There is no published translation at this address.'),
      deps: [SETTINGS, list('translations')],
    }
  const deps = translationDeps(view)
  if (!comparison) return { body: renderTranslationPage(view, site), type: HTML, deps }
  const [a, b] = [comparison.compare, comparison.with].map((s) => view.editions.find((e) => e.slug === s))
  const missing = !a ? comparison.compare : !b ? comparison.with : null
  if (!a || !b) return { ...notFound(site, `There is no edition “${missing}” of this translation.`), deps }
  const body = renderTranslationPage(view, site, renderRedline(view, a, b, redline(a.text, b.text)))
  return { body, type: HTML, deps }
}

export async function translationFeed(payload: Payload, site: Site): Promise<Rendered> {
  const views = await latestViews(payload, site, 20)
  const deps = new Set([SETTINGS, list('translations')])
  for (const v of views) translationDeps(v, deps)
  return {
    body: translationsRss(views, { publicUrl: site.publicUrl, siteName: site.siteName ?? 'Briefing' }),
    type: 'application/rss+xml; charset=utf-8',
    deps,
  }
}

/** Sitemap entries of the published translations. */
export async function translationSitemap(payload: Payload, base: string) {
  const res = await payload.find({
    collection: 'translations',
    depth: 0,
    pagination: false,
    ...PUBLIC_READ,
    select: { slug: true, updatedAt: true },
  })
  return [
    { url: `${base}/translations` },
    ...res.docs.map((t) => ({ url: `${base}/translations/${t.slug}`, lastmod: t.updatedAt })),
  ]
}
