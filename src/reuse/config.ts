import type { CollectionConfig, Config, Field } from 'payload'

import { reuseEndpoints } from './endpoints'

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
    name: 'relatedPanel',
    type: 'ui',
    admin: { components: { Field: '/reuse/admin/RelatedPanel#RelatedPanel' } },
  },
]

const withReuseFields = (c: CollectionConfig): CollectionConfig =>
  c.slug !== 'items'
    ? c
    : { ...c, fields: [...c.fields, ...reuseFields], endpoints: [...(c.endpoints || []), ...reuseEndpoints] }

/** Reuse with provenance: the reuse endpoint, the "reused in" join, the related-items panel. */
export const withReuse = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(withReuseFields),
})
