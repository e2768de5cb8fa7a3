import type { Payload, TaskConfig } from 'payload'

import { notificationDigestCron } from '../env'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'

export const DIGEST_TASK = 'sendNotificationDigest'

/**
 * One digest run: every user with pending notifications gets one email listing them, and those
 * notifications are marked sent. A failed send leaves that user's notifications pending for the next run.
 */
export async function sendDigests(payload: Payload): Promise<number> {
  const pending = await payload.find({
    collection: 'pending-notifications',
    where: { sentAt: { exists: false } },
    sort: 'createdAt',
    depth: 1,
    limit: 5000,
    pagination: false,
    ...asSystem('notifications'),
  })
  const byUser = new Map<string, typeof pending.docs>()
  for (const doc of pending.docs) {
    const key = String(relationId(doc.user))
    byUser.set(key, [...(byUser.get(key) ?? []), doc])
  }
  let sent = 0
  for (const docs of byUser.values()) {
    const user = docs[0].user
    if (typeof user !== 'object' || !user?.email) continue
    const text = docs.map((d) => `• ${d.subject}\n\n${d.text}`).join('\n---\n\n')
    try {
      await payload.sendEmail({
        to: user.email,
        subject: `Briefing: ${docs.length} update${docs.length === 1 ? '' : 's'}`,
        text: `Your workflow notifications since the last digest:\n\n${text}`,
      })
    } catch (err) {
      payload.logger.error({ err }, `workflow digest: could not send to ${user.email}: ${(err as Error).message}`)
      continue
    }
    await payload.update({
      collection: 'pending-notifications',
      where: { id: { in: docs.map((d) => d.id) } },
      data: { sentAt: new Date().toISOString() },
      ...asSystem('notifications'),
    })
    sent++
  }
  return sent
}

/** The daily digest as a job task, scheduled by NOTIFICATION_DIGEST_CRON on the default queue. */
export const digestTask: TaskConfig = {
  slug: DIGEST_TASK,
  label: 'Send notification digests',
  outputSchema: [{ name: 'digests', type: 'number', required: true }],
  schedule: [{ cron: notificationDigestCron(), queue: 'default' }],
  handler: async ({ req }) => ({ output: { digests: await sendDigests(req.payload) } }),
}
