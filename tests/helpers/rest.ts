import type { Payload } from 'payload'
import type { Express } from 'express'

import { startWebApp } from '../int/web-support'
import { bootPayload, makeUser } from './payload'

export type RestAnswer = {
  status: number
  body: Record<string, unknown> & {
    doc?: Record<string, unknown>
    docs?: Array<Record<string, unknown>>
    errors?: Array<{ message: string }>
  }
}

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** Payload's REST handlers by method, as the Next route `src/app/(payload)/api/[...slug]/route.ts` exports them. */
async function restHandlers(): Promise<Record<string, Handler>> {
  const routes = await import('@payloadcms/next/routes')
  const config = (await import('../../src/payload.config')).default
  return {
    GET: routes.REST_GET(config) as never,
    POST: routes.REST_POST(config) as never,
    PATCH: routes.REST_PATCH(config) as never,
    DELETE: routes.REST_DELETE(config) as never,
  }
}

/**
 * Payload's own REST handlers (what the Next app mounts under /api), called with real Request objects.
 * `as` signs in with the test password of `makeUser` and sends the JWT.
 */
export async function restClient(payload: Payload) {
  const handlers = await restHandlers()
  const tokens = new Map<string, string>()
  const tokenFor = async (email: string) => {
    if (!tokens.has(email)) {
      const { token } = await payload.login({ collection: 'users', data: { email, password: 'correct-horse-battery' } })
      tokens.set(email, token as string)
    }
    return tokens.get(email)!
  }
  return async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options: { as?: { email: string }; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<RestAnswer> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
    if (options.as) headers.authorization = `JWT ${await tokenFor(options.as.email)}`
    const url = new URL(`http://localhost/api/${path.replace(/^\//, '')}`)
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)
    const res = await handlers[method](new Request(url, { method, headers, body }), {
      params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as RestAnswer['body']) : {} }
  }
}

/** A Payload on its own database with an admin, an editor (editor@example.com), REST and the web pages. */
export async function bootWithRest(name: string) {
  const t = await bootPayload(name)
  await makeUser(t.payload, 'admin')
  const editor = await makeUser(t.payload, 'editor', 'editor@example.com')
  const rest = await restClient(t.payload)
  const web = await startWebApp(t.payload)
  const close = async () => {
    await web.close()
    await t.close()
  }
  return { ...t, editor, rest, web, close }
}

/**
 * Call `/api/<path>` through Payload's own REST handler (the real route, no HTTP server), signed in
 * as `user` (password `correct-horse-battery`, as makeUser creates) or anonymously.
 */
export async function rest(
  payload: Payload,
  method: 'GET' | 'POST',
  path: string,
  user?: { email: string },
  body?: unknown,
): Promise<RestAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (user) {
    const { token } = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct-horse-battery' },
    })
    headers.authorization = `JWT ${token}`
  }
  const { REST_GET, REST_POST } = await import('@payloadcms/next/routes')
  const config = (await import('../../src/payload.config')).default
  const handler = method === 'POST' ? REST_POST(config) : REST_GET(config)
  const url = new URL(`http://localhost/api/${path}`)
  const req = new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const res = await handler(req, { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })
  return { status: res.status, body: (await res.json()) as RestAnswer['body'] }
}

/**
 * Serve `/api/*` from an express app with Payload's own REST handlers, as the Next route
 * `src/app/(payload)/api/[...slug]/route.ts` does in the server: real HTTP in, real Response out.
 */
export async function mountPayloadApi(app: Express): Promise<void> {
  const { Readable } = await import('node:stream')
  const handlers = await restHandlers()
  app.all('/api/{*slug}', async (req, res) => {
    const handler = handlers[req.method]
    if (!handler) return void res.status(405).end()
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    const hasBody = !['GET', 'HEAD'].includes(req.method)
    const url = new URL(req.originalUrl, 'http://localhost')
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit)
    const answer = await handler(request, {
      params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
    })
    res.status(answer.status)
    answer.headers.forEach((value, name) => res.setHeader(name, value))
    res.end(Buffer.from(await answer.arrayBuffer()))
  })
}
