import express, { type ErrorRequestHandler, type RequestHandler } from 'express'

import { errorBody } from '../lib/endpoint'
import { isNextPath } from './csp'

/**
 * Request bodies the Next/Payload handler may receive, in bytes: JSON and forms 1 MB; uploads
 * (multipart: media, report imports) 25 MB, Payload's own upload limit too; a subscriber CSV
 * sent as JSON 10 MB. The express routes (subscribe, preview) have their own, smaller parsers.
 */
export const BODY_LIMITS = {
  json: 1024 * 1024,
  upload: 25 * 1024 * 1024,
  routes: { '/api/newsletter/subscribers/import': 10 * 1024 * 1024 } as Record<string, number>,
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

const limitFor = (path: string, contentType: string): number =>
  BODY_LIMITS.routes[path] ?? (/^multipart\/form-data/i.test(contentType) ? BODY_LIMITS.upload : BODY_LIMITS.json)

/**
 * Refuse a body over its limit from its Content-Length, before a byte of it is read or kept (the
 * API would otherwise read it in full into memory before answering 403). A body of unknown length (chunked) is
 * refused with 411: it could not be bounded without reading it, and browsers always send a length.
 */
export const limitBodies: RequestHandler = (req, res, next) => {
  if (!isNextPath(req.path) || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
  const length = req.headers['content-length']
  const limit = limitFor(req.path, req.headers['content-type'] ?? '')
  const refuse = (status: number, message: string) => {
    res.status(status).json(errorBody(message))
    // Discard what the client still sends (nothing is kept) so that it can read the answer.
    req.resume()
  }
  if (length === undefined) {
    if (req.headers['transfer-encoding']) return refuse(411, 'Send the request body with a Content-Length.')
    return next()
  }
  if (Number(length) > limit) return refuse(413, `Request body too large: at most ${mb(limit)} here.`)
  next()
}

/** Body-parser failures on express's own routes: 400/413 as JSON, never an HTML stack trace. */
export const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, next) => {
  if (err?.type === 'entity.too.large') return res.status(413).json(errorBody('Request body too large.'))
  if (err?.type === 'entity.parse.failed') return res.status(400).json(errorBody('The request body is not valid JSON.'))
  if (err?.status && err.status >= 400 && err.status < 500)
    return res.status(err.status).json(errorBody('The request body could not be read.'))
  next(err)
}

/** Form and JSON bodies up to `limit` for an express route, with bodyErrors' answers for bad ones. */
export const smallBodies = (limit: string): RequestHandler => {
  const form = express.urlencoded({ extended: false, limit })
  const json = express.json({ limit })
  return (req, res, next) =>
    form(req, res, (formErr?: unknown) => {
      if (formErr) return bodyErrors(formErr, req, res, next)
      json(req, res, (jsonErr?: unknown) => (jsonErr ? bodyErrors(jsonErr, req, res, next) : next()))
    })
}
