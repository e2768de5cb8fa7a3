import type { RequestHandler } from 'express'

import { isProduction, publicUrl } from '../env'

/** Paths the Next app serves (the admin, the API, Next's own assets); everything else is the public site. */
export const isNextPath = (path: string): boolean => /^\/(admin|api|_next|__nextjs)(\/|$)/.test(path)

const originOf = (url: string): string => {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}

const join = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')

/**
 * The public pages are our own templates: scripts and styles from this origin only, no inline
 * code (JSON-LD is a data block, which CSP does not block). The admin's live preview frames them,
 * so the public site allows being framed by this origin and the public URL's.
 */
export const publicPolicy = (): string => {
  const self = ["'self'", originOf(publicUrl())].filter(Boolean)
  return join({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'https:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': self,
  })
}

/**
 * The admin (Next + Payload) renders inline bootstrap scripts and inline styles, and in
 * development evaluates code and opens a hot-reload socket: allowed there, nothing else foreign.
 */
export const adminPolicy = (): string => {
  const self = ["'self'", originOf(publicUrl())].filter(Boolean)
  return join({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(isProduction ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(isProduction ? [] : ['ws:', 'wss:'])],
    'media-src': ["'self'", 'blob:', 'https:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': self,
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  })
}

/** One Content-Security-Policy header on every response, by which part of the app answers. */
export const contentSecurityPolicy = (): RequestHandler => {
  const policies = { public: publicPolicy(), admin: adminPolicy() }
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', isNextPath(req.path) ? policies.admin : policies.public)
    next()
  }
}
