/**
 * Special issues (`issues.kind = 'special'`) for every output: loaded through the issues' read
 * access, with their photos (media) and sources, as a plain view-model (raw strings, absolute URLs,
 * rich text as Block[]), like ./viewModel.ts for weekly issues. URL /special/<slug>.
 */
import type { Payload, Where } from 'payload'

import { isoDay, longDateLabel } from '../lib/dates'
import { slugify } from '../lib/slug'
import type { Issue, Media, Source } from '../payload-types'
import { findAll, key, readerOf, uniq, type Id, type ReadOptions } from './load'
import { blocksToText, toBlocks, webLink, type Block } from './richtext'
import type { CoverView, SourceView, ViewOptions } from './viewModel'
import { origin } from './viewModelItems'

/** A photo of an entry: the medium with the entry's caption and credit (or the medium's own). */
export type PhotoView = CoverView

export type EntryView = { anchor: string; headline: string; body: Block[]; photos: PhotoView[]; sources: SourceView[] }
export type EntryGroupView = { heading: string; anchor: string; date: string | null; entries: EntryView[] }

export type SpecialIssueView = {
  id: Id
  slug: string
  /** Absolute URL of /special/<slug>. */
  url: string
  title: string
  subtitle: string | null
  /** "China Insight: Special Issue on …" */
  label: string
  publisherLine: string | null
  groups: EntryGroupView[]
  publishedAt: string | null
  publishedLabel: string
  updatedAt: string
  /** Plain text (≤ 300 characters) for meta descriptions and feeds. */
  description: string
  /** Ids of the media and sources shown (cache dependencies). */
  mediaIds: Id[]
  sourceIds: Id[]
}

/** Special issues only (weekly ones have kind 'weekly', or none before the upgrade). */
export const SPECIAL: Where = { kind: { equals: 'special' } }
/** Weekly issues only: everything that is not special (existing rows may have no kind yet). */
export const WEEKLY: Where = { or: [{ kind: { exists: false } }, { kind: { not_equals: 'special' } }] }

export const specialUrl = (base: string, slug: unknown) => `${origin(base)}/special/${String(slug)}`

type Entries = NonNullable<Issue['entryGroups']>

const absolute = (base: string, url: string) =>
  /^https?:\/\//.test(url) ? url : `${base}${url.startsWith('/') ? '' : '/'}${url}`

/**
 * The anchors of a special issue's date groups and entries, as the page gives them (`/special/<slug>#<anchor>`):
 * slugs of the heading or headline, numbered when repeated.
 */
export function entryAnchors(groups: Entries): { groups: string[]; entries: string[][] } {
  const used = new Set<string>()
  const anchor = (text: string) => {
    const stem = slugify(text) || 'entry'
    let candidate = stem
    for (let n = 2; used.has(candidate); n++) candidate = `${stem}-${n}`
    used.add(candidate)
    return candidate
  }
  const out = { groups: [] as string[], entries: [] as string[][] }
  for (const g of groups) {
    out.groups.push(anchor(g.heading))
    out.entries.push((g.entries ?? []).map((e) => anchor(e.headline)))
  }
  return out
}

function groupsView(groups: Entries, media: Map<string, Media>, sources: Map<string, Source>, base: string) {
  const anchors = entryAnchors(groups)
  return groups.map((g, gi) => ({
    heading: g.heading,
    anchor: anchors.groups[gi],
    date: g.date ? isoDay(g.date) : null,
    entries: (g.entries ?? []).map((e, ei) => ({
      anchor: anchors.entries[gi][ei],
      headline: e.headline,
      body: toBlocks(e.body),
      photos: (e.photos ?? []).flatMap((p) => {
        const m = media.get(key(p.image))
        if (!m?.url) return []
        return [
          {
            id: m.id,
            url: absolute(base, m.url),
            alt: m.alt ?? '',
            caption: p.caption?.trim() || m.caption || null,
            credit: p.credit?.trim() || m.credit || null,
            width: m.width ?? null,
            height: m.height ?? null,
          },
        ]
      }),
      sources: (e.sources ?? []).flatMap((s) => {
        const src = sources.get(key(s))
        if (!src) return []
        return [
          {
            id: src.id,
            name: src.name,
            originalName: src.originalName ?? null,
            slug: String(src.slug),
            url: `${base}/sources/${src.slug}`,
            homepage: webLink(src.homepage),
          },
        ]
      }),
    })),
  }))
}

/** The view of a special issue document (depth 0). */
export async function buildSpecialIssueView(
  payload: Payload,
  issue: Issue,
  options: ViewOptions,
): Promise<SpecialIssueView> {
  const base = origin(options.publicUrl)
  const groups = issue.entryGroups ?? []
  const entries = groups.flatMap((g) => g.entries ?? [])
  const mediaIds = uniq(entries.flatMap((e) => (e.photos ?? []).map((p) => p.image)))
  const sourceIds = uniq(entries.flatMap((e) => e.sources ?? []))
  const reference = { as: readerOf(options) }
  const [media, sources] = await Promise.all([
    findAll<Media>(payload, 'media', mediaIds, reference),
    findAll<Source>(payload, 'sources', sourceIds, reference),
  ])
  const view = groupsView(groups, media, sources, base)
  const firstText = view.flatMap((g) => g.entries).map((e) => blocksToText(e.body))[0] ?? ''
  const description = [issue.subtitle, firstText].filter(Boolean).join(' · ').replace(/\s+/g, ' ').trim()
  return {
    id: issue.id,
    slug: String(issue.slug),
    url: specialUrl(base, issue.slug),
    title: issue.title,
    subtitle: issue.subtitle?.trim() || null,
    label: issue.label ?? issue.title,
    publisherLine: issue.publisherLine?.trim() || null,
    groups: view,
    publishedAt: issue.publishedAt ?? null,
    publishedLabel: issue.publishedAt ? longDateLabel(issue.publishedAt) : '',
    updatedAt: issue.updatedAt,
    description: description.length > 300 ? `${description.slice(0, 299).replace(/\s+\S*$/, '')}…` : description,
    mediaIds,
    sourceIds,
  }
}

/** Special issues the reader may see, newest first (or the one with `slug`). */
export async function findSpecialIssues(
  payload: Payload,
  opts: ReadOptions & { slug?: string; id?: Id; limit?: number },
): Promise<Issue[]> {
  const where: Where[] = [SPECIAL]
  if (opts.slug !== undefined) where.push({ slug: { equals: opts.slug } })
  if (opts.id !== undefined) where.push({ id: { equals: opts.id } })
  const res = await payload.find({
    collection: 'issues',
    where: { and: where },
    sort: ['-publishedAt', '-createdAt'],
    depth: 0,
    draft: opts.draft,
    joins: false,
    ...(opts.limit ? { limit: opts.limit } : { pagination: false }),
    ...readerOf(opts),
  })
  return res.docs as Issue[]
}
