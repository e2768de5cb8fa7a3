import type { Endpoint } from 'payload'

import { parseId } from '../lib/db'
import { endpoint, readBody, refusal } from '../lib/endpoint'
import { relationKey } from '../search/text'
import { applyPreferredRendering, consistencyReport } from './consistency'
import { suggestionsForItem } from './suggestions'

const consistencyAction = 'check and fix consistency'

/** `GET /api/items/:id/term-suggestions`: glossary terms mentioned in the item but not linked. */
export const termSuggestionsEndpoint: Endpoint = endpoint({
  path: '/:id/term-suggestions',
  method: 'get',
  role: 'staff',
  action: 'see term suggestions',
  handler: async (req) => {
    const key = relationKey(req.routeParams?.id)
    if (!key) throw refusal(400, 'Which item?')
    const id = parseId(req.payload, key)
    const docs = id === undefined ? null : await suggestionsForItem(req.payload, id, req)
    if (!docs) throw refusal(404, `Item ${key.slice(0, 64)} does not exist.`)
    return Response.json({ docs })
  },
})

/** `GET /api/glossary-terms/consistency` and `POST /api/glossary-terms/consistency/apply` (editors). */
export const consistencyEndpoints: Endpoint[] = [
  endpoint({
    path: '/consistency',
    method: 'get',
    role: 'editor',
    action: consistencyAction,
    handler: async (req) => Response.json(await consistencyReport(req.payload, req)),
  }),
  endpoint({
    path: '/consistency/apply',
    method: 'post',
    role: 'editor',
    action: consistencyAction,
    handler: async (req) => {
      const result = await applyPreferredRendering(req, await readBody(req))
      return Response.json({ ...result, message: `${result.changed.length} item(s) saved as new drafts.` })
    },
  }),
]
