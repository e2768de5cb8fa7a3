import type { Payload } from 'payload'

import { SPECIAL } from '../content/special'
import { PUBLIC_READ } from '../lib/system'
import { specialEntries } from '../search/kinds'
import { inlineTermIds, lexicalText } from '../search/text'
import { list } from './deps'

/** A published translation or special-issue entry using a glossary term, as its page lists it. */
export type TermUse = { kind: 'translation' | 'special'; url: string; title: string; context: string | null }

type Term = { id: number | string; english: string; original: string }

/** Whether a rich-text value marks the term inline or contains its original. */
const uses = (value: unknown, term: Term) =>
  inlineTermIds(value).includes(String(term.id)) || (term.original !== '' && lexicalText(value).includes(term.original))

/**
 * Published translations and special-issue entries that use a term (linked in their `terms`), read as an
 * anonymous reader: the term page's "used in" beside its items. A special issue lists the entries whose
 * text uses the term (all of them when none does: the term was linked by hand).
 */
export async function termUses(payload: Payload, term: Term): Promise<{ uses: TermUse[]; deps: string[] }> {
  const [translations, specials] = await Promise.all([
    payload.find({
      collection: 'translations',
      where: { terms: { in: [term.id] } },
      sort: '-publishedAt',
      depth: 0,
      limit: 200,
      ...PUBLIC_READ,
    }),
    payload.find({
      collection: 'issues',
      where: { and: [SPECIAL, { terms: { in: [term.id] } }] },
      sort: '-publishedAt',
      depth: 0,
      limit: 100,
      joins: false,
      ...PUBLIC_READ,
    }),
  ])
  const out: TermUse[] = translations.docs.map((t) => ({
    kind: 'translation',
    url: `/translations/${t.slug}`,
    title: t.headline,
    context: null,
  }))
  for (const issue of specials.docs) {
    const entries = specialEntries(issue as never)
    const using = entries.filter((e) => uses(e.entry.body, term))
    for (const { entry, anchor } of using.length ? using : entries)
      out.push({
        kind: 'special',
        url: `/special/${issue.slug}#${anchor}`,
        title: entry.headline,
        context: issue.label ?? issue.title ?? null,
      })
  }
  return { uses: out, deps: [list('translations'), list('issues')] }
}
