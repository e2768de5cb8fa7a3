import type { Plugin } from 'payload'

import { Campaigns } from '../../collections/Campaigns'
import { DeliveryBatches } from '../../collections/DeliveryBatches'
import { Newsletters } from '../../collections/Newsletters'
import { ScheduledSends } from '../../collections/ScheduledSends'
import { Segments } from '../../collections/Segments'
import { Subscriptions } from '../../collections/Subscriptions'
import { schemaPushSkipped } from '../env'
import { newsletterEndpoints } from './endpoints'
import { upgradeToNewsletters } from './newsletters'
import { scheduleEndpoints } from './scheduleEndpoints'
import { scheduledSendTask } from './scheduleTask'
import { clearSuppressionEndpoint } from './suppression'
import { sendNewslettersTask } from './task'
import { translationNewsletterEndpoints } from './translationEndpoints'

/**
 * Newsletter: campaigns and the delivery ledger, an issue's email format choice and Newsletter panel,
 * the subscribers' admin tools, the editor-only endpoints behind them, scheduled sends, and the
 * sender and scheduled sends as job tasks.
 */
export const newsletterPlugin: Plugin = (config) => ({
  ...config,
  // The single list of earlier versions becomes the first newsletter (a no-op once upgraded). A boot
  // without the schema push (`briefing migrate`, `backup`) may find no tables yet: the migration runs it.
  onInit: async (payload) => {
    await config.onInit?.(payload)
    if (!schemaPushSkipped()) await upgradeToNewsletters(payload)
  },
  collections: [
    ...(config.collections ?? []).map((collection) => {
      if (collection.slug === 'issues') {
        return {
          ...collection,
          endpoints: [...(collection.endpoints || []), ...scheduleEndpoints],
          fields: [
            ...collection.fields,
            {
              name: 'newsletterFormat',
              type: 'select' as const,
              defaultValue: 'auto',
              options: [
                { label: 'Automatic (digest if too big for Gmail)', value: 'auto' },
                { label: 'Full issue', value: 'full' },
                { label: 'Digest', value: 'digest' },
              ],
              admin: { position: 'sidebar' as const, description: 'How the newsletter presents this issue.' },
            },
            {
              name: 'newsletterPanel',
              type: 'ui' as const,
              admin: {
                position: 'sidebar' as const,
                components: { Field: '/newsletter/admin/IssueNewsletterPanel#IssueNewsletterPanel' },
              },
            },
            {
              name: 'scheduledSendsPanel',
              type: 'ui' as const,
              admin: {
                position: 'sidebar' as const,
                components: { Field: '/newsletter/admin/ScheduleSendPanel#ScheduleSendField' },
              },
            },
          ],
        }
      }
      if (collection.slug === 'translations') {
        return {
          ...collection,
          fields: [
            ...collection.fields,
            {
              name: 'newsletterPanel',
              type: 'ui' as const,
              admin: {
                position: 'sidebar' as const,
                components: {
                  Field: {
                    path: '/newsletter/admin/IssueNewsletterPanel#IssueNewsletterPanel',
                    clientProps: { kind: 'translations' },
                  },
                },
              },
            },
          ],
        }
      }
      if (collection.slug === 'subscribers') {
        return {
          ...collection,
          admin: {
            ...collection.admin,
            components: {
              ...collection.admin?.components,
              beforeList: ['/newsletter/admin/SubscribersTools#SubscribersTools'],
            },
          },
        }
      }
      return collection
    }),
    Newsletters,
    Subscriptions,
    Segments,
    Campaigns,
    DeliveryBatches,
    ScheduledSends,
  ],
  endpoints: [
    ...(config.endpoints ?? []),
    ...newsletterEndpoints,
    ...translationNewsletterEndpoints,
    clearSuppressionEndpoint,
  ],
  // The sender runs as a job task, so `briefing worker` is one worker for every job.
  jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), sendNewslettersTask, scheduledSendTask] },
})
