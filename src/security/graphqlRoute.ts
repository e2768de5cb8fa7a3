import express, { type Express, type Request as ExpressRequest, type Response as ExpressResponse } from 'express'

import { errorBody } from '../lib/endpoint'
import { BODY_LIMITS, bodyErrors } from './bodies'
import { graphqlRefusal } from './graphqlLimits'

type Handler = (request: Request) => Promise<Response>
let handler: Promise<Handler> | undefined
/** Loaded on first use, so that mounting the route never evaluates the Payload config. */
const getHandler = (): Promise<Handler> =>
  (handler ??= Promise.all([import('./graphql'), import('../payload.config')]).then(([{ graphqlPost }, config]) =>
    graphqlPost(config.default),
  ))

const toRequest = (req: ExpressRequest, body: Buffer): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v)
  return new Request(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  })
}

async function answer(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('Set-Cookie', cookies)
  res.end(Buffer.from(await response.arrayBuffer()))
}

/**
 * POST /api/graphql served by the express edge itself with Payload's GraphQL handler (limits and
 * GRAPHQL=off included, src/security/graphql.ts). A refused query is answered here from the raw
 * body, with no trip through Next or Payload, so the server keeps answering /healthz while it is
 * flooded with them.
 */
export function mountGraphqlRoute(app: Express): void {
  const raw = express.raw({ type: () => true, limit: BODY_LIMITS.json })
  const readBody: express.RequestHandler = (req, res, next) =>
    raw(req, res, (err?: unknown) => (err ? bodyErrors(err, req, res, next) : next()))
  app.post('/api/graphql', readBody, async (req, res) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const refusal = graphqlRefusal(body.toString('utf8'))
      if (refusal) return void res.status(refusal.status).json(errorBody(refusal.message))
      await answer(res, await (await getHandler())(toRequest(req, body)))
    } catch (err) {
      const status = Number((err as { status?: unknown }).status)
      if (status >= 400 && status < 500) return void res.status(status).json(errorBody((err as Error).message))
      console.error('graphql failed:', err)
      if (!res.headersSent) res.status(500).json(errorBody('Something went wrong.'))
    }
  })
}
