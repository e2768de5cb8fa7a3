import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../src/access'
import { slugField } from '../src/lib/slug'
import { defaultUrlPrefix } from './hooks/issuePublication'

/**
 * What the team publishes: the numbered weekly report, special issues on one topic, standalone
 * translations. Issues belong to one publication (`issues.publication`); translations form the
 * translations publication. Its newsletter (own audience and sender name) is the audiences issue's work.
 */
export const Publications: CollectionConfig = {
  slug: 'publications',
  labels: { singular: 'Publication', plural: 'Publications' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'urlPrefix'],
    description: 'The weekly report, special issues and translations: each with its own pages and newsletter.',
  },
  access: referenceDataAccess,
  hooks: {
    beforeValidate: [
      ({ data }) => {
        if (data && !data.urlPrefix && typeof data.kind === 'string') data.urlPrefix = defaultUrlPrefix(data.kind)
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 200 },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'weekly',
      options: [
        { label: 'Weekly report (numbered issues)', value: 'weekly' },
        { label: 'Special issues (one topic each)', value: 'special' },
        { label: 'Translations', value: 'translations' },
      ],
    },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    {
      name: 'urlPrefix',
      type: 'text',
      label: 'URL prefix',
      validate: (value: unknown) =>
        value === undefined ||
        value === null ||
        value === '' ||
        (typeof value === 'string' && /^\/[a-z0-9-]+$/.test(value))
          ? true
          : 'A path such as /issues: a slash, then lower-case letters, digits or hyphens.',
      admin: { description: 'Where its pages live: /issues, /special, /translations.' },
    },
  ],
}
