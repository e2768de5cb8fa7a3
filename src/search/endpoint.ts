import type { Endpoint } from 'payload'

import { hasStaffRole } from '../access'
import { endpoint, refusal } from '../lib/endpoint'
import { parseSearchParams } from './params'
import { search } from './service'

/** The query string as parseSearchParams reads it: a name given twice becomes a list (and is refused). */
const queryOf = (params: URLSearchParams): Record<string, unknown> => {
  const query: Record<string, unknown> = {}
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    query[name] = values.length === 1 ? values[0] : values
  }
  return query
}

/**
 * `GET /api/search?q=…` (filters `collection`, `section`, `source`, `term`, `issue`, `from`, `to`;
 * `limit`, `offset`): `{ docs: [{ collection, id, title, snippet, url }], totalDocs }`. Anonymous
 * callers see published content only; signed-in staff see drafts too.
 */
export const searchEndpoint: Endpoint = endpoint({
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const parsed = parseSearchParams(queryOf(req.searchParams))
    if (!parsed.ok) throw refusal(parsed.status, parsed.message)
    const staff = hasStaffRole(req.user)
    const result = await search(req.payload, { ...parsed.request, staff }).catch((err: unknown) => {
      req.payload.logger.error({ err }, 'search failed')
      throw refusal(503, 'Search is unavailable right now; try again shortly.')
    })
    return Response.json(result, { headers: { 'Cache-Control': staff ? 'private, no-store' : 'public, max-age=30' } })
  },
})
