import type { CollectionConfig } from 'payload'

import { editorOrAuthor, editorAuthorOrAssignee, isStaff } from '../src/access'
import { notifyComment } from '../src/workflow/notify'
import { commentRules } from './hooks/commentRules'

/**
 * Review comments on items: threaded (a reply points to its thread's first comment), each
 * resolvable by the item's assignee or an editor. Staff read and write them; readers never see them.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  labels: { singular: 'Review comment', plural: 'Review comments' },
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'item', 'author', 'resolved', 'createdAt'],
    group: 'Workflow',
    description: 'Review comments on items; shown beside the item in its edit view and the composer.',
  },
  defaultSort: 'createdAt',
  access: { read: isStaff, create: isStaff, update: editorAuthorOrAssignee, delete: editorOrAuthor },
  hooks: { beforeChange: [commentRules], afterChange: [notifyComment] },
  fields: [
    { name: 'item', type: 'relationship', relationTo: 'items', required: true, index: true },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      maxLength: 5000,
      validate: (value: unknown) =>
        typeof value === 'string' && value.trim() ? true : 'Body: write something (at most 5,000 characters).',
    },
    { name: 'parent', type: 'relationship', relationTo: 'comments', index: true, label: 'In reply to' },
    { name: 'author', type: 'relationship', relationTo: 'users', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'resolved', type: 'checkbox', defaultValue: false, index: true, admin: { position: 'sidebar' } },
    { name: 'resolvedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'resolvedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
  ],
}
