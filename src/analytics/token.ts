import { checkSignature, digest, signBody } from '../newsletter/tokens'

/**
 * A per-message tracking token: `<base64url([campaign, subscriber, sentAt seconds, optedOut])>.<sig>`,
 * signed like every newsletter token. The open pixel is `/o/<token>.gif`; link N of the message is
 * `/r/<token>.<N>` (N indexes the campaign's link list, 0 is the invisible canary). One signature per
 * message keeps personalising cheap; an index outside the message's links is refused like a bad token.
 */
export type MessageClaims = { campaign: string; subscriber: string; sentAt: number; optedOut: boolean }

const PURPOSE = 'track:'

export function messageToken(claims: MessageClaims): string {
  const body = Buffer.from(
    JSON.stringify([claims.campaign, claims.subscriber, Math.floor(claims.sentAt / 1000), claims.optedOut ? 1 : 0]),
  ).toString('base64url')
  return `${body}.${signBody(PURPOSE + body)}`
}

/** The claims of `<body>.<sig>`, or null when it is malformed or its signature does not match. */
export function readMessageToken(body: string | undefined, sig: string | undefined): MessageClaims | null {
  if (!body || !sig || body.length > 400 || sig.length > 100) return null
  if (!checkSignature(PURPOSE + body, sig)) return null
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown
    if (!Array.isArray(parsed) || parsed.length !== 4) return null
    const [campaign, subscriber, sentAt, optedOut] = parsed as [unknown, unknown, unknown, unknown]
    if (typeof sentAt !== 'number') return null
    return {
      campaign: String(campaign),
      subscriber: String(subscriber),
      sentAt: sentAt * 1000,
      optedOut: optedOut === 1,
    }
  } catch {
    return null
  }
}

/** `<token>.gif` → claims; anything else → null. */
export const readPixelToken = (file: string): MessageClaims | null => {
  const m = /^([\w-]+)\.([\w-]+)\.gif$/.exec(file)
  return m ? readMessageToken(m[1], m[2]) : null
}

/** `<token>.<index>` → claims and link index; anything else → null. */
export const readClickToken = (value: string): { claims: MessageClaims; index: number } | null => {
  const m = /^([\w-]+)\.([\w-]+)\.(\d{1,5})$/.exec(value)
  const claims = m ? readMessageToken(m[1], m[2]) : null
  return claims ? { claims, index: Number(m![3]) } : null
}

/** A keyed digest naming one message (campaign + subscriber) without naming the subscriber. */
export const messageKey = (campaign: string, subscriber: string) => digest(`engagement:${campaign}:${subscriber}`, 24)
