import type { CollectionConfig } from 'payload'

import { isAdmin } from '../src/access'

const nobody = () => false

/**
 * Workflow notifications waiting for a user's daily digest (users whose `notifications` is `daily`).
 * Written and sent by the system only; `sentAt` marks the ones the digest job has sent.
 */
export const PendingNotifications: CollectionConfig = {
  slug: 'pending-notifications',
  labels: { singular: 'Pending notification', plural: 'Pending notifications' },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'user', 'createdAt', 'sentAt'],
    group: 'Workflow',
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'sentAt', type: 'date', index: true },
  ],
}
