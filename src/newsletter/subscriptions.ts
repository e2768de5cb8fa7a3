import type { Payload } from 'payload'

import { cleanName, looksLikeEmail, NAME_MAX_LENGTH, nameTooLong, normaliseEmail } from '../../collections/Subscribers'
import { escapeHtml } from '../lib/html'
import type { Subscriber } from '../payload-types'
import { loadNewsletterSettings } from './settings'
import { confirmIssuedAt, confirmToken, type TokenClaims, verifyToken, type TokenPurpose } from './tokens'
import { asSystem } from '../lib/system'

/** A confirmation mail is sent again to the same address at most this often. */
const RESEND_CONFIRMATION_MS = 10 * 60 * 1000

export type SubscribeResult = { ok: true } | { ok: false; status: number; message: string }

/**
 * Double opt-in. Every valid request gets the same answer whether the address is new, pending,
 * active or unsubscribed; only new/pending/unsubscribed addresses are (re)sent a confirmation link.
 */
export async function requestSubscription(
  payload: Payload,
  input: { email?: unknown; name?: unknown },
): Promise<SubscribeResult> {
  const email = typeof input.email === 'string' ? normaliseEmail(input.email) : ''
  if (!looksLikeEmail(email))
    return { ok: false, status: 400, message: 'Please enter a valid email address, e.g. reader@example.com.' }
  const name = typeof input.name === 'string' ? cleanName(input.name) : ''
  if (name.length > NAME_MAX_LENGTH) return { ok: false, status: 400, message: nameTooLong }
  const found = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: email } },
    limit: 1,
    ...asSystem('newsletter'),
  })
  let subscriber = found.docs[0] as Subscriber | undefined
  if (!subscriber) {
    try {
      subscriber = (await payload.create({
        collection: 'subscribers',
        data: { email, name: name || undefined, status: 'pending', source: 'form' },
        ...asSystem('newsletter'),
      })) as Subscriber
    } catch {
      // A concurrent request created it first (unique email): treat it as existing.
      const again = await payload.find({
        collection: 'subscribers',
        where: { email: { equals: email } },
        limit: 1,
        ...asSystem('newsletter'),
      })
      subscriber = again.docs[0] as Subscriber | undefined
      if (!subscriber) throw new Error('could not create subscriber')
    }
  }
  if (subscriber.status === 'active' || subscriber.status === 'bounced' || subscriber.status === 'complained')
    return { ok: true }
  const last = subscriber.confirmationSentAt ? Date.parse(subscriber.confirmationSentAt) : 0
  if (Date.now() - last < RESEND_CONFIRMATION_MS) return { ok: true }
  const sentAt = Date.now()
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: { confirmationSentAt: new Date(sentAt).toISOString() },
    ...asSystem('newsletter'),
  })
  await sendConfirmation(payload, subscriber, sentAt)
  return { ok: true }
}

export async function sendConfirmation(
  payload: Payload,
  subscriber: Pick<Subscriber, 'id' | 'email' | 'name'>,
  issuedAt = Date.now(),
): Promise<void> {
  const settings = await loadNewsletterSettings(payload)
  const token = confirmToken(subscriber, issuedAt)
  const link = `${settings.publicUrl}/subscribe/confirm?token=${encodeURIComponent(token)}`
  const hello = subscriber.name ? `Hello ${subscriber.name},` : 'Hello,'
  const text = `${hello}\n\nPlease confirm that you want to receive ${settings.publicationName} by opening this link:\n\n${link}\n\nIf you did not ask for this, ignore this message: you will not be subscribed.\n`
  const esc = escapeHtml
  const html = `<p>${esc(hello)}</p><p>Please confirm that you want to receive ${esc(settings.publicationName)}:</p><p><a href="${esc(link)}">Confirm my subscription</a></p><p>If you did not ask for this, ignore this message: you will not be subscribed.</p>`
  await payload.sendEmail({
    to: subscriber.email,
    from: { name: settings.fromName, address: settings.fromAddress },
    replyTo: settings.replyTo ?? undefined,
    subject: `Confirm your subscription to ${settings.publicationName}`,
    text,
    html,
  })
}

export type TokenAction =
  { ok: true; subscriber: Subscriber; claims?: TokenClaims } | { ok: false; status: number; message: string }

/** The subscriber a signed token designates: the signature, purpose, id AND address must all match. */
export async function subscriberForToken(
  payload: Payload,
  token: unknown,
  purpose: TokenPurpose,
): Promise<TokenAction> {
  const check = verifyToken(token, purpose)
  if (!check.ok) return { ok: false, status: 400, message: `This link is not valid (${check.reason}).` }
  const subscriber = (await payload
    .findByID({
      collection: 'subscribers',
      id: check.claims.subscriber,
      ...asSystem('newsletter'),
      disableErrors: true,
    })
    .catch(() => null)) as Subscriber | null
  if (!subscriber || subscriber.email !== check.claims.email)
    return { ok: false, status: 404, message: 'This link does not match any subscription.' }
  return { ok: true, subscriber, claims: check.claims }
}

const at = (date: string | null | undefined) => (date ? Date.parse(date) : 0)

/**
 * Double opt-in's second step. A confirmation link is single-use: it subscribes only if it was issued
 * after the address was last confirmed and last unsubscribed. A second click while still subscribed
 * changes nothing (`already`); after an unsubscribe an old link is refused (410) and the reader signs
 * up again, which mails a new link.
 */
export async function confirmSubscription(
  payload: Payload,
  token: unknown,
): Promise<TokenAction | { ok: true; subscriber: Subscriber; already: true }> {
  const found = await subscriberForToken(payload, token, 'confirm')
  if (!found.ok) return found
  const current = found.subscriber
  if (current.status === 'bounced' || current.status === 'complained') return found
  if (current.status === 'active') return { ok: true, subscriber: current, already: true }
  const issuedAt = confirmIssuedAt(found.claims!)
  if (issuedAt <= Math.max(at(current.confirmedAt), at(current.unsubscribedAt)))
    return {
      ok: false,
      status: 410,
      message:
        'This confirmation link is no longer valid: it was used already, or the address unsubscribed since. To subscribe again, please sign up again.',
    }
  const subscriber = (await payload.update({
    collection: 'subscribers',
    id: current.id,
    data: { status: 'active', confirmedAt: new Date().toISOString() },
    ...asSystem('newsletter'),
  })) as Subscriber
  return { ok: true, subscriber }
}

export async function setSubscription(
  payload: Payload,
  token: unknown,
  wanted: 'active' | 'unsubscribed',
): Promise<TokenAction> {
  const found = await subscriberForToken(payload, token, 'unsubscribe')
  if (!found.ok) return found
  const current = found.subscriber.status
  if (current === wanted) return found
  if (wanted === 'active' && current !== 'unsubscribed' && current !== 'pending') {
    return {
      ok: false,
      status: 409,
      message: 'This address cannot be resubscribed here (it bounced or reported spam); please contact us.',
    }
  }
  const subscriber = (await payload.update({
    collection: 'subscribers',
    id: found.subscriber.id,
    data: { status: wanted },
    ...asSystem('newsletter'),
  })) as Subscriber
  return { ok: true, subscriber }
}
