import { APIError, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'

import { hasStaffRole } from '../access'
import { relatedItems } from './related'
import { reuseItem } from './reuse'

const readJson = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  try {
    const body = req.json ? await req.json() : {}
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  } catch {
    throw new APIError('The request body must be JSON.', 400, null, true)
  }
}

/** Answer APIErrors (and validation errors) as `{ errors: [{ message }] }` with their status. */
export const guarded =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (err) {
      const e = err as { status?: number; message?: string; data?: unknown }
      const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500
      if (status === 500) req.payload.logger.error({ err }, 'reuse endpoint failed')
      return Response.json(
        { errors: [{ message: status === 500 ? 'Something went wrong.' : e.message, data: e.data }] },
        { status },
      )
    }
  }

const reuse: Endpoint = {
  path: '/:id/reuse',
  method: 'post',
  handler: guarded(async (req) => {
    const body = await readJson(req)
    const doc = await reuseItem(req, req.routeParams?.id, { issue: body.issue, section: body.section })
    return Response.json({ doc, message: 'Reused as a new draft item.' }, { status: 201 })
  }),
}

const related: Endpoint = {
  path: '/:id/related',
  method: 'get',
  handler: guarded(async (req) => {
    if (!hasStaffRole(req.user)) throw new APIError('Sign in to see related items.', 401, null, true)
    const limit = Math.min(Number(req.searchParams.get('limit')) || 8, 30)
    const docs = await relatedItems(req, req.routeParams?.id, limit)
    return Response.json({ docs })
  }),
}

export const reuseEndpoints: Endpoint[] = [reuse, related]
