import type { CollectionConfig } from 'payload'

import { isEditor, isStaff, publishedOrStaff } from '../src/access'
import { publicUrl } from '../src/env'
import { periodLabel } from '../src/lib/dates'
import { countItems } from './hooks/issueItemCount'
import { issueNumbering } from './hooks/issueNumbering'
import { assignPublication } from './hooks/issuePublication'
import { isWeekly, specialIssueFields } from './fields/specialIssue'
import { refuseStaleWrite, updatedByField } from './hooks/staleWrites'
import { issueMakesReferencesPublic } from './hooks/publicReferences'
import {
  defaultSections,
  highlightTargets,
  publishItemsWithIssue,
  refuseIncompleteIssue,
} from './hooks/issuePublishing'

export const Issues: CollectionConfig = {
  slug: 'issues',
  labels: { singular: 'Issue', plural: 'Issues' },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'periodLabel', '_status', 'itemCount', 'publishedAt'],
    listSearchableFields: ['title', 'slug'],
    description: 'Weekly reports: numbered issues, each with highlights and ordered sections.',
    livePreview: { url: ({ data }) => `${publicUrl()}/preview/issues/${data?.slug ?? ''}` },
    preview: (doc) => `${publicUrl()}/preview/issues/${String(doc?.slug ?? '')}`,
  },
  defaultSort: '-periodEnd',
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  hooks: {
    beforeValidate: [issueNumbering, defaultSections, highlightTargets],
    beforeChange: [
      refuseStaleWrite,
      refuseIncompleteIssue,
      assignPublication,
      ({ data, originalDoc }) => {
        const volume = data.volume ?? originalDoc?.volume
        const number = data.number ?? originalDoc?.number
        const title = data.title ?? originalDoc?.title ?? 'Weekly Report'
        const subtitle = data.subtitle ?? originalDoc?.subtitle
        data.label =
          (data.kind ?? originalDoc?.kind) === 'special'
            ? `${title}${subtitle ? `: ${subtitle}` : ''}`
            : `${title} ${volume}|${number}`
        const start = data.periodStart ?? originalDoc?.periodStart
        const end = data.periodEnd ?? originalDoc?.periodEnd
        if (start && end) data.periodLabel = periodLabel(start, end)
        return data
      },
    ],
    afterChange: [publishItemsWithIssue, issueMakesReferencesPublic],
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'weekly',
      index: true,
      options: [
        { label: 'Weekly (volume and number)', value: 'weekly' },
        { label: 'Special issue (one topic)', value: 'special' },
      ],
      admin: { position: 'sidebar', description: 'A special issue has a title and subtitle instead of a number.' },
    },
    { name: 'title', type: 'text', required: true, defaultValue: 'Weekly Report' },
    ...specialIssueFields,
    {
      name: 'publication',
      type: 'relationship',
      relationTo: 'publications',
      index: true,
      admin: { position: 'sidebar', description: 'Defaults to the weekly report.' },
    },
    {
      type: 'row',
      admin: { condition: isWeekly },
      fields: [
        { name: 'volume', type: 'number', min: 1, admin: { description: 'Defaults to the latest volume.' } },
        { name: 'number', type: 'number', min: 1, admin: { description: 'Defaults to the next number.' } },
      ],
    },
    { name: 'label', type: 'text', admin: { hidden: true } },
    { name: 'periodLabel', type: 'text', label: 'Period', admin: { position: 'sidebar', readOnly: true } },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'plannedPublication',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly' },
        description: 'Defaults to the coming Friday.',
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'periodStart',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'M.d.yy' } },
        },
        {
          name: 'periodEnd',
          type: 'date',
          index: true,
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'M.d.yy' } },
        },
      ],
    },
    {
      name: 'highlights',
      type: 'array',
      labels: { singular: 'Highlight', plural: 'Highlights' },
      fields: [
        { name: 'text', type: 'richText', required: true },
        {
          type: 'row',
          fields: [
            {
              name: 'section',
              type: 'relationship',
              relationTo: 'sections',
              admin: { description: '"(See … section)"' },
            },
            { name: 'item', type: 'relationship', relationTo: 'items' },
          ],
        },
      ],
    },
    {
      name: 'sections',
      type: 'array',
      labels: { singular: 'Section', plural: 'Sections (in order)' },
      admin: { description: 'The sections of this issue, in reading order. New issues start with all sections.' },
      fields: [{ name: 'section', type: 'relationship', relationTo: 'sections', required: true }],
    },
    {
      name: 'items',
      type: 'join',
      collection: 'items',
      on: 'issue',
      defaultSort: 'orderKey',
      defaultLimit: 200,
      // sectionName: the section as text (a relationship cell shows "<No Section>" until it loads it).
      admin: { defaultColumns: ['title', 'sectionName', 'date', '_status'] },
    },
    {
      name: 'itemCount',
      type: 'number',
      virtual: true,
      label: 'Items',
      admin: { readOnly: true, position: 'sidebar', description: 'Items in this issue (drafts included for staff).' },
      hooks: { afterRead: [countItems] },
    },
    { name: 'coverImage', type: 'upload', relationTo: 'media' },
    { name: 'editorsNote', type: 'richText', label: "Editor's note" },
    { name: 'publishedAt', type: 'date', admin: { position: 'sidebar' } },
    updatedByField,
  ],
}
