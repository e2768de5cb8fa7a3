import { createHmac, timingSafeEqual } from 'node:crypto'

import { payloadSecret } from '../env'

/** What a signed link lets its holder do. A token for one purpose never works for another. */
export type TokenPurpose = 'confirm' | 'unsubscribe'

export type TokenClaims = {
  purpose: TokenPurpose
  subscriber: string
  email: string
  expires?: number
  /** The newsletter the message came from (unsubscribe tokens of messages): leaving it leaves only it. */
  newsletter?: string
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url')

const sign = (body: string) => createHmac('sha256', `newsletter:${payloadSecret()}`).update(body).digest('base64url')

/** The newsletter signature of `body` (base64url HMAC-SHA256), for other signed values (analytics). */
export const signBody = sign

/** Whether `signature` is the newsletter signature of `body` (constant time). */
export function checkSignature(body: string, signature: string): boolean {
  const expected = Buffer.from(sign(body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** `<base64url(json)>.<hmac>`: compact, URL-safe, bound to the subscriber id AND address. */
export function signToken(claims: TokenClaims): string {
  const fields = [claims.purpose, claims.subscriber, claims.email, claims.expires ?? 0]
  const body = b64(JSON.stringify(claims.newsletter === undefined ? fields : [...fields, claims.newsletter]))
  return `${body}.${sign(body)}`
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string }

export function verifyToken(token: unknown, purpose: TokenPurpose, now = Date.now()): TokenCheck {
  if (typeof token !== 'string' || token.length > 600) return { ok: false, reason: 'missing or malformed token' }
  const [body, sig, extra] = token.split('.')
  if (!body || !sig || extra !== undefined) return { ok: false, reason: 'malformed token' }
  if (!checkSignature(body, sig)) return { ok: false, reason: 'invalid signature' }
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed token' }
  }
  if (!Array.isArray(parsed) || parsed.length < 4 || parsed.length > 5) return { ok: false, reason: 'malformed token' }
  const [p, subscriber, email, expires, newsletter] = parsed as [string, string, string, number, string?]
  if (p !== purpose) return { ok: false, reason: 'this link is for something else' }
  if (expires && expires < now) return { ok: false, reason: 'this link has expired' }
  return {
    ok: true,
    claims: {
      purpose,
      subscriber: String(subscriber),
      email,
      expires,
      ...(newsletter === undefined ? {} : { newsletter: String(newsletter) }),
    },
  }
}

const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** A confirmation link, issued at `issuedAt` (its expiry is 7 days later), for some newsletters (ids). */
export const confirmToken = (
  subscriber: { id: string | number; email: string },
  issuedAt = Date.now(),
  newsletters: (string | number)[] = [],
) =>
  signToken({
    purpose: 'confirm',
    subscriber: String(subscriber.id),
    email: subscriber.email,
    expires: issuedAt + CONFIRM_TTL_MS,
    ...(newsletters.length ? { newsletter: newsletters.join(',') } : {}),
  })

/** When a confirmation token was issued (its signed expiry minus the 7 days). */
export const confirmIssuedAt = (claims: TokenClaims): number => (claims.expires ?? 0) - CONFIRM_TTL_MS

/**
 * Personal, non-expiring unsubscribe token (used by the footer link and List-Unsubscribe); in a
 * newsletter's message it names that newsletter.
 */
export const unsubscribeToken = (subscriber: { id: string | number; email: string; newsletter?: string | number }) =>
  signToken({
    purpose: 'unsubscribe',
    subscriber: String(subscriber.id),
    email: subscriber.email,
    ...(subscriber.newsletter === undefined ? {} : { newsletter: String(subscriber.newsletter) }),
  })

/** A stable, secret-derived hex digest (Message-IDs, MIME boundaries). */
export const digest = (value: string, length = 24) =>
  createHmac('sha256', `newsletter-id:${payloadSecret()}`).update(value).digest('hex').slice(0, length)
