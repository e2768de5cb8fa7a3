import type { CollectionConfig } from 'payload'

import { isAdmin, isEditor } from '../src/access'

export const SCHEDULE_ACTIONS = ['send', 'publish-and-send'] as const
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number]
export const SCHEDULE_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number]

const nobody = () => false
const label = (value: string) => value[0].toUpperCase() + value.slice(1).replace(/-/g, ' ')

/**
 * A **scheduled send**: "send at <time>" (a published issue) or "publish and send at <time>" (a draft)
 * to a newsletter or a segment of it. Stored in UTC; the jobs queue runs it once at its time (the
 * `runScheduledSend` task, claimed by compare-and-set on `status` with a lease that the worker renews; a
 * run whose worker died is taken over by another, see scheduleTask.ts). Created and cancelled only through
 * `POST`/`DELETE /api/issues/:id/schedule-send` and `briefing newsletter send --at` /
 * `newsletter schedule cancel`, which validate; editors read them here.
 */
export const ScheduledSends: CollectionConfig = {
  slug: 'scheduled-sends',
  labels: { singular: 'Scheduled send', plural: 'Scheduled sends' },
  admin: {
    useAsTitle: 'at',
    defaultColumns: ['at', 'issue', 'action', 'newsletter', 'segment', 'status', 'scheduledBy'],
    group: 'Newsletter',
    description:
      'Sends waiting for their time, and what became of them. Schedule or cancel one in an issue’s Newsletter panel or its Composer.',
  },
  access: { read: isEditor, create: nobody, update: nobody, delete: isAdmin },
  timestamps: true,
  fields: [
    { name: 'issue', type: 'relationship', relationTo: 'issues', required: true, index: true },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: SCHEDULE_ACTIONS.map((value) => ({ label: label(value), value })),
    },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Shown in your browser’s time zone.' },
    },
    { name: 'newsletter', type: 'relationship', relationTo: 'newsletters', required: true },
    { name: 'segment', type: 'relationship', relationTo: 'segments' },
    { name: 'override', type: 'text', maxLength: 1000, admin: { description: 'Preflight override reason.' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: SCHEDULE_STATUSES.map((value) => ({ label: label(value), value })),
    },
    { name: 'failure', type: 'textarea', admin: { description: 'Why the send did not happen.' } },
    { name: 'scheduledBy', type: 'relationship', relationTo: 'users' },
    { name: 'cancelledBy', type: 'relationship', relationTo: 'users' },
    { name: 'cancelledAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'ranAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns' },
    /** `<issue>:<newsletter>:<segment or all>` while pending, else empty: one pending schedule per target. */
    { name: 'pendingKey', type: 'text', unique: true, admin: { hidden: true } },
    /** The worker that claimed it (`<host>:<pid>:<random>`). */
    { name: 'claimedBy', type: 'text', admin: { hidden: true } },
    /** While `running`: renewed by the worker; past it (or the worker's process gone), another takes over. */
    { name: 'leaseUntil', type: 'date', admin: { hidden: true } },
    /** The queued job (`payload-jobs` id), removed on cancel. */
    { name: 'job', type: 'text', admin: { hidden: true } },
  ],
}
