import { entryAnchors } from '../content/special'
import type { Issue } from '../payload-types'
import type { SearchDoc } from './engine'
import type { Lookup } from './documents'
import { adminUrl, join, str, time } from './fields'
import { inlineTermIds, lexicalText, relationKey, relationKeys } from './text'

/**
 * Search documents of issue 14's kinds: translations (`/translations/<slug>`) and the entries of
 * special issues (`/special/<slug>#<entry>`), flattened like items (documents.ts).
 */

type Doc = Record<string, unknown> & { id: number | string }

const rows = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** The English and 汉字 of linked terms and the names of sources: indexed, not shown. */
function namesText(lookup: Lookup, terms: string[], sources: string[]): string {
  const termText = terms.map((t) => lookup.term(t)).flatMap((t) => (t ? [t.english, t.original, ...t.aliases] : []))
  const sourceText = sources.map((s) => lookup.source(s)).flatMap((s) => (s ? [s.name, s.originalName] : []))
  return [...termText, ...sourceText].join('\n')
}

/** Glossary terms a translation links or marks inline. */
export const translationTermIds = (doc: Doc): string[] => [
  ...new Set([...relationKeys(doc.terms), ...inlineTermIds(doc.introduction), ...inlineTermIds(doc.body)]),
]

export function translationDoc(doc: Doc, lookup: Lookup): SearchDoc {
  const id = String(doc.id)
  const termName = (termId: string) => lookup.term(termId)?.english
  const terms = translationTermIds(doc)
  const source = relationKey(doc.source)
  const sources = source ? [source] : []
  const pairs = rows<{ en?: string; zh?: string }>(doc.bilingual).map((p) => join(p.en, p.zh))
  const published = doc._status === 'published'
  return {
    collection: 'translations',
    id,
    title: str(doc.headline).trim() || `Translation ${id}`,
    text: join(
      doc.originalTitle,
      lexicalText(doc.introduction, termName),
      lexicalText(doc.body, termName),
      lexicalText(doc.original),
      ...rows<{ text?: string }>(doc.updateNotes).map((n) => n.text),
    ),
    extra: join(
      namesText(lookup, terms, sources),
      pairs.join('\n'),
      ...rows<{ body?: string }>(doc.editions).map((e) => e.body),
      rows<{ person?: string }>(doc.credits)
        .map((c) => c.person)
        .join(', '),
      rows<string>(doc.originalAuthors).join(', '),
      rows<string>(doc.tags).join(' '),
    ),
    url: published && doc.slug ? `/translations/${str(doc.slug)}` : adminUrl('translations', id),
    published,
    date: time(doc.originalDate) || time(doc.publishedAt),
    sources,
    terms,
  }
}

type Entry = NonNullable<NonNullable<Issue['entryGroups']>[number]['entries']>[number]

/** Every entry of a special issue with its anchor and its group's date. */
export function specialEntries(doc: Doc): Array<{ entry: Entry; anchor: string; date: unknown }> {
  const groups = rows<NonNullable<Issue['entryGroups']>[number]>(doc.entryGroups)
  const anchors = entryAnchors(groups)
  return groups.flatMap((g, gi) =>
    (g.entries ?? []).map((entry, ei) => ({ entry, anchor: anchors.entries[gi][ei], date: g.date })),
  )
}

/** Glossary terms and sources of a special issue's entries. */
export function specialReferences(doc: Doc): { terms: string[]; sources: string[] } {
  const entries = specialEntries(doc).map((e) => e.entry)
  return {
    terms: [...new Set(entries.flatMap((e) => inlineTermIds(e.body)))],
    sources: [...new Set(entries.flatMap((e) => relationKeys(e.sources)))],
  }
}

/** One search document per entry of a special issue, keyed by `#<anchor>` after the issue's key. */
export function entryDocs(doc: Doc, lookup: Lookup): Array<[string, SearchDoc]> {
  const id = String(doc.id)
  const published = doc._status === 'published'
  const termName = (termId: string) => lookup.term(termId)?.english
  return specialEntries(doc).map(({ entry, anchor, date }) => {
    const terms = inlineTermIds(entry.body)
    const sources = relationKeys(entry.sources)
    const captions = (entry.photos ?? []).map((p) => join(p.caption, p.credit))
    const searchDoc: SearchDoc = {
      collection: 'issues',
      id,
      title: entry.headline,
      text: join(lexicalText(entry.body, termName), ...captions),
      extra: namesText(lookup, terms, sources),
      url: published && doc.slug ? `/special/${str(doc.slug)}#${anchor}` : adminUrl('issues', id),
      published,
      date: time(date) || time(doc.publishedAt),
      issue: id,
      sources,
      terms,
    }
    return [`#${anchor}`, searchDoc]
  })
}
