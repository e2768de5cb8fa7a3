import type { CollectionConfig, Plugin } from 'payload'

import { composerEndpoints } from './endpoints'

const composerView = {
  Component: '/composer/admin/ComposerView#ComposerView',
  path: '/composer' as const,
  tab: { label: 'Composer', href: '/composer', order: 50 },
}

const withComposer = (c: CollectionConfig): CollectionConfig =>
  c.slug !== 'issues'
    ? c
    : {
        ...c,
        endpoints: [...(c.endpoints || []), ...composerEndpoints],
        admin: {
          ...c.admin,
          components: {
            ...c.admin?.components,
            views: {
              ...c.admin?.components?.views,
              // Issues have no other custom edit views; the default Edit view stays as it is.
              edit: { composer: composerView },
            },
          },
        },
      }

/** Adds the arrange endpoint and the Composer tab (beside Edit) to issues. */
export const composerPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map(withComposer),
})
