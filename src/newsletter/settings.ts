import type { Payload } from 'payload'

import { mailFrom, publicUrl as envPublicUrl } from '../env'
import type { Recipient } from './mime'
import { unsubscribeToken } from './tokens'
import { asSystem } from '../lib/system'

export type NewsletterSettings = {
  publicationName: string
  fromName: string
  fromAddress: string
  replyTo: string | null
  publicUrl: string
  footer: string
  /** List-Id header value, e.g. `Briefing <briefing.example.com>`. */
  listId: string
  /** Address for mailto: unsubscribe requests. */
  unsubscribeMailbox: string
}

/**
 * An absolute http(s) URL as the URL parser serialises it (no trailing slash), or null. Serialised, it
 * holds no whitespace or control characters, so links built on it are safe in email headers.
 */
const serialisedUrl = (value: string | null | undefined): string | null => {
  if (!value) return null
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) ? url.href.replace(/\/$/, '') : null
  } catch {
    return null
  }
}

/** Sender identity and links, from the `settings` global (PUBLIC_URL unless overridden there). */
export async function loadNewsletterSettings(payload: Payload): Promise<NewsletterSettings> {
  const s = await payload.findGlobal({ slug: 'settings', ...asSystem('newsletter'), depth: 0 })
  const fromAddress = s.senderEmail || mailFrom()
  const domain = fromAddress.split('@')[1] ?? 'example.com'
  const publicationName = s.publicationName || 'Briefing'
  const listName =
    publicationName
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'briefing'
  return {
    publicationName,
    fromName: s.senderName || publicationName,
    fromAddress,
    replyTo: s.replyTo || null,
    publicUrl: serialisedUrl(s.publicUrl) ?? serialisedUrl(envPublicUrl()) ?? 'http://localhost:3000',
    footer: s.footer || '',
    listId: `${publicationName.replace(/[<>"]/g, '')} <${listName}.${domain}>`,
    unsubscribeMailbox: new URL(`mailto:unsubscribe@${domain}`).pathname,
  }
}

export const unsubscribeUrl = (settings: NewsletterSettings, token: string) =>
  `${settings.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`
export const preferencesUrl = (settings: NewsletterSettings, token: string) =>
  `${settings.publicUrl}/preferences?token=${encodeURIComponent(token)}`
export const unsubscribeMailto = (settings: NewsletterSettings, token: string) =>
  `mailto:${settings.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`

/** Everything personal in one subscriber's copy: headers, and links carrying their signed token. */
export function recipientFor(
  settings: NewsletterSettings,
  subscriber: { id: string | number; email: string; name?: string | null },
  messageId: string,
): Recipient {
  const token = unsubscribeToken(subscriber)
  const unsubscribe = unsubscribeUrl(settings, token)
  return {
    email: subscriber.email,
    name: subscriber.name,
    messageId,
    unsubscribeUrl: unsubscribe,
    unsubscribeMailto: unsubscribeMailto(settings, token),
    values: {
      unsubscribe_url: unsubscribe,
      preferences_url: preferencesUrl(settings, token),
      email: subscriber.email,
      name: subscriber.name ?? '',
    },
  }
}
