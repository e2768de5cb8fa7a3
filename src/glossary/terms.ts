import type { Payload, PayloadRequest } from 'payload'

import type { KnownTerm } from './renderings'
import { asSystem } from '../lib/system'

export type GlossaryTermRow = KnownTerm & {
  slug: string
  kind: string
  status: string
  definition: string
  pinyin: string
}

/** Every glossary term, by id (the glossary is small: hundreds, not millions). */
export async function loadTerms(payload: Payload, req?: PayloadRequest): Promise<Map<string, GlossaryTermRow>> {
  const map = new Map<string, GlossaryTermRow>()
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: 'glossary-terms',
      depth: 0,
      limit: 1000,
      page,
      ...asSystem('operator'),
      req,
    })
    for (const t of res.docs) {
      map.set(String(t.id), {
        id: String(t.id),
        english: t.english ?? '',
        original: t.original ?? '',
        aliases: (t.aliases as string[] | null | undefined) ?? [],
        slug: t.slug ?? '',
        kind: t.kind ?? 'term',
        status: t.status ?? 'unreviewed',
        definition: t.definition ?? '',
        pinyin: t.pinyin ?? '',
      })
    }
    if (!res.hasNextPage) break
  }
  return map
}
