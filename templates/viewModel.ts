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
import type { Payload, Where } from 'payload'

import { dayLabel, isoDay, periodLabel as formatPeriod } from '../src/lib/dates'
import type { GlossaryTerm, Issue, Item, Media, Section, Source } from '../src/payload-types'
import { blocksToText, markTerms, safeHref, toBlocks, type Block, type Inline, type TermView } from './richtext'

export type { Block, Inline, TermView } from './richtext'

export type Id = number | string

export type ViewOptions = {
  /** true: latest drafts (preview). false: published content only. */
  draft?: boolean
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

const idOf = (value: unknown): Id | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return (value as { id?: Id }).id
  return value as Id
}
const key = (value: unknown): string => String(idOf(value))
const uniq = (values: unknown[]): Id[] => {
  const seen = new Map<string, Id>()
  for (const v of values) {
    const id = idOf(v)
    if (id !== undefined) seen.set(String(id), id)
  }
  return [...seen.values()]
}
const origin = (url: string) => url.replace(/\/+$/, '')
const published: Where = { _status: { equals: 'published' } }

/** Collect glossary-term ids used as inline blocks inside a rich-text value. */
const inlineTermIds = (node: unknown, out: unknown[] = []): unknown[] => {
  if (!node || typeof node !== 'object') return out
  const n = node as {
    type?: string
    fields?: { blockType?: string; term?: unknown }
    children?: unknown[]
    root?: unknown
  }
  if (n.type === 'inlineBlock' && n.fields?.blockType === 'glossaryTerm') out.push(n.fields.term)
  if (n.root) inlineTermIds(n.root, out)
  for (const c of n.children ?? []) inlineTermIds(c, out)
  return out
}

export const issueRef = (
  issue: Pick<Issue, 'id' | 'slug' | 'label' | 'title' | 'volume' | 'number'>,
  base: string,
): IssueRef => ({
  id: issue.id,
  slug: String(issue.slug),
  label: issue.label ?? `${issue.title ?? 'Weekly Report'} ${issue.volume}|${issue.number}`,
  url: `${origin(base)}/issues/${issue.slug}`,
})

export const termView = (t: GlossaryTerm, base: string): TermView & { aliases: string[] } => ({
  id: t.id,
  slug: String(t.slug ?? t.id),
  english: t.english,
  original: t.original,
  pinyin: t.pinyin ?? null,
  kind: t.kind,
  definition: t.definition ?? null,
  url: `${origin(base)}/glossary/${t.slug ?? t.id}`,
  aliases: (t.aliases ?? []).filter(Boolean),
})

const itemTitle = (item: Pick<Item, 'headline' | 'body'>): string => {
  if (item.headline?.trim()) return item.headline.trim()
  const text = blocksToText(toBlocks(item.body)).replace(/\s+/g, ' ').trim()
  return text.length > 90 ? `${text.slice(0, 89).replace(/\s+\S*$/, '')}…` : text
}

type Lookups = {
  sections: Map<string, Section>
  sources: Map<string, Source>
  terms: Map<string, ReturnType<typeof termView>>
  linked: Map<string, Item>
  issues: Map<string, Issue>
}

async function findAll<T>(
  payload: Payload,
  collection: string,
  ids: Id[],
  extra: { where?: Where; draft?: boolean } = {},
) {
  if (!ids.length) return new Map<string, T>()
  const where: Where = extra.where ? { and: [{ id: { in: ids } }, extra.where] } : { id: { in: ids } }
  const res = await payload.find({
    collection: collection as 'sections',
    where,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    draft: extra.draft,
  })
  return new Map(res.docs.map((d) => [String(d.id), d as unknown as T]))
}

/** Load everything the given items refer to, in one query per collection. */
async function loadLookups(
  payload: Payload,
  items: Item[],
  opts: ViewOptions,
  extra: { sections?: unknown[]; terms?: unknown[]; items?: unknown[]; issues?: Issue[] } = {},
): Promise<Lookups> {
  const base = opts.publicUrl
  const knownIssues = new Map((extra.issues ?? []).map((i) => [String(i.id), i]))
  const issueIds = uniq(items.map((i) => i.issue)).filter((id) => !knownIssues.has(String(id)))
  const [sections, sources, terms, linked, issues] = await Promise.all([
    findAll<Section>(payload, 'sections', uniq([...items.map((i) => i.section), ...(extra.sections ?? [])])),
    findAll<Source>(payload, 'sources', uniq(items.flatMap((i) => i.sources ?? []))),
    findAll<GlossaryTerm>(
      payload,
      'glossary-terms',
      uniq([...items.flatMap((i) => [...(i.terms ?? []), ...inlineTermIds(i.body)]), ...(extra.terms ?? [])]),
    ),
    findAll<Item>(
      payload,
      'items',
      uniq([...items.flatMap((i) => [...(i.related ?? []), i.reusedFrom]), ...(extra.items ?? [])]),
      opts.draft ? { draft: true } : { where: published },
    ),
    findAll<Issue>(payload, 'issues', issueIds, opts.draft ? { draft: true } : { where: published }),
  ])
  for (const [k, v] of knownIssues) issues.set(k, v)
  return { sections, sources, issues, linked, terms: new Map([...terms].map(([k, t]) => [k, termView(t, base)])) }
}

