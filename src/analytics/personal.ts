import type { TokenValues } from '../newsletter/mime'
import { rewriteForTracking } from './links'
import { isTracked } from './mode'
import { messageToken } from './token'

type TrackedCampaign = { id: string | number; html?: string | null; tracking?: string | null }

/** The HTML a send composes: rewritten for tracking when its campaign is tracked, as stored otherwise. */
export const sendHtml = (campaign: TrackedCampaign, publicUrl: string): string =>
  isTracked(campaign) ? rewriteForTracking(campaign.html ?? '', publicUrl) : (campaign.html ?? '')

/**
 * The personal `{{track}}` value of one copy (one signature per message), or nothing when the send is
 * not tracked. A subscriber who opted out gets a token that still leads to every link but records nothing.
 */
export const trackingValues = (
  campaign: TrackedCampaign,
  recipient: { id: string | number; noTrack?: boolean | null },
  sentAt = Date.now(),
): TokenValues =>
  isTracked(campaign)
    ? {
        track: messageToken({
          campaign: String(campaign.id),
          subscriber: String(recipient.id),
          sentAt,
          optedOut: Boolean(recipient.noTrack),
        }),
      }
    : {}
