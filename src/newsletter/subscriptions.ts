import type { Payload } from 'payload'

import { cleanName, looksLikeEmail, NAME_MAX_LENGTH, nameTooLong, normaliseEmail } from '../../collections/Subscribers'
import { escapeHtml } from '../lib/html'
import { OWN_SUBSCRIPTIONS } from '../../collections/hooks/subscriptionStatus'
import type { Newsletter, Subscriber } from '../payload-types'
import { choicesFor, membershipsOf, namedNewsletters, setMembership } from './memberships'
import { loadNewsletterSettings } from './settings'
import { confirmIssuedAt, confirmToken, type TokenClaims, verifyToken, type TokenPurpose } from './tokens'
import { asSystem } from '../lib/system'

/** A confirmation mail is sent again to the same address at most this often. */
const RESEND_CONFIRMATION_MS = 10 * 60 * 1000

const blocked = {
  ok: false,
  status: 409,
  message: 'This address cannot be resubscribed here (it bounced or reported spam); please contact us.',
} as const

export type SubscribeResult = { ok: true } | { ok: false; status: number; message: string }

/**
 * Double opt-in. Every valid request gets the same answer whether the address is new, pending,
 * active or unsubscribed; only new/pending/unsubscribed addresses are (re)sent a confirmation link.
 */
export async function requestSubscription(
  payload: Payload,
  input: { email?: unknown; name?: unknown; newsletter?: unknown },
): Promise<SubscribeResult> {
  const email = typeof input.email === 'string' ? normaliseEmail(input.email) : ''
  if (!looksLikeEmail(email))
    return { ok: false, status: 400, message: 'Please enter a valid email address, e.g. reader@example.com.' }
  const name = typeof input.name === 'string' ? cleanName(input.name) : ''
  if (name.length > NAME_MAX_LENGTH) return { ok: false, status: 400, message: nameTooLong }
  const newsletters = await namedNewsletters(payload, input.newsletter)
  if ('error' in newsletters) return { ok: false, status: 400, message: newsletters.error }
  const subscriber = await findOrCreateSubscriber(payload, email, name)
  if (subscriber.status === 'bounced' || subscriber.status === 'complained') return { ok: true }
  const memberships = await membershipsOf(payload, subscriber.id)
  const toConfirm: Newsletter[] = []
  for (const newsletter of newsletters) {
    const current = memberships.get(String(newsletter.id))
    if (current?.status === 'active') continue
    if (newsletter.doubleOptIn === false) {
      await setMembership(payload, subscriber.id, newsletter.id, 'active', current)
      continue
    }
    if (!current) await setMembership(payload, subscriber.id, newsletter.id, 'pending')
    toConfirm.push(newsletter)
  }
  if (!toConfirm.length) return { ok: true }
  const last = subscriber.confirmationSentAt ? Date.parse(subscriber.confirmationSentAt) : 0
  if (Date.now() - last < RESEND_CONFIRMATION_MS) return { ok: true }
  const sentAt = Date.now()
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: { confirmationSentAt: new Date(sentAt).toISOString() },
    ...asSystem('newsletter'),
  })
  await sendConfirmation(payload, subscriber, sentAt, toConfirm)
  return { ok: true }
}

async function findOrCreateSubscriber(payload: Payload, email: string, name: string): Promise<Subscriber> {
  const byEmail = async () =>
    (
      await payload.find({
        collection: 'subscribers',
        where: { email: { equals: email } },
        limit: 1,
        ...asSystem('newsletter'),
      })
    ).docs[0] as Subscriber | undefined
  const found = await byEmail()
  if (found) return found
  try {
    return (await payload.create({
      collection: 'subscribers',
      data: { email, name: name || undefined, status: 'pending', source: 'form' },
      // The form's newsletters are subscribed below, not the defaults.
      context: { [OWN_SUBSCRIPTIONS]: true },
      ...asSystem('newsletter'),
    })) as Subscriber
  } catch {
    // A concurrent request created it first (unique email): treat it as existing.
    const again = await byEmail()
    if (!again) throw new Error('could not create subscriber')
    return again
  }
}

