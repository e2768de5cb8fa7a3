import type { CollectionConfig } from 'payload'

import { isEditor, publicOrStaff } from '../src/access'
import { slugField } from '../src/lib/slug'
import { publicField } from './hooks/publicReferences'

export const Sections: CollectionConfig = {
  slug: 'sections',
  labels: { singular: 'Section', plural: 'Sections' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'style', 'position', 'slug'],
    description: 'Recurring sections of a report, such as Senior Leaders or Organization Work.',
  },
  defaultSort: 'position',
  access: { read: publicOrStaff, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    slugField('name'),
    publicField,
    { name: 'description', type: 'textarea' },
    {
      name: 'position',
      type: 'number',
      defaultValue: 100,
      admin: { description: 'Default order of this section in a new issue (lowest first).' },
    },
    {
      name: 'style',
      type: 'select',
      required: true,
      defaultValue: 'full',
      options: [
        { label: 'Full items (headline + body)', value: 'full' },
        { label: 'Briefs (date-prefixed one-liners)', value: 'brief' },
      ],
    },
  ],
}
