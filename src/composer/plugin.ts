import type { CollectionConfig, Plugin } from 'payload'

import { schemaPushSkipped } from '../env'
import { asSystem } from '../lib/system'
import { convertPositionsToOrderKeys } from './convert'
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
            edit: {
              ...c.admin?.components?.edit,
              // Editors land on the Composer the first time they open an issue (src/composer/admin/OpenComposer.tsx).
              beforeDocumentControls: [
                ...(c.admin?.components?.edit?.beforeDocumentControls ?? []),
                '/composer/admin/OpenComposer#OpenComposer',
              ],
            },
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
  // A database from before order keys (schema pushed in development) gets keys from its positions; a
  // migrated one got them in its migration. A no-op (one count) once every item has a key.
  onInit: async (payload) => {
    await config.onInit?.(payload)
    if (schemaPushSkipped()) return
    const { totalDocs } = await payload.count({
      collection: 'items',
      where: { and: [{ orderKey: { exists: false } }, { issue: { exists: true } }] },
      ...asSystem('derived'),
    })
    if (totalDocs) await convertPositionsToOrderKeys(payload)
  },
  collections: (config.collections ?? []).map(withComposer),
})
