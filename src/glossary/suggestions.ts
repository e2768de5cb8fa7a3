import { idFromKey } from '../lib/relations'
import type { CollectionBeforeChangeHook, Payload, PayloadRequest, Where } from 'payload'

import { mentionsPhrase } from '../lib/phrases'
import { inlineTermIds, lexicalText, relationKeys } from '../search/text'
import { loadTerms, type GlossaryTermRow } from './terms'
import { asSystem } from '../lib/system'

export type TermSuggestion = {
  id: string
  english: string
  original: string
  pinyin: string
  kind: string
  matched: string
}

const mentions = (text: string, phrase: string) => phrase.trim().length > 1 && mentionsPhrase(text, phrase)

type ItemLike = {
  headline?: string | null
  body?: unknown
  excerpt?: string | null
  originalTitle?: string | null
  terms?: unknown
}

/** Terms whose English rendering, an alias or the original appear in an item but are not linked yet. */
export function suggestTerms(item: ItemLike, terms: Map<string, GlossaryTermRow>): TermSuggestion[] {
  const text = [item.headline, lexicalText(item.body, (id) => terms.get(id)?.english), item.excerpt, item.originalTitle]
    .filter(Boolean)
    .join('\n')
  const linked = new Set(relationKeys(item.terms))
  const out: TermSuggestion[] = []
  for (const t of terms.values()) {
    if (linked.has(t.id)) continue
    const matched =
      t.original && text.includes(t.original)
        ? t.original
        : [t.english, ...t.aliases].find((p) => p && mentions(text, p))
    if (matched)
      out.push({ id: t.id, english: t.english, original: t.original, pinyin: t.pinyin, kind: t.kind, matched })
  }
  return out.sort((a, b) => a.english.localeCompare(b.english))
}

/** Suggestions for a saved item (its latest version). */
export async function suggestionsForItem(
  payload: Payload,
  id: number | string,
  req?: PayloadRequest,
): Promise<TermSuggestion[] | null> {
  const item = await payload.findByID({
    collection: 'items',
    id,
    depth: 0,
    draft: true,
    ...asSystem('operator'),
    disableErrors: true,
    req,
  })
  if (!item) return null
  return suggestTerms(item, await loadTerms(payload, req))
}

const HAN_PAREN = /[(（]\s*([\u3400-\u9fff·・]{2,20})\s*[)）]/gu

/**
 * A save hook linking (`terms`) the glossary terms that the rich text `richTexts` reads from the data
 * marks inline or glosses as "English (汉字)", so that term pages (people's appointment histories) list
 * the document. `richTexts` answers undefined when the save does not touch that text.
 */
export const linkTermsOf =
  (richTexts: (data: Record<string, unknown>) => unknown[] | undefined): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, context }) => {
    const values = data ? richTexts(data) : undefined
    if (!data || !values || context?.termsLinked) return data
    const inline = [...new Set(values.flatMap((v) => inlineTermIds(v)))]
    const glossed = values.flatMap((v) => [...lexicalText(v).matchAll(HAN_PAREN)].map((m) => m[1]))
    const originals = [...new Set(glossed)]
    if (!inline.length && !originals.length) return data
    const or: Where[] = []
    if (inline.length) or.push({ id: { in: inline } })
    if (originals.length) or.push({ original: { in: originals } })
    const found = await req.payload.find({
      collection: 'glossary-terms',
      where: { or },
      depth: 0,
      limit: 200,
      ...asSystem('operator'),
      req,
    })
    const add = new Set(found.docs.map((t) => String(t.id)))
    if (!add.size) return data
    const current = relationKeys(data.terms ?? originalDoc?.terms)
    const missing = [...add].filter((id) => !current.includes(id))
    if (!missing.length) return data
    data.terms = [...current, ...missing].map(idFromKey)
    return data
  }

/** Items: the body. */
export const linkMarkedTerms = linkTermsOf((data) => (data.body === undefined ? undefined : [data.body]))

/** Translations: the introduction and the translation. */
export const linkTranslationTerms = linkTermsOf((data) =>
  data.introduction === undefined && data.body === undefined ? undefined : [data.introduction, data.body],
)

type Groups = Array<{ entries?: Array<{ body?: unknown }> | null }>

/** Special issues: every entry's body. */
export const linkEntryTerms = linkTermsOf((data) =>
  data.kind !== 'special' && !Array.isArray(data.entryGroups)
    ? undefined
    : ((data.entryGroups as Groups | undefined) ?? []).flatMap((g) => (g.entries ?? []).map((e) => e.body)),
)
