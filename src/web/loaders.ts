import type { Payload, Where } from 'payload'

import {
  renderArchive,
  renderGlossary,
  renderHome,
  renderItemPage,
  renderNotFound,
  renderSectionPage,
  renderSourcePage,
  renderTermPage,
  type IssueSummary,
  type OtherPublications,
  type Site,
} from '../../templates/web/pages'
import { webLink } from '../content/richtext'
import { renderIssuePage } from '../../templates/web/issue'
import { buildIssueView, buildItemViews, issueRef, termView, type IssueView } from '../content/viewModel'
import { findSpecialIssues, specialUrl, WEEKLY } from '../content/special'
import { findTranslations, translationUrl } from '../content/translations'
import { publicUrl as envPublicUrl } from '../env'
import { parseId } from '../lib/db'
import { relationId } from '../lib/relations'
import { PUBLIC_READ } from '../lib/system'
import type { Issue, Item } from '../payload-types'
import type { Rendered } from './cache'
import { doc, issueDeps, itemDeps, list, SETTINGS } from './deps'
import { termUses } from './termUses'

/**
 * Page loaders: query, build view-models, render; each returns the HTML and what it depends on.
 * Every read is anonymous (`PUBLIC_READ`): the collections' read access decides what is shown.
 */

export const PAGE_SIZE = 20
const HTML = 'text/html; charset=utf-8'

export async function loadSite(payload: Payload): Promise<Site> {
  const settings = (await payload.findGlobal({ slug: 'settings', depth: 0, ...PUBLIC_READ }).catch(() => null)) as {
    publicationName?: string | null
    publicUrl?: string | null
  } | null
  const url = (settings?.publicUrl?.trim() || envPublicUrl()).replace(/\/+$/, '')
  return { publicUrl: url, siteName: settings?.publicationName?.trim() || 'Briefing' }
}

/** Special issues and translations beside the weekly report (home: the latest few; archive: all). */
async function latestOfEach(payload: Payload, site: Site, limit = 3): Promise<OtherPublications> {
  const [special, translations] = await Promise.all([
    findSpecialIssues(payload, { ...PUBLIC_READ, limit }),
    findTranslations(payload, { ...PUBLIC_READ, limit }),
  ])
  return {
    special: special.map((i) => ({ url: specialUrl(site.publicUrl, i.slug), label: i.label ?? i.title })),
    translations: translations.map((t) => ({ url: translationUrl(site.publicUrl, t.slug), label: t.headline })),
  }
}

export const notFound = (site: Site, message?: string): Rendered => ({
  status: 404,
  body: renderNotFound(site, message),
  type: HTML,
  deps: [SETTINGS],
})

export async function publishedIssues(payload: Payload, base: string, limit = 0): Promise<IssueSummary[]> {
  const res = await payload.find({
    collection: 'issues',
    where: WEEKLY,
    sort: ['-volume', '-number'],
    depth: 0,
    ...PUBLIC_READ,
    ...(limit ? { limit } : { pagination: false }),
    select: {
      slug: true,
      label: true,
      title: true,
      volume: true,
      number: true,
      periodLabel: true,
      periodEnd: true,
      updatedAt: true,
    },
  })
  return (res.docs as Issue[]).map((i) => ({
    ...issueRef(i, base),
    periodLabel: i.periodLabel ?? '',
    periodEnd: i.periodEnd ?? '',
    volume: Number(i.volume),
    number: Number(i.number),
    updatedAt: i.updatedAt,
  }))
}

export async function homePage(payload: Payload, site: Site): Promise<Rendered> {
  const [recent, others] = await Promise.all([publishedIssues(payload, site.publicUrl, 8), latestOfEach(payload, site)])
  const latest = recent[0] ? await buildIssueView(payload, recent[0].slug, { publicUrl: site.publicUrl }) : null
  const deps = latest ? issueDeps(latest) : new Set<string>()
  deps.add(list('issues'))
  deps.add(SETTINGS)
  deps.add(list('translations'))
  return { body: renderHome(latest, recent, site, others), type: HTML, deps }
}

export async function issuePage(payload: Payload, site: Site, slug: string): Promise<Rendered> {
  const weekly = await payload.count({
    collection: 'issues',
    where: { and: [{ slug: { equals: slug } }, WEEKLY] },
    ...PUBLIC_READ,
  })
  const view = weekly.totalDocs ? await buildIssueView(payload, slug, { publicUrl: site.publicUrl }) : null
  if (!view)
    return { ...notFound(site, 'There is no published issue at this address.'), deps: [SETTINGS, list('issues')] }
  return { body: renderIssuePage(view, site), type: HTML, deps: issueDeps(view) }
}

export async function archivePage(payload: Payload, site: Site): Promise<Rendered> {
  const [issues, others] = await Promise.all([publishedIssues(payload, site.publicUrl), latestOfEach(payload, site, 0)])
  return {
    body: renderArchive(issues, site, others),
    type: HTML,
    deps: [list('issues'), list('translations'), SETTINGS],
  }
}

async function pagedItems(payload: Payload, where: Where, page: number, sort: string) {
  return payload.find({
    collection: 'items',
    where,
    sort: [sort, 'orderKey'],
    depth: 0,
    page,
    limit: PAGE_SIZE,
    ...PUBLIC_READ,
  })
}

