import type { CollectionConfig } from 'payload'

import { isAdmin, isEditor } from '../src/access'

export const ENGAGEMENT_KINDS = ['open', 'click', 'bounce', 'soft-bounce', 'complaint'] as const
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number]

const nobody = () => false

/**
 * What happened to sent newsletters: opens and clicks (only for tracked sends, written in batches by
 * src/analytics/events.ts) and bounces and complaints (from inbound DSN and ARF reports). `message` is a
 * keyed digest of campaign + subscriber (unique counts); `subscriber` is kept only when the send's
 * tracking is `individual`, and for bounces and complaints (they act on the address).
 */
export const EngagementEvents: CollectionConfig = {
  slug: 'engagement-events',
  labels: { singular: 'Engagement event', plural: 'Engagement events' },
  admin: {
    group: 'Newsletter',
    hidden: true,
    defaultColumns: ['kind', 'campaign', 'link', 'machine', 'at'],
  },
  access: { read: isEditor, create: nobody, update: nobody, delete: isAdmin },
  timestamps: false,
  fields: [
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: [...ENGAGEMENT_KINDS], index: true },
    { name: 'message', type: 'text', index: true },
    { name: 'subscriber', type: 'relationship', relationTo: 'subscribers', index: true },
    { name: 'link', type: 'number', admin: { description: 'Link index in the message (0: the invisible canary).' } },
    { name: 'machine', type: 'checkbox', defaultValue: false },
    { name: 'sentAt', type: 'date' },
    { name: 'at', type: 'date', required: true, index: true },
    { name: 'detail', type: 'text' },
  ],
}
