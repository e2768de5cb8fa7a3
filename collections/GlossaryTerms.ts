import type { CollectionConfig } from 'payload'

import { hasEditorRole, isEditor, isStaff, publicOrStaff } from '../src/access'
import { slugField } from '../src/lib/slug'
import { publicField, reviewedTermIsPublic } from './hooks/publicReferences'

export const GlossaryTerms: CollectionConfig = {
  slug: 'glossary-terms',
  labels: { singular: 'Glossary term', plural: 'Glossary' },
  admin: {
    useAsTitle: 'english',
    defaultColumns: ['english', 'original', 'pinyin', 'kind', 'status'],
    listSearchableFields: ['english', 'original', 'pinyin', 'aliases'],
    description: 'Chinese terms and names with their agreed English rendering.',
  },
  access: { read: publicOrStaff, create: isStaff, update: isEditor, delete: isEditor },
  hooks: {
    beforeChange: [
      ({ req, data, operation }) => {
        // Contributors may propose terms; only editors mark them reviewed.
        if (operation === 'create' && !hasEditorRole(req.user) && req.user) data.status = 'unreviewed'
        return data
      },
      reviewedTermIsPublic,
    ],
  },
  fields: [
    { name: 'english', type: 'text', required: true, maxLength: 200, label: 'English rendering' },
    {
      name: 'original',
      type: 'text',
      required: true,
      maxLength: 200,
      index: true,
      label: 'Original (汉字)',
      validate: (value: unknown) =>
        typeof value !== 'string' || !/[\u3400-\u9fff]/.test(value)
          ? 'The original must contain Chinese characters, e.g. 动态清零'
          : value.length > 200
            ? 'The original must be at most 200 characters long'
            : true,
    },
    { name: 'pinyin', type: 'text', maxLength: 200 },
    slugField('english'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'term',
      options: ['term', 'person', 'organization', 'publication', 'place'].map((value) => ({
        label: value[0].toUpperCase() + value.slice(1),
        value,
      })),
    },
    { name: 'definition', type: 'textarea' },
    {
      name: 'aliases',
      type: 'text',
      hasMany: true,
      maxLength: 200,
      admin: { description: 'Other English renderings seen for the same original.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'unreviewed',
      options: [
        { label: 'Reviewed', value: 'reviewed' },
        { label: 'Unreviewed', value: 'unreviewed' },
      ],
      admin: { position: 'sidebar' },
    },
    publicField,
  ],
}
