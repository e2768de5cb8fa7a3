import type { Endpoint } from 'payload'

import { parseId } from '../lib/db'
import { endpoint, refusal } from '../lib/endpoint'
import { relationKey } from '../search/text'
import { runPreflight } from './run'

/** `GET /api/issues/:id/preflight[?checkLinks=1]` (staff): `{ problems: [...] }`. */
export const preflightEndpoint: Endpoint = endpoint({
  path: '/:id/preflight',
  method: 'get',
  role: 'staff',
  action: 'run the preflight',
  handler: async (req) => {
    const key = relationKey(req.routeParams?.id)
    if (!key) throw refusal(400, 'Which issue?')
    const id = parseId(req.payload, key)
    const checkLinks = ['1', 'true', 'yes'].includes(String(req.searchParams?.get('checkLinks') ?? '').toLowerCase())
    const problems = id === undefined ? null : await runPreflight(req, id, { checkLinks })
    if (!problems) throw refusal(404, `Issue ${key.slice(0, 64)} does not exist.`)
    return Response.json({ problems })
  },
})
