import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../src/access'
import { slugField } from '../src/lib/slug'

export const Sources: CollectionConfig = {
  slug: 'sources',
  labels: { singular: 'Source', plural: 'Sources' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'originalName', 'kind', 'homepage'],
    description: "Outlets that items cite, such as People's Daily (人民日报) or Qiushi (求是).",
  },
  access: referenceDataAccess,
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 200 },
    slugField('name'),
    { name: 'originalName', type: 'text', maxLength: 200, admin: { description: 'Name in Chinese, e.g. 人民日报' } },
    { name: 'homepage', type: 'text', validate: validateUrl },
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'newspaper',
      options: [
        { label: 'Newspaper', value: 'newspaper' },
        { label: 'Journal', value: 'journal' },
        { label: 'News agency', value: 'agency' },
        { label: 'Website', value: 'website' },
        { label: 'Official document', value: 'official-document' },
      ],
    },
  ],
}

function validateUrl(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/i.test(value)) {
    return 'Enter a full web address starting with http:// or https://'
  }
  return true
}
