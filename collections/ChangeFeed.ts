import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * The database change feed: one row per committed change of a document that public pages (or the
 * search index) are built from, with the web cache's dependency keys it invalidates. Every instance
 * (web, worker, CLI) writes it from its hooks; every web instance reads it by `createdAt` and drops
 * exactly the dependent cached pages (src/changes/feed.ts). Rows older than an hour are pruned.
 * Internal: no access except through the Local API with overrideAccess.
 */
export const ChangeFeed: CollectionConfig = {
  slug: 'change-feed',
  labels: { singular: 'Change', plural: 'Change feed' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'origin', type: 'text', required: true },
    { name: 'collection', type: 'text', required: true },
    { name: 'docId', type: 'text' },
    { name: 'keys', type: 'json', required: true },
  ],
}