function itemView(item: Item, look: Lookups, base: string): ItemView | undefined {
  const section = look.sections.get(key(item.section))
  const issue = look.issues.get(key(item.issue))
  if (!section || !issue) return undefined
  const style = section.style === 'brief' ? 'brief' : 'full'
  const lookup = (v: unknown) => look.terms.get(key(v))
  const linkedTerms = (item.terms ?? []).map(lookup).filter((t): t is NonNullable<typeof t> => Boolean(t))
  const body = markTerms(toBlocks(item.body, lookup), linkedTerms)
  const marked = new Map<string, TermView>()
  for (const t of linkedTerms) marked.set(String(t.id), stripAliases(t))
  for (const b of body)
    for (const i of b.type === 'list' ? b.items.flat() : b.inlines) if (i.term) marked.set(String(i.term.id), i.term)
  const link = (v: unknown) => {
    const doc = look.linked.get(key(v))
    return doc ? { id: doc.id, headline: itemTitle(doc), permalink: `${origin(base)}/items/${doc.id}` } : undefined
  }
  const reusedFrom = link(item.reusedFrom)
  const text = blocksToText(body)
  return {
    id: item.id,
    anchor: `item-${item.id}`,
    permalink: `${origin(base)}/items/${item.id}`,
    ...(style === 'full' && item.headline?.trim() ? { headline: item.headline.trim() } : {}),
    date: item.date ? isoDay(item.date) : null,
    dateLabel: item.date ? dayLabel(item.date) : '',
    style,
    section: {
      id: section.id,
      name: section.name,
      slug: String(section.slug),
      url: `${origin(base)}/sections/${section.slug}`,
    },
    issue: issueRef(issue, base),
    sources: (item.sources ?? [])
      .map((s) => look.sources.get(key(s)))
      .filter((s): s is Source => Boolean(s))
      .map((s) => ({
        id: s.id,
        name: s.name,
        originalName: s.originalName ?? null,
        slug: String(s.slug),
        url: `${origin(base)}/sources/${s.slug}`,
        homepage: safeHref(s.homepage) ?? null,
      })),
    articleUrl: safeHref(item.articleUrl)?.startsWith('http') ? item.articleUrl!.trim() : null,
    originalTitle: item.originalTitle?.trim() || null,
    excerpt: item.excerpt?.trim() || null,
    body,
    text,
    terms: [...marked.values()].map(stripAliases),
    credit: item.credit?.trim() || null,
    ...(reusedFrom ? { reusedFrom } : {}),
    related: (item.related ?? []).map(link).filter((r): r is NonNullable<typeof r> => Boolean(r)),
    updatedAt: item.updatedAt,
  }
}

const stripAliases = (t: TermView & { aliases?: string[] }): TermView => {
  const { aliases: _aliases, ...view } = t
  return view
}

/**
 * Item views for any list of item documents (depth 0), e.g. a section page or a term page.
 * Items whose section or issue is not visible are left out; order is kept.
 */
export async function buildItemViews(payload: Payload, items: Item[], opts: ViewOptions): Promise<ItemView[]> {
  const look = await loadLookups(payload, items, opts)
  return items.map((i) => itemView(i, look, opts.publicUrl)).filter((v): v is ItemView => Boolean(v))
}

