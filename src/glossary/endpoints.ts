import { APIError, type Endpoint } from 'payload'

import { hasEditorRole, hasStaffRole } from '../access'
import { parseId } from '../lib/db'
import { guarded } from '../reuse/endpoints'
import { relationKey } from '../search/text'
import { applyPreferredRendering, consistencyReport } from './consistency'
import { suggestionsForItem } from './suggestions'

const editorsOnly = (user: unknown) => {
  if (!hasEditorRole(user as never)) throw new APIError('Only editors may check and fix consistency.', 403, null, true)
}

/** `GET /api/items/:id/term-suggestions`: glossary terms mentioned in the item but not linked. */
export const termSuggestionsEndpoint: Endpoint = {
  path: '/:id/term-suggestions',
  method: 'get',
  handler: guarded(async (req) => {
    if (!hasStaffRole(req.user)) throw new APIError('Sign in to see term suggestions.', 401, null, true)
    const key = relationKey(req.routeParams?.id)
    if (!key) throw new APIError('Which item?', 400, null, true)
    const id = parseId(req.payload, key)
    const docs = id === undefined ? null : await suggestionsForItem(req.payload, id, req)
    if (!docs) throw new APIError(`Item ${key.slice(0, 64)} does not exist.`, 404, null, true)
    return Response.json({ docs })
  }),
}

/** `GET /api/glossary-terms/consistency` and `POST /api/glossary-terms/consistency/apply` (editors). */
export const consistencyEndpoints: Endpoint[] = [
  {
    path: '/consistency',
    method: 'get',
    handler: guarded(async (req) => {
      editorsOnly(req.user)
      return Response.json(await consistencyReport(req.payload, req))
    }),
  },
  {
    path: '/consistency/apply',
    method: 'post',
    handler: guarded(async (req) => {
      editorsOnly(req.user)
      let body: Record<string, unknown> = {}
      try {
        body = ((req.json ? await req.json() : {}) ?? {}) as Record<string, unknown>
      } catch {
        throw new APIError('The request body must be JSON.', 400, null, true)
      }
      const result = await applyPreferredRendering(req, body)
      return Response.json({ ...result, message: `${result.changed.length} item(s) saved as new drafts.` })
    }),
  },
]
