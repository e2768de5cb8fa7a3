/**
 * The issue view-model: content → view-model → web / email / text. Every output renders from the
 * plain, serialisable objects built here, so they show the same thing. Stable contract:
 *
 * - Strings are raw (never HTML); every renderer must escape them. URLs are absolute (from
 *   `publicUrl`), except `anchor`s, which are fragment ids without '#'.
 * - Dates: ISO day strings ("2024-03-05"); labels follow the report format ("3.5", "3.2.24–3.8.24").
 * - Public views (`draft: false`) contain only published issues and items (related items and
 *   prev/next issues too); `draft: true` shows the latest drafts, for the authenticated preview.
 * - Rich text is `Block[]` (see templates/richtext.ts): paragraph | heading | list | quote of
 *   `Inline { text, bold?, italic?, href?, lang?: 'zh-Hans', term?: TermView }`.
 * - Briefs (sections of style 'brief') have no `headline`.
 *
 * Page URLs: issue `/issues/<slug>`, item permalink `/items/<id>`, section `/sections/<slug>`,
 * term `/glossary/<slug>`, source `/sources/<slug>`.
 */
import type { Payload } from 'payload'

import { isoDay, periodLabel as formatPeriod } from '../lib/dates'
import type { Issue, Media } from '../payload-types'
import { key, loadIssueContent, loadMedia, neighbourIssue, type Id, type IssueContent, type ReadOptions } from './load'
import { blocksToText, markTerms, toBlocks, type Block, type Inline, type TermView } from './richtext'
import { issueRef, itemView, origin, viewLookups } from './viewModelItems'

export { buildItemViews, issueRef, termView } from './viewModelItems'

export type { Block, Inline, TermView } from './richtext'

export type { Id } from './load'

export type ViewOptions = ReadOptions & {
  /** Site origin for absolute URLs, e.g. "https://briefing.example.com" (no trailing slash needed). */
  publicUrl: string
}

export type SourceView = {
  id: Id
  name: string
  originalName: string | null
  slug: string
  url: string
  homepage: string | null
}

export type IssueRef = { id: Id; slug: string; label: string; url: string }

export type ItemView = {
  id: Id
  /** Fragment id on the issue page, e.g. "item-12". */
  anchor: string
  /** Absolute URL of /items/<id>. */
  permalink: string
  /** Absent for briefs. */
  headline?: string
  /** ISO day, e.g. "2024-03-05"; null only in drafts. */
  date: string | null
  /** "3.5" */
  dateLabel: string
  style: 'full' | 'brief'
  section: { id: Id; name: string; slug: string; url: string }
  issue: IssueRef
  sources: SourceView[]
  articleUrl: string | null
  /** Chinese (render with lang="zh-Hans"). */
  originalTitle: string | null
  /** Chinese (render with lang="zh-Hans"). */
  excerpt: string | null
  body: Block[]
  /** Plain text of the body (for feeds, meta, briefs in text mode). */
  text: string
  /** Terms linked to the item or marked in its body. */
  terms: TermView[]
  credit: string | null
  reusedFrom?: { id: Id; headline: string; permalink: string }
  /** The full translation of what the item summarises (/translations/<slug>). */
  translation?: { id: Id; slug: string; headline: string; url: string }
  related: Array<{ id: Id; headline: string; permalink: string }>
  updatedAt: string
}

export type SectionView = {
  id: Id
  slug: string
  name: string
  anchor: string
  style: 'full' | 'brief'
  /** Absolute URL of /sections/<slug>. */
  url: string
  items: ItemView[]
}

export type HighlightView = {
  blocks: Block[]
  /** Where "(See Senior Leaders section)" leads: an anchor on the issue page. */
  target?: { kind: 'section' | 'item'; anchor: string; label: string; url: string }
}

export type CoverView = {
  id: Id
  url: string
  alt: string
  caption: string | null
  credit: string | null
  width: number | null
  height: number | null
}

export type IssueView = {
  id: Id
  slug: string
  title: string
  volume: number
  number: number
  /** "Weekly Report 3|9" */
  label: string
  /** "3|9" */
  numberLabel: string
  periodStart: string
  periodEnd: string
  /** "3.2.24–3.8.24" (en dash) */
  periodLabel: string
  status: 'published' | 'draft'
  publishedAt: string | null
  /** Latest change of the issue or any of its items (ISO timestamp). */
  updatedAt: string
  updatedAfterPublication: boolean
  url: string
  /** Plain text from the highlights (≤ 300 characters), for meta descriptions. */
  description: string
  highlights: HighlightView[]
  sections: SectionView[]
  terms: TermView[]
  editorsNote: Block[]
  prev: IssueRef | null
  next: IssueRef | null
  cover: CoverView | null
}

function coverView(media: Media | null, base: string): CoverView | null {
  if (!media?.url) return null
  const url = /^https?:\/\//.test(media.url)
    ? media.url
    : `${origin(base)}${media.url.startsWith('/') ? '' : '/'}${media.url}`
  return {
    id: media.id,
    url,
    alt: media.alt ?? '',
    caption: media.caption ?? null,
    credit: media.credit ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
  }
}

