import { randomUUID } from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

/** A client's or proxy's request id is kept when it is short and plain; anything else is replaced. */
const ACCEPTABLE = /^[\w.:@/+=-]{1,128}$/

export const requestIdOf = (given: string | undefined): string =>
  given && ACCEPTABLE.test(given.trim()) ? given.trim() : randomUUID()

/**
 * Every request gets an id: the `X-Request-Id` a proxy sent (when acceptable) or a new UUID. It is
 * echoed in the response header, handed on to Payload's handlers in the request header, and every
 * request is logged once when it ends, through Payload's logger with `requestId` bound
 * (`payload.logger.child({ requestId })`), as one JSON line in production (LOG_FORMAT).
 */
export const requestIds =
  (getPayload: () => Promise<Payload>): RequestHandler =>
  (req, res, next) => {
    const requestId = requestIdOf(req.get('x-request-id'))
    req.headers['x-request-id'] = requestId
    res.locals.requestId = requestId
    res.setHeader('X-Request-Id', requestId)
    const started = process.hrtime.bigint()
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const entry = { method: req.method, path: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 }
      getPayload()
        .then((payload) => payload.logger.child({ requestId }).info(entry, 'request'))
        .catch(() => undefined)
    })
    next()
  }
