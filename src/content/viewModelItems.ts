/**
 * Item views and the lookups behind them (one query per referenced collection); part of the
 * issue view-model in ./viewModel.ts, which re-exports what outputs need.
 */
import type { Payload, Where } from 'payload'

import { dayLabel, isoDay } from '../lib/dates'
import type { GlossaryTerm, Issue, Item, Section, Source } from '../payload-types'
import { blocksToText, markTerms, toBlocks, webLink, type TermView } from './richtext'
import { relationId } from '../lib/relations'
import { markedTerms } from './lexical'
import type { Id, IssueRef, ItemView, ViewOptions } from './viewModel'

export const key = (value: unknown): string => String(relationId(value))
export const uniq = (values: unknown[]): Id[] => {
  const seen = new Map<string, Id>()
  for (const v of values) {
    const id = relationId(v)
    if (id !== undefined) seen.set(String(id), id)
  }
  return [...seen.values()]
}
export const origin = (url: string) => url.replace(/\/+$/, '')
export const published: Where = { _status: { equals: 'published' } }

/** Glossary-term relation values of the inline marks of a rich-text value. */
export const inlineTermIds = (value: unknown): unknown[] => markedTerms(value)

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

export type Lookups = {
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
export async function loadLookups(
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

export function itemView(item: Item, look: Lookups, base: string): ItemView | undefined {
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
        homepage: webLink(s.homepage),
      })),
    articleUrl: webLink(item.articleUrl),
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

export const stripAliases = (t: TermView & { aliases?: string[] }): TermView => {
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
