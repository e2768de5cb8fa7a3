import type { CollectionConfig } from 'payload'

import { editorOrOwnDraft, editorOrOwnUnpublished, isStaff, publishedOrStaff, staffCreateDraft } from '../src/access'
import { publicUrl } from '../src/env'
import { slugField } from '../src/lib/slug'
import { optionalUrl } from './hooks/optionalUrl'
import { translationMakesReferencesPublic } from './hooks/publicReferences'
import { refuseStaleWrite, updatedByField } from './hooks/staleWrites'

/**
 * Standalone translations: a Chinese document or article rendered in English, with its original
 * title, source, credits, introduction, the translation and the original (or an excerpt of it).
 * Drafts and versions like issues; anonymous readers see published translations only.
 */
export const Translations: CollectionConfig = {
  slug: 'translations',
  labels: { singular: 'Translation', plural: 'Translations' },
  admin: {
    useAsTitle: 'headline',
    defaultColumns: ['headline', 'source', 'originalDate', '_status', 'publishedAt'],
    listSearchableFields: ['headline', 'originalTitle', 'slug'],
    description: 'Full translations of Chinese documents and articles, with the original text.',
    preview: (doc) => `${publicUrl()}/translations/${String(doc?.slug ?? '')}`,
    components: {
      views: {
        edit: {
          // Any two editions or saved versions as a redline (src/translations/admin/CompareView.tsx).
          compare: {
            Component: '/translations/admin/CompareView#CompareView',
            path: '/compare',
            tab: { label: 'Compare', href: '/compare', order: 60 },
          },
        },
      },
    },
  },
  defaultSort: '-publishedAt',
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: staffCreateDraft,
    update: editorOrOwnDraft,
    delete: editorOrOwnUnpublished,
  },
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  hooks: {
    afterChange: [translationMakesReferencesPublic],
    beforeChange: [
      refuseStaleWrite,
      ({ data, req, operation, originalDoc }) => {
        if (operation === 'create' && req.user) data.createdBy = req.user.id
        if (data._status === 'published' && !(data.publishedAt ?? originalDoc?.publishedAt)) {
          data.publishedAt = new Date().toISOString()
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'headline', type: 'text', required: true, maxLength: 300 },
    { name: 'originalTitle', type: 'text', label: 'Original title (中文)', maxLength: 300 },
    slugField('headline'),
    {
      type: 'row',
      fields: [
        { name: 'source', type: 'relationship', relationTo: 'sources', label: 'Source outlet' },
        { name: 'sourceUrl', type: 'text', label: 'Source URL', validate: optionalUrl },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'originalDate',
          type: 'date',
          label: 'Original publication date',
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
        { name: 'originalAuthors', type: 'text', hasMany: true, label: 'Original authors' },
      ],
    },
    {
      name: 'credits',
      type: 'array',
      labels: { singular: 'Credit', plural: 'Credits' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'person', type: 'text', required: true, maxLength: 200 },
            {
              name: 'role',
              type: 'select',
              required: true,
              defaultValue: 'translator',
              options: [
                { label: 'Translator', value: 'translator' },
                { label: 'Introduction', value: 'introduction' },
                { label: 'Editor', value: 'editor' },
              ],
            },
          ],
        },
      ],
    },
    { name: 'introduction', type: 'richText' },
    { name: 'body', type: 'richText', label: 'Translation' },
    {
      name: 'original',
      type: 'richText',
      label: 'Original (中文)',
      admin: { description: 'The Chinese text, shown with lang="zh-Hans".' },
    },
    {
      name: 'bilingual',
      type: 'array',
      label: 'Bilingual view (aligned paragraphs)',
      labels: { singular: 'Pair', plural: 'Pairs' },
      admin: {
        description:
          'The translation and the original paragraph by paragraph, one pair per row (either side may be empty); shown side by side.',
        initCollapsed: false,
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'en', type: 'textarea', label: 'English', admin: { width: '50%' } },
            { name: 'zh', type: 'textarea', label: 'Chinese (中文)', admin: { width: '50%' } },
          ],
        },
      ],
    },
    {
      name: 'excerpt',
      type: 'checkbox',
      defaultValue: false,
      label: 'The original above is an excerpt',
    },
    {
      name: 'isExcerpt',
      type: 'checkbox',
      defaultValue: false,
      label: 'Only the start of the translation was imported',
      admin: { description: 'The page it came from cut it ("Read the rest of this entry »").' },
    },
    {
      name: 'editions',
      type: 'array',
      labels: { singular: 'Edition', plural: 'Editions' },
      admin: {
        description:
          'Successive texts of a law or regulation ("First reading draft", "Final"), oldest first; readers can compare any two. Blank lines separate paragraphs; "Article 12 …" starts a provision.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, maxLength: 100 },
            { name: 'date', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
          ],
        },
        { name: 'body', type: 'textarea', required: true },
      ],
    },
    { name: 'tags', type: 'text', hasMany: true },
    { name: 'terms', type: 'relationship', relationTo: 'glossary-terms', hasMany: true, label: 'Glossary terms used' },
    {
      name: 'updateNotes',
      type: 'array',
      labels: { singular: 'Update note', plural: 'Update notes' },
      fields: [
        { name: 'date', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'text', type: 'textarea', required: true },
      ],
    },
    { name: 'publishedAt', type: 'date', admin: { position: 'sidebar' } },
    {
      name: 'revisedAt',
      type: 'date',
      label: 'Updated on',
      admin: { position: 'sidebar', description: 'When the translation was last revised ("Updated on").' },
    },
    {
      name: 'importKey',
      type: 'text',
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Set by briefing import: the same article imported again updates this translation.',
      },
    },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar', readOnly: true } },
    updatedByField,
  ],
}
