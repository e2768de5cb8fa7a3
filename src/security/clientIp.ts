import type { RequestHandler } from 'express'
import type { PayloadRequest } from 'payload'

/**
 * The express edge computes the client address (honouring TRUST_PROXY) and hands it to Payload in
 * this request header, overwriting whatever a client sent under the same name.
 */
export const CLIENT_IP_HEADER = 'x-briefing-client-ip'

export const stampClientIp: RequestHandler = (req, _res, next) => {
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
  next()
}

/** The address the edge stamped, or 'unknown' (a request that did not come through the express edge). */
export const clientIpOf = (req: Pick<PayloadRequest, 'headers'>): string =>
  req.headers?.get?.(CLIENT_IP_HEADER) ?? 'unknown'
