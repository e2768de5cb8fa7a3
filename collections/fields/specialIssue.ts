import type { Field } from 'payload'

const isSpecial = (data: Record<string, unknown> | undefined) => data?.kind === 'special'
const isWeekly = (data: Record<string, unknown> | undefined) => !isSpecial(data)

/**
 * The fields of a special issue (`kind: 'special'`): a topic rather than a week. Title and subtitle
 * instead of volume|number, a publisher line, and entries grouped under date headings, in order.
 */
export const specialIssueFields: Field[] = [
  {
    name: 'subtitle',
    type: 'text',
    maxLength: 300,
    admin: { condition: isSpecial, description: 'e.g. "Special Issue on NPC & CPPCC Annual Sessions 2024".' },
  },
  {
    name: 'publisherLine',
    type: 'text',
    maxLength: 300,
    admin: { condition: isSpecial, description: 'Who publishes it, shown under the title.' },
  },
  {
    name: 'entryGroups',
    type: 'array',
    labels: { singular: 'Date group', plural: 'Entries by date' },
    admin: {
      condition: isSpecial,
      description: 'Date headings in reading order ("March 5", "March 6"), each with its entries.',
    },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'heading', type: 'text', required: true, maxLength: 100 },
          { name: 'date', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        ],
      },
      {
        name: 'entries',
        type: 'array',
        labels: { singular: 'Entry', plural: 'Entries' },
        fields: [
          { name: 'headline', type: 'text', required: true, maxLength: 300 },
          { name: 'body', type: 'richText' },
          {
            name: 'photos',
            type: 'array',
            // The default table name (_issues_v_version_entry_groups_entries_photos) gives a foreign key
            // name of 66 characters, which PostgreSQL cuts at 63: every development start then pushed again.
            dbName: 'issues_entry_photos',
            labels: { singular: 'Photo', plural: 'Photos' },
            fields: [
              {
                name: 'image',
                type: 'upload',
                relationTo: 'media',
                required: true,
                admin: { description: 'The image and its alt text (required on every medium).' },
              },
              {
                type: 'row',
                fields: [
                  // Real captions run long (a 600-character one in the NPC & CPPCC special issue).
                  { name: 'caption', type: 'text', maxLength: 1000 },
                  { name: 'credit', type: 'text', maxLength: 100, admin: { description: 'e.g. XINHUA' } },
                ],
              },
            ],
          },
          { name: 'sources', type: 'relationship', relationTo: 'sources', hasMany: true },
        ],
      },
    ],
  },
  {
    name: 'terms',
    type: 'relationship',
    relationTo: 'glossary-terms',
    hasMany: true,
    label: 'Glossary terms used',
    admin: {
      condition: isSpecial,
      position: 'sidebar',
      description: 'Filled from the terms the entries mark or gloss as “English (汉字)”; editors may add more.',
    },
  },
]

export { isSpecial, isWeekly }
