import type { CollectionConfig, Config, Field } from 'payload'

import { entryReuseEndpoint, reuseEndpoints, reuseSearchEndpoint, translationReuseEndpoint } from './endpoints'

/** Fields added to items: the "reused in" list (join on reusedFrom) and the reuse / related panels. */
const reuseFields: Field[] = [
  {
    name: 'reuseActions',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/reuse/admin/ReuseButton#ReuseButton' } },
  },
  {
    name: 'reusedIn',
    type: 'join',
    collection: 'items',
    on: 'reusedFrom',
    label: 'Reused in',
    admin: {
      allowCreate: false,
      defaultColumns: ['headline', 'issue', 'section', '_status'],
      description: 'Items created by reusing this one (“Reuse in issue…”).',
    },
  },
  {
    name: 'reusedFromTranslation',
    type: 'relationship',
    relationTo: 'translations',
    label: 'Reused from translation',
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.reusedFromTranslation) },
  },
  {
    name: 'reusedFromEntry',
    type: 'group',
    label: 'Reused from special-issue entry',
    admin: { position: 'sidebar', condition: (data) => Boolean(data?.reusedFromEntry?.issue) },
    fields: [
      { name: 'issue', type: 'relationship', relationTo: 'issues', admin: { readOnly: true } },
      { name: 'anchor', type: 'text', label: 'Entry', admin: { readOnly: true } },
    ],
  },
  {
    name: 'relatedPanel',
    type: 'ui',
    admin: { components: { Field: '/reuse/admin/RelatedPanel#RelatedPanel' } },
  },
]

const withReuseFields = (c: CollectionConfig): CollectionConfig => {
  if (c.slug === 'items')
    return { ...c, fields: [...c.fields, ...reuseFields], endpoints: [...(c.endpoints || []), ...reuseEndpoints] }
  if (c.slug === 'translations') return { ...c, endpoints: [...(c.endpoints || []), translationReuseEndpoint] }
  if (c.slug === 'issues') return { ...c, endpoints: [...(c.endpoints || []), entryReuseEndpoint] }
  return c
}

/**
 * Reuse with provenance: the reuse endpoints (items; translations' summaries and special-issue entries
 * into weekly issues), the reuse search, the "reused in" join, the related-items panel.
 */
export const withReuse = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(withReuseFields),
  endpoints: [...(config.endpoints ?? []), reuseSearchEndpoint],
})
