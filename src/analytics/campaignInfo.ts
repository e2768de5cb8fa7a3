import type { Payload } from 'payload'

import { asSystem } from '../lib/system'
import type { Campaign } from '../payload-types'
import { type TrackedLink, trackedLinks } from './links'
import { type TrackingMode, trackingMode } from './mode'

export type CampaignInfo = { id: Campaign['id']; mode: TrackingMode; links: TrackedLink[]; startedAt: string | null }

const cache = new Map<string, { info: CampaignInfo | null; until: number }>()
const TTL_MS = 60_000
const MAX = 200

/** A send's tracking mode and link list (from its stored HTML), cached for a minute; null when unknown. */
export async function campaignInfo(payload: Payload, id: string): Promise<CampaignInfo | null> {
  const hit = cache.get(id)
  if (hit && hit.until > Date.now()) return hit.info
  let info: CampaignInfo | null = null
  try {
    const campaign = (await payload.findByID({
      collection: 'campaigns',
      id,
      depth: 0,
      disableErrors: true,
      ...asSystem('newsletter'),
    })) as Campaign | null
    if (campaign)
      info = {
        id: campaign.id,
        mode: trackingMode(campaign),
        links: trackedLinks(campaign.html ?? ''),
        startedAt: campaign.startedAt ?? null,
      }
  } catch {
    info = null
  }
  if (cache.size >= MAX) cache.delete(cache.keys().next().value!)
  cache.set(id, { info, until: Date.now() + TTL_MS })
  return info
}

export const forgetCampaignInfo = () => cache.clear()