export async function sendConfirmation(
  payload: Payload,
  subscriber: Pick<Subscriber, 'id' | 'email' | 'name'>,
  issuedAt = Date.now(),
  newsletters: Pick<Newsletter, 'id' | 'name'>[] = [],
): Promise<void> {
  const base = await loadNewsletterSettings(payload)
  const names = newsletters.map((n) => n.name).join(', ')
  const settings = { ...base, publicationName: names || base.publicationName }
  const token = confirmToken(
    subscriber,
    issuedAt,
    newsletters.map((n) => n.id),
  )
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
  const memberships = await membershipsOf(payload, current.id)
  // Links from before newsletters name none: they confirm whatever the address was waiting for.
  const named = found.claims?.newsletter?.split(',')
  const ids = named ?? [...memberships.values()].filter((m) => m.status !== 'active').map((m) => m.newsletter)
  const wanted = ids.map(String).filter((id) => memberships.get(id)?.status !== 'active')
  if (!wanted.length && (named || current.status === 'active')) return { ok: true, subscriber: current, already: true }
  const issuedAt = confirmIssuedAt(found.claims!)
  const left = Math.max(...wanted.map((id) => at(memberships.get(id)?.unsubscribedAt)), 0)
  if (issuedAt <= Math.max(at(current.confirmedAt), at(current.unsubscribedAt), left))
    return {
      ok: false,
      status: 410,
      message:
        'This confirmation link is no longer valid: it was used already, or the address unsubscribed since. To subscribe again, please sign up again.',
    }
  if (!named) {
    const subscriber = (await payload.update({
      collection: 'subscribers',
      id: current.id,
      data: { status: 'active', confirmedAt: new Date().toISOString() },
      ...asSystem('newsletter'),
    })) as Subscriber
    return { ok: true, subscriber }
  }
  for (const id of wanted) await setMembership(payload, current.id, id, 'active', memberships.get(id))
  return { ok: true, subscriber: await reload(payload, current.id) }
}

const reload = async (payload: Payload, id: Subscriber['id']) =>
  (await payload.findByID({ collection: 'subscribers', id, depth: 0, ...asSystem('newsletter') })) as Subscriber

/**
 * Unsubscribe or subscribe again by a message's token. A token from a newsletter's message leaves
 * that newsletter only, unless `everything` is asked; older tokens (and `everything`) apply to all.
 */
export async function setSubscription(
  payload: Payload,
  token: unknown,
  wanted: 'active' | 'unsubscribed',
  options: { everything?: boolean } = {},
): Promise<TokenAction> {
  const found = await subscriberForToken(payload, token, 'unsubscribe')
  if (!found.ok) return found
  const newsletter = found.claims?.newsletter
  if (wanted === 'unsubscribed' && newsletter && !options.everything) {
    const current = (await membershipsOf(payload, found.subscriber.id)).get(newsletter)
    if (current) await setMembership(payload, found.subscriber.id, newsletter, 'unsubscribed', current)
    return { ...found, subscriber: await reload(payload, found.subscriber.id) }
  }
  const current = found.subscriber.status
  if (current === wanted) return found
  if (wanted === 'active' && current !== 'unsubscribed' && current !== 'pending') {
    return blocked
  }
  const subscriber = (await payload.update({
    collection: 'subscribers',
    id: found.subscriber.id,
    data: { status: wanted },
    ...asSystem('newsletter'),
  })) as Subscriber
  return { ok: true, subscriber }
}

/**
 * The preferences form: be in exactly the ticked newsletters. The token proves the mailbox, so ticking
 * one joins it at once; a bounced or complained address is refused.
 */
export async function choosePreferences(payload: Payload, token: unknown, ticked: unknown): Promise<TokenAction> {
  const found = await subscriberForToken(payload, token, 'unsubscribe')
  if (!found.ok) return found
  const { subscriber } = found
  const slugs = new Set((Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]).map(String))
  const choices = await choicesFor(payload, subscriber.id)
  const unknown = [...slugs].find((slug) => !choices.some((c) => c.slug === slug))
  if (unknown) return { ok: false, status: 400, message: `There is no newsletter called "${unknown.slice(0, 80)}".` }
  const joins = choices.some((c) => slugs.has(c.slug) && c.status !== 'active')
  if (joins && (subscriber.status === 'bounced' || subscriber.status === 'complained')) return blocked
  for (const c of choices) {
    if (slugs.has(c.slug)) await setMembership(payload, subscriber.id, c.id, 'active', c.membership)
    else if (c.membership) await setMembership(payload, subscriber.id, c.id, 'unsubscribed', c.membership)
  }
  return { ok: true, subscriber: await reload(payload, subscriber.id) }
}
