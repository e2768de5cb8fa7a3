import type { Endpoint } from 'payload'

import { endpoint, readBody } from '../lib/endpoint'
import { relatedItems } from './related'
import { reuseItem } from './reuse'

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
