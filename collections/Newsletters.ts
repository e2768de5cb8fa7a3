import type { CollectionConfig } from 'payload'

import { isAdmin, isEditor } from '../src/access'
import { slugField } from '../src/lib/slug'

export const TRACKING_CHOICES = ['off', 'aggregate', 'individual'] as const
export type Tracking = (typeof TRACKING_CHOICES)[number]

/**
 * One audience with its own sender, footer and subscriptions. The single list of earlier versions is
 * the first newsletter (src/newsletter/newsletters.ts upgrades it). Empty sender fields fall back to
 * the Settings global.
 */
export const Newsletters: CollectionConfig = {
  slug: 'newsletters',
  labels: { singular: 'Newsletter', plural: 'Newsletters' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'publication', 'doubleOptIn', 'defaultForSignups', 'tracking'],
    group: 'Newsletter',
    description: 'Audiences: each newsletter has its own subscribers, sender and footer.',
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isAdmin },
  timestamps: true,
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 200 },
    slugField('name'),
    {
      name: 'publication',
      type: 'relationship',
      relationTo: 'publications',
      index: true,
      admin: { description: 'The publication whose issues this newsletter sends by default.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'senderName', type: 'text', maxLength: 200, admin: { description: 'Empty: the Settings sender.' } },
        { name: 'senderEmail', type: 'email', admin: { description: 'Empty: the Settings address.' } },
        { name: 'replyTo', type: 'email', admin: { description: 'Empty: the Settings reply-to.' } },
      ],
    },
    { name: 'footer', type: 'textarea', admin: { description: 'Empty: the Settings footer.' } },
    {
      name: 'doubleOptIn',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: 'New sign-ups confirm by email before they receive anything.' },
    },
    {
      name: 'defaultForSignups',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { description: 'Offered (and ticked) on the subscribe form when the form names no newsletter.' },
    },
    {
      name: 'tracking',
      type: 'select',
      required: true,
      defaultValue: 'off',
      options: [
        { label: 'Off', value: 'off' },
        { label: 'Aggregate (counts only)', value: 'aggregate' },
        { label: 'Individual', value: 'individual' },
      ],
    },
  ],
}