export async function sectionPage(payload: Payload, site: Site, slug: string, page: number): Promise<Rendered> {
  const found = await payload.find({
    collection: 'sections',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    ...PUBLIC_READ,
  })
  const section = found.docs[0]
  if (!section) return { ...notFound(site), deps: [SETTINGS, list('sections')] }
  const res = await pagedItems(payload, { section: { equals: section.id } }, page, '-date')
  if (page > 1 && page > res.totalPages)
    return { ...notFound(site), deps: [SETTINGS, doc('sections', section.id), list('sections', section.id)] }
  const items = await buildItemViews(payload, res.docs as Item[], { publicUrl: site.publicUrl })
  const deps = new Set([SETTINGS, doc('sections', section.id), list('sections', section.id)])
  for (const i of items) itemDeps(i, deps)
  const paging = { page, pages: Math.max(1, res.totalPages), total: res.totalDocs }
  const body = renderSectionPage(
    { name: section.name, slug: String(section.slug), description: section.description ?? null },
    items,
    paging,
    site,
  )
  return { body, type: HTML, deps }
}

export async function glossaryPage(payload: Payload, site: Site): Promise<Rendered> {
  const res = await payload.find({
    collection: 'glossary-terms',
    sort: 'english',
    depth: 0,
    pagination: false,
    ...PUBLIC_READ,
  })
  return {
    body: renderGlossary(
      res.docs.map((t) => termView(t, site.publicUrl)),
      site,
    ),
    type: HTML,
    deps: [SETTINGS, list('glossary-terms')],
  }
}

export async function termPage(payload: Payload, site: Site, slug: string): Promise<Rendered> {
  const found = await payload.find({
    collection: 'glossary-terms',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    ...PUBLIC_READ,
  })
  const term = found.docs[0]
  if (!term) return { ...notFound(site), deps: [SETTINGS, list('glossary-terms')] }
  const res = await payload.find({
    collection: 'items',
    where: { terms: { in: [term.id] } },
    sort: ['date', 'orderKey'],
    depth: 0,
    limit: 500,
    ...PUBLIC_READ,
  })
  const items = await buildItemViews(payload, res.docs as Item[], { publicUrl: site.publicUrl })
  const used = await termUses(payload, term)
  const deps = new Set([SETTINGS, doc('glossary-terms', term.id), list('glossary-terms', term.id), ...used.deps])
  for (const i of items) itemDeps(i, deps)
  return { body: renderTermPage(termView(term, site.publicUrl), items, site, used.uses), type: HTML, deps }
}

export async function sourcePage(payload: Payload, site: Site, slug: string, page: number): Promise<Rendered> {
  const found = await payload.find({
    collection: 'sources',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    ...PUBLIC_READ,
  })
  const source = found.docs[0]
  if (!source) return { ...notFound(site), deps: [SETTINGS, list('sources')] }
  const res = await pagedItems(payload, { sources: { in: [source.id] } }, page, '-date')
  const deps = new Set([SETTINGS, doc('sources', source.id), list('sources', source.id)])
  if (page > 1 && page > res.totalPages) return { ...notFound(site), deps }
  const items = await buildItemViews(payload, res.docs as Item[], { publicUrl: site.publicUrl })
  for (const i of items) itemDeps(i, deps)
  const view = {
    id: source.id,
    name: source.name,
    originalName: source.originalName ?? null,
    slug: String(source.slug),
    url: `${site.publicUrl}/sources/${source.slug}`,
    homepage: webLink(source.homepage),
    kind: source.kind ?? null,
  }
  return {
    body: renderSourcePage(view, items, { page, pages: Math.max(1, res.totalPages), total: res.totalDocs }, site),
    type: HTML,
    deps,
  }
}

export async function itemPage(payload: Payload, site: Site, id: string): Promise<Rendered> {
  const itemId = parseId(payload, id)
  const res =
    itemId === undefined
      ? null
      : await payload.find({
          collection: 'items',
          where: { id: { equals: itemId } },
          limit: 1,
          depth: 0,
          ...PUBLIC_READ,
        })
  const item = res?.docs[0] as Item | undefined
  const deps = new Set([SETTINGS, doc('items', id)])
  if (!item) return { ...notFound(site), deps }
  const [view] = await buildItemViews(payload, [item], { publicUrl: site.publicUrl })
  deps.add(doc('issues', relationId(item.issue)))
  if (!view) return { ...notFound(site), deps }
  return { body: renderItemPage(view, site), type: HTML, deps: itemDeps(view, deps) }
}

/** The latest published issues as full views (feeds). */
export async function feedIssues(
  payload: Payload,
  site: Site,
  count = 20,
): Promise<{ views: IssueView[]; deps: Set<string> }> {
  const summaries = await publishedIssues(payload, site.publicUrl, count)
  const views = (
    await Promise.all(summaries.map((s) => buildIssueView(payload, s.slug, { publicUrl: site.publicUrl })))
  ).filter((v): v is IssueView => Boolean(v))
  const deps = new Set([SETTINGS, list('issues')])
  for (const v of views) issueDeps(v, deps)
  return { views, deps }
}
