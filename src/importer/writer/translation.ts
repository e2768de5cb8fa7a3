import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { richText } from '../../lib/richtext'
import { outletKey } from '../recognise/outlets'
import type { ImportedArticle, ImportedItem, ImportedListing } from '../types'
import { rel, resolveSources, resolveTerms } from './lookups'
import { upsertDoc } from './placement'
import { atLine, type WriteOptions, type WriteSummary } from './report'
import { inTransaction, type TxReq } from './transaction'

/**
 * What makes an imported translation the same one again: its source URL, else its headline. A
 * re-import of the same file (or of the same post on another page) updates it instead of adding one.
 */
export const importKeyOf = (item: ImportedItem): string =>
  item.articleUrl ? `url:${item.articleUrl}` : `headline:${outletKey(item.headline ?? '')}`

type Refs = { source?: number | string; terms: Array<number | string> }

/** The translations document of one recognised article or post. */
export function translationData(item: ImportedItem, refs: Refs, publish?: boolean) {
  const original = item.excerpt?.split('\n').filter(Boolean) ?? []
  const notes = (item.updateNotes ?? []).filter((n) => n.date)
  return {
    headline: item.headline ?? '',
    originalTitle: item.originalTitle,
    source: refs.source === undefined ? null : rel(refs.source),
    sourceUrl: item.articleUrl,
    originalDate: item.date ?? null,
    originalAuthors: item.originalAuthors ?? [],
    credits: (item.credits ?? []).map((c) => ({ person: c.person, role: c.role })),
    introduction: item.introduction?.length ? richText(...item.introduction) : null,
    body: item.body.length ? richText(...item.body) : null,
    original: original.length ? richText(...original) : null,
    bilingual: item.pairs ?? [],
    excerpt: Boolean(item.originalIsExcerpt),
    isExcerpt: Boolean(item.isExcerpt),
    terms: refs.terms.map(rel),
    updateNotes: notes.map((n) => ({ date: n.date!, text: n.text })),
    publishedAt: item.postedAt ?? null,
    revisedAt: item.revisedAt ?? null,
    importKey: importKeyOf(item),
    _status: publish ? ('published' as const) : ('draft' as const),
  } satisfies RequiredDataFromCollectionSlug<'translations'>
}

/** Create the translation, or update the one with the same import key; true when it was updated. */
async function upsertTranslation(payload: Payload, req: TxReq, item: ImportedItem, options: WriteOptions) {
  const sources = await resolveSources(payload, req, item.sources.slice(0, 1))
  const terms = await resolveTerms(payload, req, item.terms)
  const refs = {
    source: item.sources[0] && sources.id(item.sources[0]),
    terms: item.terms.map((t) => terms.id(t.original)),
  }
  const data = translationData(item, refs, options.publish)
  const where = { importKey: { equals: data.importKey } }
  const { doc, replaced } = await upsertDoc(payload, req, 'translations', where, data, options.publish)
  return { slug: String(doc.slug), replaced, newTerms: terms.created, newSources: sources.created }
}

/**
 * Write translated articles (one, or every post of a listing) into the translations collection,
 * all in one transaction: a post that cannot be saved leaves nothing of the file behind.
 */
export async function writeTranslations(
  payload: Payload,
  recognised: ImportedArticle | ImportedListing,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const items = recognised.kind === 'listing' ? recognised.posts.map((p) => p.item) : [recognised.item]
  return inTransaction(
    payload,
    async (req) => {
      const written = []
      for (const item of items)
        written.push(await atLine(item.line, () => upsertTranslation(payload, req, item, options)))
      return {
        kind: 'translations' as const,
        slugs: written.map((w) => w.slug),
        issue: '',
        issueId: '',
        status: options.publish ? 'published' : 'draft',
        replaced: written.some((w) => w.replaced),
        sections: 0,
        items: items.length,
        terms: new Set(items.flatMap((i) => i.terms.map((t) => t.original))).size,
        newTerms: written.reduce((n, w) => n + w.newTerms, 0),
        sources: new Set(items.flatMap((i) => i.sources.slice(0, 1))).size,
        newSources: written.reduce((n, w) => n + w.newSources, 0),
        newSections: 0,
        warnings: recognised.warnings,
      }
    },
    options.user,
  )
}
