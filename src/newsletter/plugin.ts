import type { CollectionConfig, Field, Plugin } from 'payload'

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
    ...(config.collections ?? []).map(withNewsletterParts),
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

/** The issue's email format choice and its Newsletter and scheduled-sends panels (sidebar). */
const issueNewsletterFields: Field[] = [
  {
    name: 'newsletterFormat',
    type: 'select',
    defaultValue: 'auto',
    options: [
      { label: 'Automatic (digest if too big for Gmail)', value: 'auto' },
      { label: 'Full issue', value: 'full' },
      { label: 'Digest', value: 'digest' },
    ],
    admin: { position: 'sidebar', description: 'How the newsletter presents this issue.' },
  },
  {
    name: 'newsletterPanel',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/newsletter/admin/IssueNewsletterPanel#IssueNewsletterPanel' },
    },
  },
  {
    name: 'scheduledSendsPanel',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/newsletter/admin/ScheduleSendPanel#ScheduleSendField' },
    },
  },
]

/** A translation's Newsletter panel (sidebar). */
const translationNewsletterField: Field = {
  name: 'newsletterPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: {
      Field: {
        path: '/newsletter/admin/IssueNewsletterPanel#IssueNewsletterPanel',
        clientProps: { kind: 'translations' },
      },
    },
  },
}

/** Issues, translations and subscribers get the newsletter's fields, endpoints and admin tools. */
function withNewsletterParts(collection: CollectionConfig): CollectionConfig {
  if (collection.slug === 'issues') {
    return {
      ...collection,
      endpoints: [...(collection.endpoints || []), ...scheduleEndpoints],
      fields: [...collection.fields, ...issueNewsletterFields],
    }
  }
  if (collection.slug === 'translations') {
    return { ...collection, fields: [...collection.fields, translationNewsletterField] }
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
}
