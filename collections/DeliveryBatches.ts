import type { CollectionConfig } from 'payload'

import { isEditor } from '../src/access'

export const BATCH_STATES = ['pending', 'sending', 'sent', 'failed'] as const
export type BatchState = (typeof BATCH_STATES)[number]

const nobody = () => false

/**
 * The send ledger: the frozen audience of a campaign in small batches (a few recipients each).
 * A batch moves `pending → sending → sent | failed` only by atomic compare-and-set; the recipients
 * (with their persisted Message-IDs and outcomes) live in `recipients`.
 */
export const DeliveryBatches: CollectionConfig = {
  slug: 'delivery-batches',
  labels: { singular: 'Delivery batch', plural: 'Delivery batches' },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'state', 'attempts', 'sentAt'],
    group: 'Newsletter',
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
  },
  access: { read: isEditor, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', required: true, index: true },
    { name: 'position', type: 'number', required: true, index: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: BATCH_STATES.map((value) => ({ label: value, value })),
    },
    { name: 'recipients', type: 'json', required: true },
    { name: 'claimedBy', type: 'text' },
    { name: 'leaseUntil', type: 'date' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'sentAt', type: 'date' },
  ],
}
