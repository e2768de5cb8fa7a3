import type { Payload } from 'payload'

import { escapeHtml } from '../lib/html'
import { asSystem } from '../lib/system'
import type { Newsletter } from '../payload-types'
import { type TrackingMode, trackingMode, trackingSentence } from './mode'

/** What each newsletter tracks, as readers are told (sends copy it from their newsletter). */
export type NewsletterTracking = { name: string; mode: TrackingMode }

export async function newsletterTracking(payload: Payload): Promise<NewsletterTracking[]> {
  const res = await payload.find({
    collection: 'newsletters',
    pagination: false,
    sort: 'name',
    depth: 0,
    select: { name: true, tracking: true },
    ...asSystem('newsletter'),
  })
  return (res.docs as Array<Pick<Newsletter, 'name' | 'tracking'>>).map((n) => ({
    name: n.name,
    mode: trackingMode(n),
  }))
}

const trackingList = (list: NewsletterTracking[]) =>
  list.length === 1
    ? `<p>${escapeHtml(trackingSentence(list[0].mode))}</p>`
    : `<ul>${list.map((n) => `<li><strong>${escapeHtml(n.name)}</strong>: ${escapeHtml(trackingSentence(n.mode))}</li>`).join('')}</ul>`

/** The newsletter part of the privacy page. */
export const privacyBody = (list: NewsletterTracking[]) =>
  `${trackingList(list)}
<p>Opens fetched by mail providers' image proxies (Apple Mail Privacy Protection, Gmail) and clicks by link
scanners are counted apart and never attributed to a person. We store no IP address or browser details.
Every newsletter links to your preferences page, where you can turn tracking off for your address; your
links keep working and nothing is recorded for you.</p>`

/** The preferences page's tracking section: what applies, and the opt-out (or opt-in again) button. */
export function trackingSection(token: string, list: NewsletterTracking[], optedOut: boolean): string {
  const state = optedOut ? '<p>Tracking is off for your address.</p>' : trackingList(list)
  const button = optedOut ? 'Allow open and click counting' : 'Do not track my opens and clicks'
  return `<h2>Tracking</h2>${state}
<form method="post" action="/preferences/tracking?token=${encodeURIComponent(token)}"><input type="hidden" name="tracking" value="${optedOut ? 'on' : 'off'}">
<button type="submit">${button}</button></form>`
}
