import type { CollectionConfig, Config, Field } from 'payload'

import { itemAssignment } from '../../collections/hooks/itemAssignment'
import { isStaff } from '../access'
import { ITEM_STATUSES, NOTIFICATION_CHOICES } from './status'

const itemFields: Field[] = [
  {
    name: 'assignee',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    admin: { position: 'sidebar', description: 'Who writes this item. Defaults to the section’s default assignee.' },
  },
  {
    name: 'status',
    type: 'select',
    defaultValue: 'unassigned',
    index: true,
    options: ITEM_STATUSES.map((s) => ({ ...s })),
    admin: {
      position: 'sidebar',
      description: 'Unassigned → Assigned → Drafting → In review → Approved. Only editors approve or step back.',
    },
  },
]

const sectionFields: Field[] = [
  {
    name: 'defaultAssignee',
    type: 'relationship',
    relationTo: 'users',
    admin: { description: 'New items in this section without an assignee are assigned to this person.' },
  },
]

const userFields: Field[] = [
  {
    name: 'notifications',
    type: 'select',
    defaultValue: 'immediate',
    options: NOTIFICATION_CHOICES.map((c) => ({ ...c })),
    admin: { description: 'Emails about assignments, review comments and status changes.' },
  },
]

function extend(c: CollectionConfig): CollectionConfig {
  if (c.slug === 'items')
    return {
      ...c,
      fields: [...c.fields, ...itemFields],
      hooks: {
        ...c.hooks,
        beforeChange: [...(c.hooks?.beforeChange ?? []), itemAssignment],
      },
    }
  if (c.slug === 'sections') return { ...c, fields: [...c.fields, ...sectionFields] }
  // Staff see each other (assignees, comment authors); only admins and the user themselves change an account.
  if (c.slug === 'users') return { ...c, fields: [...c.fields, ...userFields], access: { ...c.access, read: isStaff } }
  return c
}

/**
 * Workflow: assignees and statuses of items, sections' default assignees, review comments,
 * notifications by email (immediate or in a daily digest job) and the "My items" view.
 */
export const withWorkflow = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(extend),
})
