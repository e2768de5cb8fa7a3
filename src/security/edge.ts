import type { Express, RequestHandler } from 'express'

import { isProduction, trustProxy } from '../env'
import { limitBodies } from './bodies'
import { stampClientIp } from './clientIp'
import { contentSecurityPolicy } from './csp'

export { BODY_LIMITS } from './bodies'

/** Security headers for every response; the CSP depends on who answers (csp.ts). */
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  if (isProduction) res.setHeader('Strict-Transport-Security', 'max-age=15552000')
  next()
}

const hasSession = (headers: Record<string, string | string[] | undefined>): boolean =>
  Boolean(headers.authorization) || /(^|;\s*)payload-token=/.test(String(headers.cookie ?? ''))

/**
 * An API answer to a signed-in request (drafts, /api/users/me, the subscriber CSV) is personal:
 * never stored by a browser or a shared cache. Set again just before the head is written, in
 * case the handler set its own Cache-Control.
 */
const noStoreForSessions: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/api/') || !hasSession(req.headers)) return next()
  res.setHeader('Cache-Control', 'private, no-store')
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res
  res.writeHead = ((...args: unknown[]) => {
    res.setHeader('Cache-Control', 'private, no-store')
    for (const arg of args)
      if (arg && typeof arg === 'object' && !Array.isArray(arg))
        for (const key of Object.keys(arg))
          if (key.toLowerCase() === 'cache-control') delete (arg as Record<string, unknown>)[key]
    return writeHead(...args)
  }) as typeof res.writeHead
  next()
}

/**
 * Everything the express edge does before any route: which client address to believe (TRUST_PROXY),
 * handing it to Payload, security headers and CSP, no-store for signed-in API answers, body limits.
 */
export function applyEdgeSecurity(app: Express): void {
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy())
  app.use(stampClientIp, securityHeaders, contentSecurityPolicy(), noStoreForSessions, limitBodies)
}
