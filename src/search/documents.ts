import type { SearchCollection, SearchDoc } from './engine'
import { adminUrl, join, str, time } from './fields'
import { entryDocs, translationDoc } from './kinds'
import { lexicalText, relationKey, relationKeys } from './text'

export { adminUrl }

/** Names the index already knows, used to flatten relations into searchable text. */
export type Lookup = {
  term(id: string): { english: string; original: string; aliases: string[] } | undefined
  source(id: string): { name: string; originalName: string } | undefined
  issue(id: string): { slug: string; label: string } | undefined
  /** Whether the issue's published version is indexed (a published item is public only then). */
  issueIsPublic(id: string): boolean
}

type Doc = Record<string, unknown> & { id: number | string }

const isPublished = (doc: Doc) => doc._status === 'published'

export function itemDoc(doc: Doc, lookup: Lookup): SearchDoc {
  const id = String(doc.id)
  const termName = (termId: string) => lookup.term(termId)?.english
  const body = lexicalText(doc.body, termName)
  const terms = relationKeys(doc.terms)
  const sources = relationKeys(doc.sources)
  const issue = relationKey(doc.issue)
  const headline = str(doc.headline).trim()
  const text = join(body, doc.originalTitle, doc.excerpt, (doc.tags as string[] | undefined)?.join(' '), doc.credit)
  const title = headline || (body.length > 90 ? `${body.slice(0, 90).replace(/\s+\S*$/, '')} …` : body) || `Item ${id}`
  const termText = terms.map((t) => lookup.term(t)).flatMap((t) => (t ? [t.english, t.original, ...t.aliases] : []))
  const sourceText = sources.map((s) => lookup.source(s)).flatMap((s) => (s ? [s.name, s.originalName] : []))
  const issueInfo = issue ? lookup.issue(issue) : undefined
  const published = isPublished(doc) && Boolean(issue) && lookup.issueIsPublic(issue!)
  return {
    collection: 'items',
    id,
    title,
    titleFromText: !headline,
    text,
    extra: [...termText, ...sourceText, issueInfo?.label ?? ''].join('\n'),
    url: published ? `/items/${id}` : adminUrl('items', id),
    published,
    date: time(doc.date),
    section: relationKey(doc.section),
    issue,
    sources,
    terms,
  }
}

export function issueDoc(doc: Doc): SearchDoc {
  const id = String(doc.id)
  const highlights = ((doc.highlights as Array<{ text?: unknown }> | undefined) ?? []).map((h) => lexicalText(h.text))
  const published = isPublished(doc)
  const special = doc.kind === 'special'
  const prefix = special ? '/special' : '/issues'
  return {
    collection: 'issues',
    id,
    title: [str(doc.label) || `Issue ${id}`, str(doc.periodLabel)].filter(Boolean).join(' · '),
    text: join(highlights.join('\n'), lexicalText(doc.editorsNote), doc.publisherLine),
    extra: str(doc.slug),
    url: published && doc.slug ? `${prefix}/${str(doc.slug)}` : adminUrl('issues', id),
    published,
    date: special ? time(doc.publishedAt) : time(doc.periodEnd),
    issue: id,
  }
}

export function termDoc(doc: Doc): SearchDoc {
  const id = String(doc.id)
  const aliases = (doc.aliases as string[] | undefined) ?? []
  return {
    collection: 'glossary-terms',
    id,
    title: `${str(doc.english)} (${str(doc.original)})`,
    text: join(doc.definition, doc.pinyin, aliases.length ? `Also: ${aliases.join(', ')}` : ''),
    extra: str(doc.kind),
    url: doc.slug ? `/glossary/${str(doc.slug)}` : adminUrl('glossary-terms', id),
    // Public once published content uses it or an editor reviewed it (collections/hooks/publicReferences.ts).
    published: doc.public === true,
    date: time(doc.updatedAt),
    terms: [id],
  }
}

export function sourceDoc(doc: Doc): SearchDoc {
  const id = String(doc.id)
  return {
    collection: 'sources',
    id,
    title: [str(doc.name), str(doc.originalName)].filter(Boolean).join(' · '),
    text: join(doc.kind, doc.homepage),
    extra: str(doc.slug),
    url: doc.slug ? `/sources/${str(doc.slug)}` : adminUrl('sources', id),
    published: true,
    date: time(doc.updatedAt),
    sources: [id],
  }
}

export const toSearchDoc = (collection: SearchCollection, doc: Doc, lookup: Lookup): SearchDoc =>
  collection === 'items'
    ? itemDoc(doc, lookup)
    : collection === 'issues'
      ? issueDoc(doc)
      : collection === 'translations'
        ? translationDoc(doc, lookup)
        : collection === 'glossary-terms'
          ? termDoc(doc)
          : sourceDoc(doc)

/**
 * Every search document of a saved document, each with its key's suffix: the document itself (''),
 * and a special issue's entries (`#<anchor>`).
 */
export const toSearchDocs = (collection: SearchCollection, doc: Doc, lookup: Lookup): Array<[string, SearchDoc]> => [
  ['', toSearchDoc(collection, doc, lookup)],
  ...(collection === 'issues' && doc.kind === 'special' ? entryDocs(doc, lookup) : []),
]
