/**
 * Translations for every output: load one (or the latest) through the collection's read access,
 * with its source, glossary terms and the items (and so issues) that summarised it, and build the
 * plain view-model the web page, feed and email render. Same contract as ./viewModel.ts: raw
 * strings, absolute URLs, ISO days, rich text as Block[].
 */
import type { Payload, Where } from 'payload'

import { isoDay, longDateLabel } from '../lib/dates'
import { slugify } from '../lib/slug'
import type { GlossaryTerm, Item, Source, Translation } from '../payload-types'
import { findAll, key, readerOf, uniq, type Id, type ReadOptions } from './load'
import { blocksToText, markTerms, toBlocks, webLink, type Block, type TermView } from './richtext'
import { buildItemViews, origin, stripAliases, termView } from './viewModelItems'
import type { IssueRef, SourceView, ViewOptions } from './viewModel'

export type CreditRole = 'translator' | 'introduction' | 'editor'

export type TranslationView = {
  id: Id
  slug: string
  /** Absolute URL of /translations/<slug>. */
  url: string
  headline: string
  /** Chinese (render with lang="zh-Hans"). */
  originalTitle: string | null
  source: SourceView | null
  sourceUrl: string | null
  /** ISO day and "30 December 2022". */
  originalDate: string | null
  originalDateLabel: string
  originalAuthors: string[]
  credits: Array<{ person: string; role: CreditRole }>
  introduction: Block[]
  body: Block[]
  /** Chinese (render inside lang="zh-Hans"). */
  original: Block[]
  /** Aligned pairs of paragraphs (English, Chinese); either side may be empty. */
  bilingual: Array<{ en: string[]; zh: string[] }>
  /** Successive texts (oldest first), each addressable by its slug (`?compare=<a>&with=<b>`). */
  editions: Array<{ label: string; slug: string; date: string | null; dateLabel: string; text: string }>
  /** The original is an excerpt, not the whole text. */
  excerpt: boolean
  tags: string[]
  terms: TermView[]
  updateNotes: Array<{ date: string; dateLabel: string; text: string }>
  publishedAt: string | null
  publishedLabel: string
  updatedAt: string
  /** Plain text for meta descriptions and feeds (≤ 300 characters). */
  description: string
  /** Published items that summarised this translation, with their issues. */
  summarisedIn: Array<{ issue: IssueRef; item: { id: Id; permalink: string; headline: string } }>
}

export type TranslationRef = { id: Id; slug: string; headline: string; url: string }

export const translationUrl = (base: string, slug: unknown) => `${origin(base)}/translations/${String(slug)}`

export const translationRef = (t: Pick<Translation, 'id' | 'slug' | 'headline'>, base: string): TranslationRef => ({
  id: t.id,
  slug: String(t.slug),
  headline: t.headline,
  url: translationUrl(base, t.slug),
})

const truncate = (text: string, max: number) => {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

/** Paragraphs of a plain-text cell (blank lines separate them). */
const paragraphs = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)

/** Published translations (or, with `draft`, the latest drafts), newest first. */
export async function findTranslations(
  payload: Payload,
  opts: ReadOptions & { where?: Where; limit?: number },
): Promise<Translation[]> {
  const res = await payload.find({
    collection: 'translations',
    where: opts.where,
    sort: ['-publishedAt', '-createdAt'],
    depth: 0,
    draft: opts.draft,
    ...(opts.limit ? { limit: opts.limit } : { pagination: false }),
    ...readerOf(opts),
  })
  return res.docs as Translation[]
}

/** The view of one translation document (depth 0) as the reader sees it. */
export async function buildTranslationView(
  payload: Payload,
  doc: Translation,
  options: ViewOptions,
): Promise<TranslationView> {
  const base = origin(options.publicUrl)
  const [sources, terms, items] = await Promise.all([
    findAll<Source>(payload, 'sources', uniq([doc.source]), { as: readerOf(options) }),
    findAll<GlossaryTerm>(payload, 'glossary-terms', uniq(doc.terms ?? []), { as: readerOf(options) }),
    payload.find({
      collection: 'items',
      where: { translation: { equals: doc.id } },
      sort: ['-date'],
      depth: 0,
      limit: 100,
      ...readerOf(options),
    }),
  ])
  const termViews = new Map([...terms.values()].map((t) => [String(t.id), termView(t, base)]))
  const lookup = (v: unknown) => termViews.get(key(v))
  const linked = [...termViews.values()]
  const introduction = markTerms(toBlocks(doc.introduction, lookup), linked)
  const body = markTerms(toBlocks(doc.body, lookup), linked)
  const itemViews = await buildItemViews(payload, items.docs as Item[], options)
  const source = [...sources.values()][0]
  return {
    id: doc.id,
    slug: String(doc.slug),
    url: translationUrl(base, doc.slug),
    headline: doc.headline,
    originalTitle: doc.originalTitle?.trim() || null,
    source: source
      ? {
          id: source.id,
          name: source.name,
          originalName: source.originalName ?? null,
          slug: String(source.slug),
          url: `${base}/sources/${source.slug}`,
          homepage: webLink(source.homepage),
        }
      : null,
    sourceUrl: webLink(doc.sourceUrl),
    originalDate: doc.originalDate ? isoDay(doc.originalDate) : null,
    originalDateLabel: doc.originalDate ? longDateLabel(doc.originalDate) : '',
    originalAuthors: (doc.originalAuthors ?? []).filter(Boolean),
    credits: (doc.credits ?? []).map((c) => ({ person: c.person, role: c.role })),
    introduction,
    body,
    original: toBlocks(doc.original),
    bilingual: (doc.bilingual ?? []).map((row) => ({ en: paragraphs(row.en), zh: paragraphs(row.zh) })),
    excerpt: Boolean(doc.excerpt),
    editions: (doc.editions ?? []).map((e, n) => ({
      label: e.label,
      slug: slugify(e.label) || `edition-${n + 1}`,
      date: e.date ? isoDay(e.date) : null,
      dateLabel: e.date ? longDateLabel(e.date) : '',
      text: e.body,
    })),
    tags: (doc.tags ?? []).filter(Boolean),
    terms: linked.map(stripAliases),
    updateNotes: (doc.updateNotes ?? []).map((n) => ({
      date: isoDay(n.date),
      dateLabel: longDateLabel(n.date),
      text: n.text,
    })),
    publishedAt: doc.publishedAt ?? null,
    publishedLabel: doc.publishedAt ? longDateLabel(doc.publishedAt) : '',
    updatedAt: doc.updatedAt,
    description: truncate(blocksToText(introduction.length ? introduction : body), 300),
    summarisedIn: itemViews.map((i) => ({
      issue: i.issue,
      item: { id: i.id, permalink: i.permalink, headline: i.headline ?? i.text.slice(0, 90) },
    })),
  }
}

/** One translation by slug, or null when the reader may not see it. */
export async function loadTranslationView(
  payload: Payload,
  slug: string,
  options: ViewOptions,
): Promise<TranslationView | null> {
  const [doc] = await findTranslations(payload, { ...options, where: { slug: { equals: slug } }, limit: 1 })
  return doc ? buildTranslationView(payload, doc, options) : null
}