async function loadIssue(
  payload: Payload,
  issueOrSlug: Issue | string | { id: Id },
  draft: boolean,
): Promise<Issue | null> {
  if (typeof issueOrSlug === 'object' && 'slug' in issueOrSlug && 'updatedAt' in issueOrSlug) {
    return draft || issueOrSlug._status === 'published' ? issueOrSlug : null
  }
  const where: Where =
    typeof issueOrSlug === 'string' ? { slug: { equals: issueOrSlug } } : { id: { equals: issueOrSlug.id } }
  const res = await payload.find({
    collection: 'issues',
    where: draft ? where : { and: [where, published] },
    draft,
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return res.docs[0] ?? null
}

async function neighbour(payload: Payload, issue: Issue, dir: 'prev' | 'next', base: string): Promise<IssueRef | null> {
  const v = Number(issue.volume)
  const n = Number(issue.number)
  const cmp = dir === 'prev' ? 'less_than' : 'greater_than'
  const res = await payload.find({
    collection: 'issues',
    where: {
      and: [
        published,
        { or: [{ volume: { [cmp]: v } }, { and: [{ volume: { equals: v } }, { number: { [cmp]: n } }] }] },
      ],
    },
    sort: dir === 'prev' ? ['-volume', '-number'] : ['volume', 'number'],
    depth: 0,
    limit: 1,
    overrideAccess: true,
    select: { slug: true, label: true, title: true, volume: true, number: true },
  })
  const doc = res.docs[0] as Issue | undefined
  return doc ? issueRef(doc, base) : null
}

async function coverView(payload: Payload, value: unknown, base: string): Promise<CoverView | null> {
  const id = idOf(value)
  if (id === undefined) return null
  const media = (
    typeof value === 'object'
      ? value
      : await payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, disableErrors: true })
  ) as Media | null
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

/**
 * Build the view of one issue, or null when it does not exist (or, publicly, is not published).
 * `issueOrSlug`: an issue document (depth 0), its slug ("3-9"), or `{ id }`.
 */
export async function buildIssueView(
  payload: Payload,
  issueOrSlug: Issue | string | { id: Id },
  options: ViewOptions,
): Promise<IssueView | null> {
  const draft = Boolean(options.draft)
  const base = origin(options.publicUrl)
  const opts = { draft, publicUrl: base }
  const issue = await loadIssue(payload, issueOrSlug, draft)
  if (!issue) return null
  const itemWhere: Where = { issue: { equals: issue.id } }
  const [itemsRes, prev, next, cover] = await Promise.all([
    payload.find({
      collection: 'items',
      where: draft ? itemWhere : { and: [itemWhere, published] },
      draft,
      depth: 0,
      pagination: false,
      sort: 'position',
      overrideAccess: true,
    }),
    neighbour(payload, issue, 'prev', base),
    neighbour(payload, issue, 'next', base),
    coverView(payload, issue.coverImage, base),
  ])
  const docs = itemsRes.docs as Item[]
  const highlights = issue.highlights ?? []
  const look = await loadLookups(payload, docs, opts, {
    sections: [...(issue.sections ?? []).map((r) => r.section), ...highlights.map((h) => h.section)],
    terms: highlights.flatMap((h) => inlineTermIds(h.text)).concat(inlineTermIds(issue.editorsNote)),
    issues: [issue],
  })
  const views = docs.map((d) => itemView(d, look, base)).filter((v): v is ItemView => Boolean(v))
  const positions = new Map(docs.map((d) => [String(d.id), d.position ?? 0]))
  const byPosition = (a: ItemView, b: ItemView) =>
    (positions.get(String(a.id)) ?? 0) - (positions.get(String(b.id)) ?? 0) ||
    String(a.date).localeCompare(String(b.date))
  const order = uniq((issue.sections ?? []).map((r) => r.section))
  for (const v of views) {
    const s = [...look.sections.values()].find((sec) => sec.slug === v.section.slug)
    if (s && !order.some((id) => String(id) === String(s.id))) order.push(s.id)
  }
  const targetSections = new Set(highlights.map((h) => key(h.section)))
  const sections: SectionView[] = order
    .map((id) => look.sections.get(String(id)))
    .filter((s): s is Section => Boolean(s))
    .map((s) => ({
      id: s.id,
      slug: String(s.slug),
      name: s.name,
      anchor: String(s.slug),
      style: s.style === 'brief' ? ('brief' as const) : ('full' as const),
      url: `${base}/sections/${s.slug}`,
      items: views.filter((v) => v.section.slug === s.slug).sort(byPosition),
    }))
    .filter((s) => s.items.length || targetSections.has(String(s.id)))

  const termLookup = (v: unknown) => look.terms.get(key(v))
  const usedTerms = new Map<string, TermView>()
  for (const v of views) for (const t of v.terms) usedTerms.set(String(t.id), t)
  const highlightViews: HighlightView[] = highlights.map((h) => {
    const blocks = markTerms(
      toBlocks(h.text, termLookup),
      [...usedTerms.values()].map((t) => look.terms.get(String(t.id))!),
    )
    const item = views.find((v) => String(v.id) === key(h.item))
    const section =
      sections.find((s) => String(s.id) === key(h.section)) ??
      (item ? sections.find((s) => s.slug === item.section.slug) : undefined)
    const label = `${(item ? item.section.name : section?.name) ?? ''} section`
    if (item)
      return {
        blocks,
        target: {
          kind: 'item' as const,
          anchor: item.anchor,
          label,
          url: `${base}/issues/${issue.slug}#${item.anchor}`,
        },
      }
    if (section)
      return {
        blocks,
        target: {
          kind: 'section' as const,
          anchor: section.anchor,
          label,
          url: `${base}/issues/${issue.slug}#${section.anchor}`,
        },
      }
    return { blocks }
  })
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
    prev,
    next,
    cover,
  }
}

/** Inline text of blocks (for renderers that need a plain-text line). */
export const inlineText = (inlines: Inline[]): string => inlines.map((i) => i.text).join('')