const truncate = (text: string, max: number) => {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

type Highlight = NonNullable<Issue['highlights']>[number]

/** The sections readers see: those with items, and those a highlight points to. */
function sectionViews(
  sections: IssueContent['sections'],
  views: ItemView[],
  highlights: Highlight[],
  base: string,
): SectionView[] {
  const targetSections = new Set(highlights.map((h) => key(h.section)))
  return sections
    .map((s) => ({
      id: s.id,
      slug: String(s.slug),
      name: s.name,
      anchor: String(s.slug),
      style: s.style === 'brief' ? ('brief' as const) : ('full' as const),
      url: `${base}/sections/${s.slug}`,
      // `views` come in the one order (compareItems); filtering keeps it.
      items: views.filter((v) => v.section.slug === s.slug),
    }))
    .filter((s) => s.items.length || targetSections.has(String(s.id)))
}

/** A highlight with the item or section it points to (its item's section when it names only an item). */
function highlightView(
  h: Highlight,
  blocks: Block[],
  at: { views: ItemView[]; sections: SectionView[]; base: string; slug: Issue['slug'] },
): HighlightView {
  const item = at.views.find((v) => String(v.id) === key(h.item))
  const section =
    at.sections.find((s) => String(s.id) === key(h.section)) ??
    (item ? at.sections.find((s) => s.slug === item.section.slug) : undefined)
  const label = `${(item ? item.section.name : section?.name) ?? ''} section`
  if (item)
    return {
      blocks,
      target: {
        kind: 'item' as const,
        anchor: item.anchor,
        label,
        url: `${at.base}/issues/${at.slug}#${item.anchor}`,
      },
    }
  if (section)
    return {
      blocks,
      target: {
        kind: 'section' as const,
        anchor: section.anchor,
        label,
        url: `${at.base}/issues/${at.slug}#${section.anchor}`,
      },
    }
  return { blocks }
}

/**
 * Build the view of one issue, or null when it does not exist (or, publicly, is not published).
 * `issueOrSlug`: an issue document (depth 0), its slug ("3-9"), or `{ id }`.
 */
export async function buildIssueView(
  payload: Payload,
  issueOrSlug: Issue | string | { id: Id },
  options: ViewOptions,
): Promise<IssueView | null> {
  const base = origin(options.publicUrl)
  const content = await loadIssueContent(payload, issueOrSlug, options)
  if (!content) return null
  const { issue, items: docs } = content
  const [prev, next, media] = await Promise.all([
    neighbourIssue(payload, issue, 'prev'),
    neighbourIssue(payload, issue, 'next'),
    loadMedia(payload, issue.coverImage),
  ])
  const highlights = issue.highlights ?? []
  const look = viewLookups(content.look, base)
  const views = docs.map((d) => itemView(d, look, base)).filter((v): v is ItemView => Boolean(v))
  const sections = sectionViews(content.sections, views, highlights, base)

  const termLookup = (v: unknown) => look.terms.get(key(v))
  const usedTerms = new Map<string, TermView>()
  for (const v of views) for (const t of v.terms) usedTerms.set(String(t.id), t)
  const marked = [...usedTerms.values()].map((t) => look.terms.get(String(t.id))!)
  const highlightViews: HighlightView[] = highlights.map((h) =>
    highlightView(h, markTerms(toBlocks(h.text, termLookup), marked), { views, sections, base, slug: issue.slug }),
  )
  const updatedAt = [issue.updatedAt, ...docs.map((d) => d.updatedAt)].filter(Boolean).sort().pop() ?? issue.updatedAt
  const publishedAt = issue.publishedAt ?? null
  const ref = issueRef(issue, base)
  return {
    id: issue.id,
    slug: ref.slug,
    title: issue.title ?? 'Weekly Report',
    volume: Number(issue.volume),
    number: Number(issue.number),
    label: ref.label,
    numberLabel: `${issue.volume}|${issue.number}`,
    periodStart: issue.periodStart ? isoDay(issue.periodStart) : '',
    periodEnd: issue.periodEnd ? isoDay(issue.periodEnd) : '',
    periodLabel:
      issue.periodStart && issue.periodEnd
        ? formatPeriod(issue.periodStart, issue.periodEnd)
        : (issue.periodLabel ?? ''),
    status: issue._status === 'published' ? 'published' : 'draft',
    publishedAt,
    updatedAt,
    updatedAfterPublication: Boolean(publishedAt && Date.parse(updatedAt) - Date.parse(publishedAt) > 5 * 60_000),
    url: ref.url,
    description: truncate(highlightViews.map((h) => blocksToText(h.blocks)).join(' '), 300),
    highlights: highlightViews,
    sections,
    terms: [...usedTerms.values()].sort((a, b) => a.english.localeCompare(b.english)),
    editorsNote: toBlocks(issue.editorsNote, termLookup),
    prev: prev ? issueRef(prev, base) : null,
    next: next ? issueRef(next, base) : null,
    cover: coverView(media, base),
  }
}

/** Inline text of blocks (for renderers that need a plain-text line). */
export const inlineText = (inlines: Inline[]): string => inlines.map((i) => i.text).join('')
