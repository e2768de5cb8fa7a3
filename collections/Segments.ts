import type { CollectionConfig } from 'payload'

import { isAdmin, isEditor } from '../src/access'
import { slugField } from '../src/lib/slug'

export const TAG_RULES = ['any', 'all', 'none'] as const
export type TagRule = (typeof TAG_RULES)[number]

/** A saved part of one newsletter's audience: tag rules and a sign-up date range. */
export const Segments: CollectionConfig = {
  slug: 'segments',
  labels: { singular: 'Segment', plural: 'Segments' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'newsletter', 'tagRule', 'tags'],
    group: 'Newsletter',
    description: 'Send an issue to part of a newsletter: members with (any, all or none of) some tags.',
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isAdmin },
  timestamps: true,
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 200 },
    slugField('name'),
    { name: 'newsletter', type: 'relationship', relationTo: 'newsletters', required: true },
    {
      name: 'tagRule',
      type: 'select',
      required: true,
      defaultValue: 'any',
      options: [
        { label: 'Any of the tags', value: 'any' },
        { label: 'All of the tags', value: 'all' },
        { label: 'None of the tags', value: 'none' },
      ],
    },
    { name: 'tags', type: 'text', hasMany: true, admin: { description: 'Empty: every member.' } },
    {
      type: 'row',
      fields: [
        { name: 'signedUpFrom', type: 'date', admin: { description: 'Signed up on or after.' } },
        { name: 'signedUpUntil', type: 'date', admin: { description: 'Signed up before.' } },
      ],
    },
  ],
}
