import type { CollectionBeforeDeleteHook, Plugin } from 'payload'

import { EngagementEvents } from '../../collections/EngagementEvents'
import { reportEndpoint } from './endpoints'

/** A deleted send takes its engagement events with it. */
const deleteCampaignEvents: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: 'engagement-events', where: { campaign: { equals: id } }, req })
}

/**
 * Engagement analytics: the events collection, the send report on each campaign (numbers, a 72-hour
 * chart, CSV export) and its endpoint. Comes after the newsletter plugin (it extends `campaigns`).
 */
export const analyticsPlugin: Plugin = (config) => ({
  ...config,
  collections: [
    ...(config.collections ?? []).map((collection) =>
      collection.slug === 'campaigns'
        ? {
            ...collection,
            admin: {
              ...collection.admin,
              components: {
                ...collection.admin?.components,
                beforeList: [
                  ...(collection.admin?.components?.beforeList ?? []),
                  '/newsletter/admin/DkimRecord#DkimRecord',
                ],
              },
            },
            hooks: {
              ...collection.hooks,
              beforeDelete: [...(collection.hooks?.beforeDelete ?? []), deleteCampaignEvents],
            },
            // The report first: it is what a publisher opens a send for; the send's fields follow.
            fields: [
              {
                name: 'report',
                type: 'ui' as const,
                admin: { components: { Field: '/analytics/admin/SendReportPanel#SendReportPanel' } },
              },
              ...collection.fields,
            ],
          }
        : collection,
    ),
    EngagementEvents,
  ],
  endpoints: [...(config.endpoints ?? []), reportEndpoint],
})
