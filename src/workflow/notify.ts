import type { CollectionAfterChangeHook, Payload, PayloadRequest } from 'payload'

import { publicUrl } from '../env'
import { afterCommit } from '../lib/afterCommit'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'
import { statusLabel } from './status'

type Id = number | string
export type Notice = { subject: string; text: string }

const itemLink = (id: Id) => `${publicUrl()}/admin/collections/items/${id}`

/** The editor of an item's issue: whoever last changed the issue, when they are an editor or admin. */
async function issueEditor(payload: Payload, issue: unknown): Promise<Id | undefined> {
  const id = relationId(issue)
  if (id === undefined) return undefined
  const found = await payload.findByID({
    collection: 'issues',
    id,
    depth: 1,
    draft: true,
    disableErrors: true,
    ...asSystem('notifications'),
  })
  const editor = found?.updatedBy
  return typeof editor === 'object' && editor && ['admin', 'editor'].includes(editor.role ?? '') ? editor.id : undefined
}

/** Send (or keep for the digest) one notice to each user, by their preference. Never throws. */
export async function deliver(payload: Payload, userIds: Id[], notice: Notice): Promise<void> {
  for (const id of new Set(userIds.map(String))) {
    try {
      const user = await payload.findByID({
        collection: 'users',
        id,
        depth: 0,
        disableErrors: true,
        ...asSystem('notifications'),
      })
      const choice = user?.notifications ?? 'immediate'
      if (!user || choice === 'off') continue
      if (choice === 'daily')
        await payload.create({
          collection: 'pending-notifications',
          data: { user: user.id, ...notice },
          ...asSystem('notifications'),
        })
      else await payload.sendEmail({ to: user.email, subject: notice.subject, text: notice.text })
    } catch (err) {
      payload.logger.error({ err, user: id }, `workflow: could not notify user ${id}: ${(err as Error).message}`)
    }
  }
}

/**
 * After the save commits (never inside it, never failing it), find the recipients and deliver the
 * notice to each but the person who made the change.
 */
export function notifyAfterCommit(
  req: PayloadRequest,
  recipients: (payload: Payload) => Promise<Array<Id | undefined>>,
  notice: Notice,
): void {
  const actor = req.user ? String(req.user.id) : undefined
  const payload = req.payload
  afterCommit(req, () => {
    void recipients(payload)
      .then((ids) =>
        deliver(
          payload,
          ids.filter((id): id is Id => id !== undefined && String(id) !== actor),
          notice,
        ),
      )
      .catch((err) => payload.logger.error({ err }, `workflow: notification failed: ${(err as Error).message}`))
  })
}

/** Items: the new assignee hears of the assignment; the assignee and the issue's editor of a status change. */
export const notifyItemChange: CollectionAfterChangeHook = ({ doc, previousDoc, req, context }) => {
  if (!req.user || context?.skipNotifications) return doc
  const title = String(doc.title ?? `Item ${doc.id}`)
  const link = itemLink(doc.id)
  const assignee = relationId(doc.assignee)
  const changedBy = req.user.email ?? 'someone'
  if (assignee !== undefined && String(assignee) !== String(relationId(previousDoc?.assignee))) {
    notifyAfterCommit(req, async () => [assignee], {
      subject: `Assigned to you: ${title}`,
      text: `${changedBy} assigned “${title}” to you.\n\n${link}\n`,
    })
  }
  const [from, to] = [previousDoc?.status ?? 'unassigned', doc.status ?? 'unassigned']
  const automatic = [from, to].every((s) => s === 'unassigned' || s === 'assigned')
  if (from !== to && !automatic) {
    notifyAfterCommit(req, async (payload) => [assignee, await issueEditor(payload, doc.issue)], {
      subject: `${title}: ${statusLabel(from)} → ${statusLabel(to)}`,
      text: `${changedBy} moved “${title}” from ${statusLabel(from)} to ${statusLabel(to)}.\n\n${link}\n`,
    })
  }
  return doc
}

/** Comments: the item's assignee and its issue's editor hear of a new comment. */
export const notifyComment: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  if (operation !== 'create' || !req.user) return doc
  const itemId = relationId(doc.item)
  if (itemId === undefined) return doc
  const author = req.user.email ?? 'someone'
  const payload = req.payload
  afterCommit(req, () => {
    void (async () => {
      const item = await payload.findByID({
        collection: 'items',
        id: itemId,
        depth: 0,
        draft: true,
        disableErrors: true,
        ...asSystem('notifications'),
      })
      if (!item) return
      const title = item.title ?? `Item ${item.id}`
      const ids = [relationId(item.assignee), await issueEditor(payload, item.issue)]
      await deliver(
        payload,
        ids.filter((id): id is Id => id !== undefined && String(id) !== String(req.user?.id)),
        {
          subject: `New comment on ${title}`,
          text: `${author} commented on “${title}”:\n\n${doc.body}\n\n${itemLink(item.id)}\n`,
        },
      )
    })().catch((err) => payload.logger.error({ err }, `workflow: notification failed: ${(err as Error).message}`))
  })
  return doc
}
