import type { Payload } from 'payload'

import { mailFrom, publicUrl as envPublicUrl } from '../env'
import type { Newsletter } from '../payload-types'
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
  /** The newsletter being sent: its unsubscribe links leave that newsletter only. */
  newsletter?: number | string
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

/** A newsletter's sender, reply-to, footer and List-Id over the Settings (which fill what it leaves empty). */
export async function settingsForNewsletter(
  payload: Payload,
  newsletter: Pick<Newsletter, 'id' | 'name' | 'slug' | 'senderName' | 'senderEmail' | 'replyTo' | 'footer'>,
): Promise<NewsletterSettings> {
  const base = await loadNewsletterSettings(payload)
  const fromAddress = newsletter.senderEmail || base.fromAddress
  const domain = fromAddress.split('@')[1] ?? 'example.com'
  return {
    ...base,
    fromName: newsletter.senderName || base.fromName,
    fromAddress,
    replyTo: newsletter.replyTo || base.replyTo,
    footer: newsletter.footer || base.footer,
    listId: `${newsletter.name.replace(/[<>"\p{Cc}]/gu, '')} <${(newsletter.slug ?? '').replace(/[^a-z0-9-]/gi, '') || 'newsletter'}.${domain}>`,
    newsletter: newsletter.id,
  }
}

/** The settings a campaign sends with: its newsletter's (campaigns from before newsletters: the Settings). */
export async function settingsForCampaign(payload: Payload, campaign: { newsletter?: unknown }) {
  const ref = campaign.newsletter
  const id = ref && typeof ref === 'object' ? (ref as Newsletter).id : (ref as number | undefined)
  const newsletter =
    id === undefined || id === null
      ? null
      : ((await payload.findByID({
          collection: 'newsletters',
          id,
          depth: 0,
          disableErrors: true,
          ...asSystem('newsletter'),
        })) as Newsletter | null)
  return newsletter ? settingsForNewsletter(payload, newsletter) : loadNewsletterSettings(payload)
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
  const token = unsubscribeToken({ ...subscriber, newsletter: settings.newsletter })
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
