import type { CollectionConfig, GlobalConfig, Plugin } from 'payload'

import {
  issueChanged,
  issueDeleted,
  itemChanged,
  itemDeleted,
  referenceChanged,
  referenceDeleted,
  settingsChanged,
} from './invalidation'
import { REFERENCE_COLLECTIONS } from './deps'

/**
 * The web edition's Payload extensions: afterChange/afterDelete hooks that invalidate the cached
 * public pages showing a changed issue, item, section, source, glossary term or medium, and
 * bump the preview version that live-preview pages poll; the same changes go into the database change
 * feed for the other instances (src/changes).
 */
const hooksFor: Record<
  string,
  {
    change: NonNullable<CollectionConfig['hooks']>['afterChange']
    remove: NonNullable<CollectionConfig['hooks']>['afterDelete']
  }
> = {
  issues: { change: [issueChanged], remove: [issueDeleted] },
  items: { change: [itemChanged], remove: [itemDeleted] },
  ...Object.fromEntries(
    REFERENCE_COLLECTIONS.map((slug) => [slug, { change: [referenceChanged(slug)], remove: [referenceDeleted(slug)] }]),
  ),
}

const withHooks = (collection: CollectionConfig): CollectionConfig => {
  const extra = hooksFor[collection.slug]
  if (!extra) return collection
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), ...(extra.change ?? [])],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(extra.remove ?? [])],
    },
  }
}

const withSettingsHook = (global: GlobalConfig): GlobalConfig =>
  global.slug === 'settings'
    ? { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), settingsChanged] } }
    : global

export const webPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map(withHooks),
  globals: (config.globals ?? []).map(withSettingsHook),
})
