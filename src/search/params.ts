import type { SearchCollection } from './engine'
import { SEARCH_COLLECTIONS, type SearchRequest } from './service'
import { MAX_QUERY_CHARS } from './tokenize'

export type ParsedParams = { ok: true; request: SearchRequest } | { ok: false; status: number; message: string }

const DATE = /^\d{4}-\d{2}-\d{2}$/

const one = (value: unknown): string | undefined | null => {
  if (value === undefined) return undefined
  if (typeof value === 'string') return value
  return null // arrays and objects (?q[]=…, ?q[$gt]=…) are refused
}

/**
 * Read `q`, `limit`, `offset` and the filters (`collection`, `section`, `source`, `term`, `issue` as id or
 * slug; `from`/`to` as YYYY-MM-DD) from a query string object. Refuses what it cannot use with a message.
 */
export function parseSearchParams(query: Record<string, unknown>): ParsedParams {
  const fields: Record<string, string | undefined> = {}
  for (const name of ['q', 'limit', 'offset', 'collection', 'section', 'source', 'term', 'issue', 'from', 'to']) {
    const value = one(query[name])
    if (value === null) return { ok: false, status: 400, message: `Give "${name}" once, as plain text.` }
    fields[name] = value?.trim() || undefined
  }
  const q = fields.q ?? ''
  if (q.length > MAX_QUERY_CHARS) {
    return { ok: false, status: 400, message: `The query is too long: at most ${MAX_QUERY_CHARS} characters.` }
  }
  const request: SearchRequest = { q }
  for (const name of ['limit', 'offset'] as const) {
    const raw = fields[name]
    if (raw === undefined) continue
    if (!/^\d{1,4}$/.test(raw)) return { ok: false, status: 400, message: `"${name}" must be a whole number.` }
    request[name] = Number(raw)
  }
  if (fields.collection) {
    if (!SEARCH_COLLECTIONS.includes(fields.collection as SearchCollection)) {
      return { ok: false, status: 400, message: `"collection" must be one of ${SEARCH_COLLECTIONS.join(', ')}.` }
    }
    request.collection = fields.collection as SearchCollection
  }
  for (const name of ['section', 'source', 'term', 'issue'] as const) {
    const value = fields[name]
    if (value === undefined) continue
    if (value.length > 100) return { ok: false, status: 400, message: `"${name}" is too long.` }
    request[name] = value
  }
  for (const name of ['from', 'to'] as const) {
    const value = fields[name]
    if (value === undefined) continue
    const ms = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN
    if (!Number.isFinite(ms)) return { ok: false, status: 400, message: `"${name}" must be a date like 2024-03-08.` }
    request[name] = name === 'to' ? ms + 86_400_000 - 1 : ms
  }
  return { ok: true, request }
}
