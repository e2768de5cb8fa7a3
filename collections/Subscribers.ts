import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { isAdmin, isEditor } from '../src/access'
import { applyAddressStatus, deleteOwnSubscriptions } from './hooks/subscriptionStatus'

export const SUBSCRIBER_STATUSES = ['pending', 'active', 'unsubscribed', 'bounced', 'complained'] as const
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number]
export const SUBSCRIBER_SOURCES = ['form', 'import', 'admin'] as const

/** Lower-cased, trimmed, and shaped like name@domain.tld. */
export const normaliseEmail = (value: string): string => value.trim().toLowerCase()
export const looksLikeEmail = (value: string): boolean =>
  value.length <= 254 &&
  /^[^\s@"<>(),;:\\[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i.test(value)

/** Longest subscriber name accepted (form, REST, admin, CSV import). */
export const NAME_MAX_LENGTH = 200
/** C0/C1 controls (line breaks included), Unicode line/paragraph separators, bidirectional overrides. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu
/** A name is one line of plain text: control characters become spaces, runs of spaces one, trimmed. */
export const cleanName = (value: string): string => value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim()
export const nameTooLong = `Names can be at most ${NAME_MAX_LENGTH} characters long.`

/** Stamp the moment a subscriber's status changes (confirmed, unsubscribed, bounced). */
const stampStatusChange: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const status = data.status as SubscriberStatus | undefined
  if (!status || status === originalDoc?.status) return data
  const now = new Date().toISOString()
  if (status === 'active' && !data.confirmedAt) data.confirmedAt = now
  if (status === 'unsubscribed') data.unsubscribedAt = now
  if (status === 'bounced' && !data.bouncedAt) data.bouncedAt = now
  return data
}

export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: 'Subscriber', plural: 'Subscribers' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'status', 'source', 'createdAt'],
    listSearchableFields: ['email', 'name'],
    description: 'Newsletter readers. Only editors and admins can see this list.',
    group: 'Newsletter',
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isAdmin },
  timestamps: true,
  hooks: {
    beforeChange: [stampStatusChange],
    afterChange: [applyAddressStatus],
    beforeDelete: [deleteOwnSubscriptions],
  },
  fields: [
    {
      name: 'email',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? normaliseEmail(value) : value)] },
      validate: (value: unknown) =>
        typeof value === 'string' && looksLikeEmail(value)
          ? true
          : 'Enter a valid email address, e.g. reader@example.com',
    },
    {
      name: 'name',
      type: 'text',
      maxLength: NAME_MAX_LENGTH,
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? cleanName(value) : value)] },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: SUBSCRIBER_STATUSES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      index: true,
      admin: { description: 'Free labels for segments, e.g. press, vip.' },
      hooks: {
        beforeValidate: [
          ({ value }) =>
            Array.isArray(value)
              ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t)).filter(Boolean))]
              : value,
        ],
      },
    },
    {
      name: 'source',
      type: 'select',
      defaultValue: 'admin',
      options: SUBSCRIBER_SOURCES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
      admin: { position: 'sidebar' },
    },
    { name: 'confirmedAt', type: 'date', index: true, admin: { position: 'sidebar', readOnly: true } },
    { name: 'unsubscribedAt', type: 'date', admin: { position: 'sidebar', readOnly: true } },
    { name: 'bouncedAt', type: 'date', admin: { position: 'sidebar', readOnly: true } },
    { name: 'bounceReason', type: 'text', admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'trackingOptOut',
      type: 'checkbox',
      defaultValue: false,
      label: 'No open and click tracking',
      admin: { position: 'sidebar', description: 'Newsletters to this reader record no opens or clicks.' },
    },
    { name: 'confirmationSentAt', type: 'date', admin: { position: 'sidebar', readOnly: true } },
  ],
}
