import type { Response as ExpressResponse } from 'express'
import { addDataAndFileToRequest, APIError, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'

import { hasEditorRole, hasStaffRole } from '../access'

/**
 * The endpoint kit: every custom endpoint (Payload `endpoints` of collections, globals and features,
 * and express routes that answer JSON) guards roles, reads bodies and answers errors through these,
 * so that every error has Payload's own shape `{ "errors": [{ "message": "…" }] }`.
 */

/** Payload's error shape; `data` (optional) carries details such as the current `updatedAt`. */
export const errorBody = (message: string, data?: unknown) => ({
  errors: [data === undefined || data === null ? { message } : { message, data }],
})

/** An error answer as a fetch Response (Payload endpoints). */
export const errorResponse = (status: number, message: string, data?: unknown): Response =>
  Response.json(errorBody(message, data), { status })

/** The same for an express route. */
export const sendError = (res: ExpressResponse, status: number, message: string, data?: unknown): void => {
  res.status(status).json(errorBody(message, data))
}

/** An error to throw from a handler: the wrapper answers it with this status and message. */
export const refusal = (status: number, message: string, data?: Record<string, unknown>): APIError =>
  new APIError(message, status, data ?? null, true)

export type EndpointRole = 'staff' | 'editor'

/**
 * 401 for anonymous callers, 403 for users without the role. `action` completes "Sign in to …" and
 * "Only editors and admins can …" (default "do this").
 */
export function requireRole(req: PayloadRequest, role: EndpointRole, action = 'do this'): void {
  if (!req.user) throw refusal(401, `Sign in to ${action}.`)
  if (role === 'editor' && !hasEditorRole(req.user)) throw refusal(403, `Only editors and admins can ${action}.`)
  if (role === 'staff' && !hasStaffRole(req.user)) throw refusal(403, `Only staff can ${action}.`)
}

/** JSON and form bodies of custom endpoints: 1 MB unless the endpoint says otherwise. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

const mediaType = (req: PayloadRequest) =>
  (req.headers?.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase()

function checkLength(req: PayloadRequest, limit: number, length?: number): void {
  const declared = Number(req.headers?.get('content-length') ?? 0)
  if (declared > limit || (length ?? 0) > limit)
    throw refusal(413, `Request body too large: at most ${Math.max(1, Math.round(limit / 1024))} KB here.`)
}

const asObject = (value: unknown): Record<string, unknown> => {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw refusal(400, 'The request body must be a JSON object.')
  return value as Record<string, unknown>
}

async function bodyText(req: PayloadRequest): Promise<string | undefined> {
  if (typeof req.text !== 'function') return undefined
  try {
    return await req.text()
  } catch {
    throw refusal(400, 'The request body could not be read.')
  }
}

/**
 * The request body as an object: JSON, or a URL-encoded form (fields as strings). An empty body is
 * `{}`; malformed JSON or a body that is not an object is a 400, a body over `limit` bytes a 413.
 */
export async function readBody(req: PayloadRequest, limit = DEFAULT_BODY_LIMIT): Promise<Record<string, unknown>> {
  checkLength(req, limit)
  if (req.data !== undefined) return asObject(req.data)
  const text = await bodyText(req)
  if (text === undefined) {
    // A request made in-process (Local API) may carry only a json() function.
    if (typeof req.json !== 'function') return {}
    return asObject(await req.json().catch(() => Promise.reject(refusal(400, 'The request body must be JSON.'))))
  }
  checkLength(req, limit, Buffer.byteLength(text))
  if (mediaType(req) === 'application/x-www-form-urlencoded')
    return Object.fromEntries(new URLSearchParams(text).entries())
  if (!text.trim()) return {}
  try {
    return asObject(JSON.parse(text))
  } catch (err) {
    if (err instanceof APIError) throw err
    throw refusal(400, 'The request body must be JSON.')
  }
}

/** A multipart upload: `req.file` and the `_payload` JSON fields in `req.data`; unreadable → 400. */
export async function readUpload(req: PayloadRequest): Promise<void> {
  if (!mediaType(req).startsWith('multipart/')) throw refusal(400, 'Send the file as multipart/form-data.')
  try {
    await addDataAndFileToRequest(req)
  } catch (err) {
    if ((err as APIError).status === 413) throw err
    throw refusal(400, `Could not read the upload: ${(err as Error).message}`)
  }
}

/** How a thrown error is answered: its own status for APIErrors meant for the caller, else 500. */
export function answerError(req: PayloadRequest, err: unknown): Response {
  const e = err as Partial<APIError>
  const status = typeof e?.status === 'number' ? e.status : 500
  if (status >= 400 && status < 600 && (status < 500 || e.isPublic) && typeof e.message === 'string')
    return errorResponse(status, e.message, e.data)
  req.payload.logger.error({ err }, `endpoint ${req.method ?? ''} ${req.pathname ?? ''} failed`)
  return errorResponse(500, 'Something went wrong.')
}

export type EndpointSpec = Omit<Endpoint, 'handler'> & {
  /** Who may call it; checked before the handler runs. */
  role?: EndpointRole
  /** Completes the 401/403 messages: "Sign in to <action>." */
  action?: string
  handler: PayloadHandler
}

/** Wrap a handler: role guard first, and every thrown error answered in Payload's error shape. */
export const guard =
  (handler: PayloadHandler, role?: EndpointRole, action?: string): PayloadHandler =>
  async (req) => {
    try {
      if (role) requireRole(req, role, action)
      return await handler(req)
    } catch (err) {
      return answerError(req, err)
    }
  }

/** A Payload endpoint built with the kit. */
export const endpoint = ({ role, action, handler, ...rest }: EndpointSpec): Endpoint => ({
  ...rest,
  handler: guard(handler, role, action),
})
