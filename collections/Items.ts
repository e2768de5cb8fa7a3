import { APIError, type CollectionConfig } from 'payload'

import {
  editorOrOwnUnpublished,
  editorOwnOrAssignedDraft,
  isStaff,
  publishedItemOrStaff,
  staffCreateDraft,
} from '../src/access'
import { contributorSavesDraft } from './hooks/contributorDrafts'
import { refuseStaleWrite, updatedByField } from './hooks/staleWrites'
import { itemMakesReferencesPublic } from './hooks/publicReferences'
import { itemSectionName } from './hooks/itemSectionName'
import { describeItem, itemTitle, missingContent, sectionStyleOf } from './hooks/itemCompleteness'
import { optionalUrl } from './hooks/optionalUrl'
import { assignOrderKey, publishedMove } from './hooks/itemOrder'

export const Items: CollectionConfig = {
  slug: 'items',
  labels: { singular: 'Item', plural: 'Items' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'section', 'issue', 'date', 'sources', '_status'],
    listSearchableFields: ['headline', 'originalTitle', 'credit'],
    description: 'Summaries and briefs. Each belongs to one issue and one section, in order.',
  },
  defaultSort: '-date',
  access: {
    read: publishedItemOrStaff,
    readVersions: isStaff,
    create: staffCreateDraft,
    update: editorOwnOrAssignedDraft,
    delete: editorOrOwnUnpublished,
  },
  versions: { drafts: { autosave: { interval: 1500 } }, maxPerDoc: 50 },
  hooks: {
    beforeOperation: [contributorSavesDraft],
    beforeChange: [
      refuseStaleWrite,
      async ({ req, data, operation, originalDoc }) => {
        if (operation === 'create' && req.user) data.createdBy = req.user.id
        const merged = { ...(originalDoc ?? {}), ...data }
        const style = await sectionStyleOf(req, merged.section)
        data.sectionStyle = style
        if (style === 'brief' && data.headline) data.headline = null
        data.title = itemTitle({ ...merged, headline: style === 'brief' ? null : merged.headline })
        const movedLive = publishedMove(data, originalDoc)
        if (data._status === 'published' || movedLive) {
          const missing = missingContent(merged, style)
          if (missing.length) {
            const what = movedLive ? `move published ${describeItem(merged)} into a ${style} section` : 'publish'
            throw new APIError(
              movedLive
                ? `Cannot ${what}: it would miss ${missing.join(', ')}.`
                : `Cannot publish ${describeItem(merged)}: missing ${missing.join(', ')}.`,
              400,
              null,
              true,
            )
          }
        }
        return data
      },
      assignOrderKey,
    ],
    afterChange: [itemMakesReferencesPublic],
  },
  fields: [
    {
      name: 'headline',
      type: 'text',
      admin: {
        description: 'Required for full items; briefs have none.',
        condition: (_data, sibling) => sibling?.sectionStyle !== 'brief',
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'issue', type: 'relationship', relationTo: 'issues', required: true, index: true },
        { name: 'section', type: 'relationship', relationTo: 'sections', required: true, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'date',
          type: 'date',
          index: true,
          admin: {
            date: { pickerAppearance: 'dayOnly', displayFormat: 'M.d.yy' },
            description: 'Event date, shown as "4.15".',
          },
        },
        {
          name: 'dateEnd',
          type: 'date',
          label: 'Date range ends',
          admin: {
            date: { pickerAppearance: 'dayOnly', displayFormat: 'M.d.yy' },
            description: 'Last day of a range ("4.15–17"); empty for one day.',
          },
          validate: (value: unknown, { siblingData }: { siblingData: { date?: string | null } }) =>
            !value || !siblingData?.date || String(value) >= String(siblingData.date)
              ? true
              : 'The range must end on or after its first day.',
        },
      ],
    },
    { name: 'body', type: 'richText', admin: { description: 'The summary, or the one line of a brief.' } },
    { name: 'sources', type: 'relationship', relationTo: 'sources', hasMany: true },
    { name: 'articleUrl', type: 'text', label: 'Article URL', validate: optionalUrl },
    { name: 'originalTitle', type: 'text', label: 'Original-language title (中文)' },
    {
      name: 'excerpt',
      type: 'textarea',
      label: 'Original-language excerpt (中文)',
      admin: { description: 'Chinese original, shown with lang="zh-Hans".' },
    },
    { name: 'terms', type: 'relationship', relationTo: 'glossary-terms', hasMany: true, label: 'Glossary terms used' },
    { name: 'tags', type: 'text', hasMany: true },
    { name: 'credit', type: 'text', label: 'Translator / author credit' },
    {
      name: 'translation',
      type: 'relationship',
      relationTo: 'translations',
      label: 'Full translation',
      admin: { description: 'The full translation of what this item summarises, linked from the item.' },
    },
    {
      name: 'importKey',
      type: 'text',
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Where an imported post came from (platform:id); importing it again updates this item.',
      },
    },
    {
      name: 'isExcerpt',
      type: 'checkbox',
      label: 'Excerpt only',
      admin: { description: 'Imported from a page that showed only the start of the post ("Read the rest …").' },
    },
    { name: 'reusedFrom', type: 'relationship', relationTo: 'items', admin: { position: 'sidebar', readOnly: true } },
    { name: 'related', type: 'relationship', relationTo: 'items', hasMany: true, admin: { position: 'sidebar' } },
    { name: 'sectionStyle', type: 'text', admin: { hidden: true } },
    {
      name: 'sectionName',
      type: 'text',
      virtual: true,
      label: 'Section',
      // A table column only: never shown in the form (the Section field is there), not a filter.
      admin: { readOnly: true, condition: () => false, disableListFilter: true },
      hooks: { afterRead: [itemSectionName] },
    },
    {
      name: 'orderKey',
      type: 'text',
      index: true,
      admin: { hidden: true, description: 'Order within the section (a fractional key; set by the composer).' },
    },
    {
      name: 'position',
      type: 'number',
      admin: { hidden: true, description: 'Former order number, read once by convertPositionsToOrderKeys.' },
    },
    {
      name: 'title',
      type: 'text',
      // Shown (read-only) so that it can be the list's title column: a brief has no headline.
      admin: { readOnly: true, position: 'sidebar', description: 'The headline, or a brief’s date and first words.' },
      label: 'Title',
    },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar', readOnly: true } },
    updatedByField,
  ],
}
