import type { Payload } from 'payload'

import type { Site } from '../../templates/web/pages'
import { renderSpecialIssuePage, renderSpecialList, specialRss } from '../../templates/web/special'
import { buildSpecialIssueView, findSpecialIssues, type SpecialIssueView } from '../content/special'
import { PUBLIC_READ } from '../lib/system'
import type { Rendered } from './cache'
import { doc, list, SETTINGS } from './deps'
import { notFound } from './loaders'

/** Loaders of /special, /special/<slug> and /special/feed.xml (anonymous reads). */

const HTML = 'text/html; charset=utf-8'

export function specialDeps(view: SpecialIssueView, out: Set<string> = new Set()): Set<string> {
  out.add(doc('issues', view.id))
  out.add(SETTINGS)
  for (const id of view.mediaIds) out.add(doc('media', id))
  for (const id of view.sourceIds) out.add(doc('sources', id))
  return out
}

/** Published special issues as views, newest first. */
export async function publishedSpecialIssues(payload: Payload, site: Site, limit = 0): Promise<SpecialIssueView[]> {
  const docs = await findSpecialIssues(payload, { ...PUBLIC_READ, limit })
  return Promise.all(docs.map((d) => buildSpecialIssueView(payload, d, { publicUrl: site.publicUrl })))
}

export async function specialListPage(payload: Payload, site: Site): Promise<Rendered> {
  const views = await publishedSpecialIssues(payload, site)
  return { body: renderSpecialList(views, site), type: HTML, deps: [SETTINGS, list('issues')] }
}

export async function specialIssuePage(payload: Payload, site: Site, slug: string): Promise<Rendered> {
  const [issue] = await findSpecialIssues(payload, { ...PUBLIC_READ, slug, limit: 1 })
  if (!issue)
    return {
      ...notFound(site, 'There is no published special issue at this address.'),
      deps: [SETTINGS, list('issues')],
    }
  const view = await buildSpecialIssueView(payload, issue, { publicUrl: site.publicUrl })
  return { body: renderSpecialIssuePage(view, site), type: HTML, deps: specialDeps(view) }
}

export async function specialFeed(payload: Payload, site: Site): Promise<Rendered> {
  const views = await publishedSpecialIssues(payload, site, 20)
  const deps = new Set([SETTINGS, list('issues')])
  for (const v of views) specialDeps(v, deps)
  return {
    body: specialRss(views, { publicUrl: site.publicUrl, siteName: site.siteName ?? 'Briefing' }),
    type: 'application/rss+xml; charset=utf-8',
    deps,
  }
}
