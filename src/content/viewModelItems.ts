/**
 * Item views built from loaded content (./load.ts); part of the issue view-model in ./viewModel.ts,
 * which re-exports what outputs need.
 */
import type { Payload } from 'payload'

import { dayLabel, isoDay } from '../lib/dates'
import type { GlossaryTerm, Issue, Item, Source } from '../payload-types'
import { blocksToText, markTerms, toBlocks, webLink, type TermView } from './richtext'
import { key, loadLookups, type Lookups } from './load'
import type { IssueRef, ItemView, ViewOptions } from './viewModel'

export const origin = (url: string) => url.replace(/\/+$/, '')

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

/** Lookups with glossary terms as reader views. */
export type ViewLookups = Omit<Lookups, 'terms'> & { terms: Map<string, ReturnType<typeof termView>> }

export const viewLookups = (look: Lookups, base: string): ViewLookups => ({
  ...look,
  terms: new Map([...look.terms].map(([k, t]) => [k, termView(t, base)])),
})

export function itemView(item: Item, look: ViewLookups, base: string): ItemView | undefined {
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
 * Items whose section or issue the reader may not see are left out; order is kept.
 */
export async function buildItemViews(payload: Payload, items: Item[], opts: ViewOptions): Promise<ItemView[]> {
  const look = viewLookups(await loadLookups(payload, items, opts), opts.publicUrl)
  return items.map((i) => itemView(i, look, opts.publicUrl)).filter((v): v is ItemView => Boolean(v))
}
