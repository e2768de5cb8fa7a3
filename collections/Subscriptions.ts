import type { CollectionConfig } from 'payload'

import { isAdmin, isEditor } from '../src/access'
import { stampSubscriptionChange, syncAddressStatus } from './hooks/subscriptionStatus'

export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'unsubscribed'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/**
 * One subscriber's membership of one newsletter. A row per pair (not an array on the subscriber) so
 * that a send selects its recipients through the (newsletter, status) index without reading every
 * subscriber. Bounced and complained stay on the subscriber: they are about the address.
 */
export const Subscriptions: CollectionConfig = {
  slug: 'subscriptions',
  labels: { singular: 'Subscription', plural: 'Subscriptions' },
  admin: {
    defaultColumns: ['subscriber', 'newsletter', 'status', 'createdAt'],
    group: 'Newsletter',
    description: 'Who receives which newsletter.',
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isAdmin },
  timestamps: true,
  indexes: [{ fields: ['newsletter', 'status'] }, { fields: ['subscriber', 'newsletter'], unique: true }],
  hooks: { beforeChange: [stampSubscriptionChange], afterChange: [syncAddressStatus] },
  fields: [
    { name: 'subscriber', type: 'relationship', relationTo: 'subscribers', required: true, index: true },
    { name: 'newsletter', type: 'relationship', relationTo: 'newsletters', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: SUBSCRIPTION_STATUSES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
    },
    { name: 'confirmedAt', type: 'date', admin: { readOnly: true } },
    { name: 'unsubscribedAt', type: 'date', admin: { readOnly: true } },
  ],
}
