import type { Plugin } from 'payload'

import { EngagementEvents } from '../../collections/EngagementEvents'
import { reportEndpoint } from './endpoints'

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
            fields: [
              ...collection.fields,
              {
                name: 'report',
                type: 'ui' as const,
                admin: { components: { Field: '/analytics/admin/SendReportPanel#SendReportPanel' } },
              },
            ],
          }
        : collection,
    ),
    EngagementEvents,
  ],
  endpoints: [...(config.endpoints ?? []), reportEndpoint],
})
