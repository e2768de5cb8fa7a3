import type { Payload } from 'payload'

import { escapeHtml } from '../lib/html'
import { asSystem } from '../lib/system'
import type { Campaign } from '../payload-types'
import { type TrackingMode, trackingMode, trackingSentence } from './mode'

/** The tracking readers are told about: that of the latest send (the mode is read from campaigns only). */
export async function currentTracking(payload: Payload): Promise<TrackingMode> {
  const res = await payload.find({
    collection: 'campaigns',
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    select: { tracking: true },
    ...asSystem('newsletter'),
  })
  return trackingMode(res.docs[0] as Pick<Campaign, 'tracking'> | undefined)
}

/** The newsletter part of the privacy page. */
export const privacyBody = (mode: TrackingMode) =>
  `<p>${escapeHtml(trackingSentence(mode))}</p>
<p>Opens fetched by mail providers' image proxies (Apple Mail Privacy Protection, Gmail) and clicks by link
scanners are counted apart and never attributed to a person. We store no IP address or browser details.
Every newsletter links to your preferences page, where you can turn tracking off for your address; your
links keep working and nothing is recorded for you.</p>`

/** The preferences page's tracking section: what applies, and the opt-out (or opt-in again) button. */
export function trackingSection(token: string, mode: TrackingMode, optedOut: boolean): string {
  const state = optedOut ? 'Tracking is off for your address.' : trackingSentence(mode)
  const button = optedOut ? 'Allow open and click counting' : 'Do not track my opens and clicks'
  return `<h2>Tracking</h2><p>${escapeHtml(state)}</p>
<form method="post" action="/preferences/tracking?token=${encodeURIComponent(token)}"><input type="hidden" name="tracking" value="${optedOut ? 'on' : 'off'}">
<button type="submit">${button}</button></form>`
}
