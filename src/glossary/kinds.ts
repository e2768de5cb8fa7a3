import type { Payload, PayloadRequest, Where } from 'payload'

import { SPECIAL } from '../content/special'
import { specialEntries } from '../search/kinds'
import { asSystem } from '../lib/system'

/**
 * The rich text of translations and special-issue entries, for the consistency report beside items
 * (consistency.ts): each with a reference to where it lives.
 */
export type TextRef = {
  collection: 'items' | 'translations' | 'issues'
  id: number | string
  title: string
  status: string
  issue: string | null
  /** The admin edit view of the document holding the text. */
  url: string
}

type Doc = Record<string, unknown> & { id: number | string; _status?: string | null }

async function* latest(
  payload: Payload,
  collection: 'translations' | 'issues',
  where: Where | undefined,
  req?: PayloadRequest,
  draft = true,
): AsyncGenerator<Doc> {
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection,
      depth: 0,
      limit: 200,
      page,
      draft,
      where,
      req,
      ...asSystem('operator'),
      sort: 'id',
      joins: false as never,
    })
    for (const doc of res.docs) yield doc as unknown as Doc
    if (!res.hasNextPage) break
  }
}

const adminUrl = (collection: string, id: number | string) => `/admin/collections/${collection}/${id}`

/** Translations (introduction and translation) and special-issue entries (body), latest versions. */
export async function* translationAndEntryTexts(
  payload: Payload,
  req?: PayloadRequest,
): AsyncGenerator<{ ref: TextRef; values: unknown[] }> {
  for await (const doc of latest(payload, 'translations', undefined, req)) {
    const ref: TextRef = {
      collection: 'translations',
      id: doc.id,
      title: String(doc.headline ?? '').trim() || `Translation ${doc.id}`,
      status: doc._status ?? 'draft',
      issue: null,
      url: adminUrl('translations', doc.id),
    }
    yield { ref, values: [doc.introduction, doc.body] }
  }
  for await (const doc of latest(payload, 'issues', SPECIAL, req)) {
    const label = String(doc.label ?? doc.title ?? '') || null
    for (const { entry } of specialEntries(doc)) {
      const ref: TextRef = {
        collection: 'issues',
        id: doc.id,
        title: entry.headline,
        status: doc._status ?? 'draft',
        issue: label,
        url: adminUrl('issues', doc.id),
      }
      yield { ref, values: [entry.body] }
    }
  }
}

/** How many published translations and special issues link each glossary term. */
export async function publishedTermUses(payload: Payload, req?: PayloadRequest): Promise<Map<string, number>> {
  const usage = new Map<string, number>()
  for (const collection of ['translations', 'issues'] as const) {
    const where: Where = { _status: { equals: 'published' } }
    for await (const doc of latest(payload, collection, where, req, false)) {
      for (const id of Array.isArray(doc.terms) ? doc.terms : [])
        usage.set(String(id), (usage.get(String(id)) ?? 0) + 1)
    }
  }
  return usage
}
