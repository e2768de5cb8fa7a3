import type { Payload, TaskConfig } from 'payload'

import { Messenger } from './messenger'
import { runQueueOnce } from './worker'
import { asSystem } from '../lib/system'

/**
 * The newsletter sender as a task of Payload's jobs queue (queue `newsletter`): one run sends every
 * campaign that is `sending` (and restarts ones whose preparation died) until it is done or paused.
 * The crash-safe ledger is unchanged: batches are claimed by compare-and-set with a lease, so several
 * workers running this task at once share a send and nobody is sent twice.
 */
export const NEWSLETTER_TASK = 'sendNewsletters'
export const NEWSLETTER_QUEUE = 'newsletter'

/** One SMTP pool per process, shared by the runs of the task; closed when the process stops working. */
let messenger: Messenger | null = null
export const sharedMessenger = (): Messenger => (messenger ??= new Messenger())
export function closeSharedMessenger(): void {
  messenger?.close()
  messenger = null
}

/** SIGTERM: runs of the task stop claiming batches; messages in flight finish and are recorded. */
const draining = new AbortController()
export const stopSending = (): void => draining.abort()

export const sendNewslettersTask: TaskConfig = {
  slug: NEWSLETTER_TASK,
  label: 'Send newsletters',
  outputSchema: [{ name: 'campaigns', type: 'number', required: true }],
  handler: async ({ req }) => {
    const results = await runQueueOnce(req.payload, sharedMessenger(), undefined, draining.signal)
    for (const r of results)
      console.log(
        `campaign ${r.status}${r.pausedReason ? ` (${r.pausedReason})` : ''}: sent ${r.sent}, failed ${r.failed}, skipped ${r.skipped}`,
      )
    return { output: { campaigns: results.length } }
  },
}

/**
 * Queue a send run when a campaign needs one and no run is waiting to start. A run in progress does
 * not count: another worker may join it (the ledger shares the batches), and a run whose worker died
 * must not hold the send up.
 */
export async function queueSendIfNeeded(payload: Payload): Promise<boolean> {
  const work = await payload.count({
    collection: 'campaigns',
    where: { status: { in: ['preparing', 'sending'] } },
    ...asSystem('newsletter'),
  })
  if (!work.totalDocs) return false
  const waiting = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: NEWSLETTER_TASK } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    ...asSystem('newsletter'),
  })
  if (waiting.totalDocs) return false
  await payload.jobs.queue({ task: NEWSLETTER_TASK as never, input: {} as never, queue: NEWSLETTER_QUEUE })
  return true
}
