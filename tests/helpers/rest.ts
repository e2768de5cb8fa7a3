import type { Payload } from 'payload'

export type RestAnswer = {
  status: number
  body: Record<string, unknown> & { doc?: Record<string, unknown>; errors?: Array<{ message: string }> }
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
