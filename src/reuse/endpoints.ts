import type { Endpoint } from 'payload'

import { endpoint, readBody } from '../lib/endpoint'
import { reuseEntry, reuseTranslation } from './kinds'
import { relatedItems } from './related'
import { reuseItem } from './reuse'
import { reuseCandidates } from './search'

/** `POST /api/items/:id/reuse`: a draft copy in another issue (access is checked by reuseItem). */
const reuse = endpoint({
  path: '/:id/reuse',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    const doc = await reuseItem(req, req.routeParams?.id, { issue: body.issue, section: body.section })
    return Response.json({ doc, message: 'Reused as a new draft item.' }, { status: 201 })
  },
})

/** `GET /api/items/:id/related`: past items like this one, for staff. */
const related = endpoint({
  path: '/:id/related',
  method: 'get',
  role: 'staff',
  action: 'see related items',
  handler: async (req) => {
    const limit = Math.min(Number(req.searchParams.get('limit')) || 8, 30)
    const docs = await relatedItems(req, req.routeParams?.id, limit)
    return Response.json({ docs })
  },
})

export const reuseEndpoints: Endpoint[] = [reuse, related]

const reused = (doc: unknown) => Response.json({ doc, message: 'Reused as a new draft item.' }, { status: 201 })

/** `POST /api/translations/:id/reuse`: the translation's summary as a draft item of a weekly issue. */
export const translationReuseEndpoint: Endpoint = endpoint({
  path: '/:id/reuse',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    return reused(await reuseTranslation(req, req.routeParams?.id, { issue: body.issue, section: body.section }))
  },
})

/** `POST /api/issues/:id/entries/:anchor/reuse`: a special issue's entry as a draft item of a weekly issue. */
export const entryReuseEndpoint: Endpoint = endpoint({
  path: '/:id/entries/:anchor/reuse',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    const { id, anchor } = req.routeParams ?? {}
    return reused(await reuseEntry(req, id, anchor, { issue: body.issue, section: body.section }))
  },
})

/** `GET /api/reuse/search?q=…&issue=…`: items, translations and special-issue entries to reuse (staff). */
export const reuseSearchEndpoint: Endpoint = endpoint({
  path: '/reuse/search',
  method: 'get',
  role: 'staff',
  action: 'search for content to reuse',
  handler: async (req) => Response.json({ docs: await reuseCandidates(req) }),
})
