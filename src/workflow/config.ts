import type { CollectionConfig, Config, Field } from 'payload'

import { Comments } from '../../collections/Comments'
import { PendingNotifications } from '../../collections/PendingNotifications'
import { itemAssignment } from '../../collections/hooks/itemAssignment'
import { isStaff } from '../access'
import { notifyItemChange } from './notify'
import { digestTask } from './digest'
import { ITEM_STATUSES, NOTIFICATION_CHOICES } from './status'

const itemFields: Field[] = [
  {
    name: 'assignee',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Who writes this item. Defaults to the section’s default assignee.',
    },
  },
  {
    name: 'status',
    type: 'select',
    // Not Payload's default `enum_items_status`: PostgreSQL already has that type for drafts' `_status`.
    enumName: 'enum_items_workflow_status',
    defaultValue: 'unassigned',
    index: true,
    options: ITEM_STATUSES.map((s) => ({ ...s })),
    admin: {
      position: 'sidebar',
      description: 'Unassigned → Assigned → Drafting → In review → Approved. Only editors approve or step back.',
    },
  },
  {
    name: 'reviewThread',
    type: 'ui',
    admin: { components: { Field: '/workflow/admin/ReviewThreadField#ReviewThreadField' } },
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

/** List columns with the item's assignee and status before its draft/published status. */
const withWorkflowColumns = (columns: string[] = []): string[] => {
  const at = columns.includes('_status') ? columns.indexOf('_status') : columns.length
  return [...columns.slice(0, at), 'assignee', 'status', ...columns.slice(at)]
}

/** The issue's table of its items shows their assignee and status too. */
const issueJoinColumns = (field: Field): Field =>
  field.type === 'join' && field.name === 'items'
    ? { ...field, admin: { ...field.admin, defaultColumns: withWorkflowColumns(field.admin?.defaultColumns) } }
    : field

function extend(c: CollectionConfig): CollectionConfig {
  if (c.slug === 'issues') return { ...c, fields: c.fields.map(issueJoinColumns) }
  if (c.slug === 'items')
    return {
      ...c,
      admin: { ...c.admin, defaultColumns: withWorkflowColumns(c.admin?.defaultColumns) },
      fields: [...c.fields, ...itemFields],
      hooks: {
        ...c.hooks,
        beforeChange: [...(c.hooks?.beforeChange ?? []), itemAssignment],
        afterChange: [...(c.hooks?.afterChange ?? []), notifyItemChange],
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
  collections: [...(config.collections ?? []).map(extend), Comments, PendingNotifications],
  jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), digestTask] },
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      beforeNavLinks: [...(config.admin?.components?.beforeNavLinks ?? []), '/workflow/admin/MyItemsLink#MyItemsLink'],
      views: {
        ...config.admin?.components?.views,
        myItems: { Component: '/workflow/admin/MyItemsView#MyItemsView', path: '/my-items' },
      },
    },
  },
})
