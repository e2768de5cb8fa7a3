import type { CollectionConfig } from 'payload'

import { isEditor } from '../src/access'

export const SUBSCRIBER_STATUSES = ['pending', 'active', 'unsubscribed', 'bounced', 'complained'] as const

/** Lower-cased, trimmed, and shaped like name@domain.tld. */
export const normaliseEmail = (value: string): string => value.trim().toLowerCase()
export const looksLikeEmail = (value: string): boolean =>
  value.length <= 254 && /^[^\s@"<>(),;:\\[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i.test(value)

export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: 'Subscriber', plural: 'Subscribers' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'status', 'createdAt'],
    listSearchableFields: ['email', 'name'],
    description: 'Newsletter readers. Only editors and admins can see this list.',
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  timestamps: true,
  fields: [
    {
      name: 'email',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? normaliseEmail(value) : value)] },
      validate: (value: unknown) =>
        typeof value === 'string' && looksLikeEmail(value) ? true : 'Enter a valid email address, e.g. reader@example.com',
    },
    { name: 'name', type: 'text' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: SUBSCRIBER_STATUSES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
    },
    { name: 'confirmedAt', type: 'date', admin: { position: 'sidebar', readOnly: true } },
    { name: 'unsubscribedAt', type: 'date', admin: { position: 'sidebar', readOnly: true } },
  ],
}
