import type { CollectionConfig } from 'payload'

import { isAdmin, isEditor } from '../src/access'
import { TRACKING_MODES } from '../src/analytics/mode'

export const CAMPAIGN_STATUSES = ['preparing', 'sending', 'paused', 'completed'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

const nobody = () => false

/**
 * One newsletter send of one issue (or one translation) to one newsletter (or a segment of it). The email is rendered once when the campaign starts (html and
 * text with personalisation tokens); the audience is frozen into `delivery-batches`.
 * Campaigns are created and changed only through the newsletter endpoints and CLI.
 */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: { singular: 'Campaign', plural: 'Campaigns' },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'newsletter', 'segment', 'status', 'format', 'total', 'sent', 'failed', 'startedAt'],
    group: 'Newsletter',
    description:
      'Newsletter sends. Start one from an issue or a translation (Newsletter panel) or with `briefing newsletter send`.',
  },
  access: { read: isEditor, create: nobody, update: nobody, delete: isAdmin },
  timestamps: true,
  fields: [
    /** What is sent: an issue, or a single translation. */
    { name: 'issue', type: 'relationship', relationTo: 'issues', index: true },
    { name: 'translation', type: 'relationship', relationTo: 'translations', index: true },
    { name: 'newsletter', type: 'relationship', relationTo: 'newsletters', index: true },
    { name: 'segment', type: 'relationship', relationTo: 'segments' },
    /** `<issue>:<newsletter>:<segment or all>`: one campaign per issue and audience. */
    { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true } },
    { name: 'subject', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'preparing',
      index: true,
      options: CAMPAIGN_STATUSES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
    },
    { name: 'format', type: 'select', options: ['full', 'digest'], admin: { readOnly: true } },
    {
      name: 'tracking',
      type: 'select',
      defaultValue: 'off',
      options: [...TRACKING_MODES],
      admin: {
        readOnly: true,
        description: 'Open and click tracking, copied from the newsletter when the send started.',
      },
    },
    { name: 'htmlBytes', type: 'number', admin: { readOnly: true, description: 'Size of the HTML part in bytes.' } },
    {
      type: 'row',
      fields: [
        { name: 'total', type: 'number', defaultValue: 0 },
        { name: 'sent', type: 'number', defaultValue: 0 },
        { name: 'failed', type: 'number', defaultValue: 0 },
        { name: 'skipped', type: 'number', defaultValue: 0 },
      ],
    },
    {
      name: 'batchSize',
      type: 'number',
      admin: { description: 'Recipients per ledger batch (default 100).' },
    },
    {
      name: 'errorThreshold',
      type: 'number',
      defaultValue: 10,
      admin: { description: 'Pause the campaign once this many recipients have failed.' },
    },
    { name: 'pausedReason', type: 'text' },
    {
      name: 'overrideReason',
      type: 'text',
      admin: { readOnly: true, description: 'The reason an editor gave to send despite blocking problems.' },
    },
    { name: 'claimedBy', type: 'text', admin: { hidden: true } },
    { name: 'leaseUntil', type: 'date', admin: { hidden: true } },
    { name: 'startedBy', type: 'relationship', relationTo: 'users' },
    { name: 'startedAt', type: 'date' },
    { name: 'completedAt', type: 'date' },
    { name: 'html', type: 'code', admin: { hidden: true } },
    { name: 'text', type: 'code', admin: { hidden: true } },
  ],
}
