import type { PayloadRequest } from 'payload'

import { refusal } from '../lib/endpoint'
import { asSystem } from '../lib/system'
import { search } from '../search/service'
import { MAX_QUERY_CHARS } from '../search/tokenize'

/** One thing the composer's "Reuse past item" may copy, with the path that reuses it (POST). */
export type ReuseCandidate = {
  kind: 'item' | 'translation' | 'entry'
  id: number | string
  title: string
  snippet: string
  url: string
  reuse: string
}

/**
 * `GET /api/reuse/search?q=…&issue=<id>`: published items (of other issues), translations and
 * special-issue entries matching `q`, best first, from the search index.
 */
export async function reuseCandidates(req: PayloadRequest): Promise<ReuseCandidate[]> {
  const q = (req.searchParams.get('q') ?? '').trim()
  if (!q) throw refusal(400, 'Give the words to search for ("q").')
  if (q.length > MAX_QUERY_CHARS) throw refusal(400, `The query is too long: at most ${MAX_QUERY_CHARS} characters.`)
  const issue = req.searchParams.get('issue') ?? ''
  const found = await search(req.payload, { q, limit: 30, staff: false })
  const out: ReuseCandidate[] = []
  for (const d of found.docs) {
    const base = { id: d.id, title: d.title, snippet: d.snippet, url: d.url }
    if (d.collection === 'items') out.push({ ...base, kind: 'item', reuse: `/api/items/${d.id}/reuse` })
    else if (d.collection === 'translations')
      out.push({ ...base, kind: 'translation', reuse: `/api/translations/${d.id}/reuse` })
    else if (d.collection === 'issues' && d.url.includes('#')) {
      const anchor = d.url.slice(d.url.indexOf('#') + 1)
      out.push({ ...base, kind: 'entry', reuse: `/api/issues/${d.id}/entries/${anchor}/reuse` })
    }
  }
  if (!issue) return out
  // Items already in the issue being composed are not offered.
  const items = out.filter((c) => c.kind === 'item').map((c) => c.id)
  if (!items.length) return out
  const own = await req.payload.find({
    collection: 'items',
    where: { and: [{ id: { in: items } }, { issue: { equals: issue } }] },
    depth: 0,
    pagination: false,
    req,
    ...asSystem('operator'),
    select: {},
  })
  const ownIds = new Set(own.docs.map((d) => String(d.id)))
  return out.filter((c) => c.kind !== 'item' || !ownIds.has(String(c.id)))
}
