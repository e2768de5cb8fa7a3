import type { Payload } from 'payload'

import { newsletterWorkerIntervalMs, smtpUrl } from '../env'
import { resumeInterruptedSchedules } from '../newsletter/scheduleTask'
import { closeSharedMessenger, NEWSLETTER_QUEUE, queueSendIfNeeded, stopSending } from '../newsletter/task'
import { onShutdownSignal } from '../operations/shutdown'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * One pass of a worker: take over scheduled sends whose worker died, queue a newsletter send run if
 * a campaign needs one, then run the due jobs
 * (every queue, or one) — scheduled publishing, sends, whatever else is queued. Returns how many ran.
 */
export async function runJobsOnce(payload: Payload, queue?: string): Promise<number> {
  // A scheduled send whose worker died is not in any due job: take it over here.
  await resumeInterruptedSchedules(payload).catch((err: Error) => console.error('scheduled sends:', err.message))
  await queueSendIfNeeded(payload)
  const ran = await payload.jobs.run(queue ? { queue, limit: 20 } : { allQueues: true, limit: 20 })
  return Object.keys(ran?.jobStatus ?? {}).length
}

/**
 * `briefing worker [--once]`: run every queue until SIGINT/SIGTERM (or one pass). A signal drains:
 * no new jobs, sends stop claiming, messages in flight finish and are recorded, batches are released
 * (bounded by SHUTDOWN_TIMEOUT_SECONDS).
 */
export async function runWorker(payload: Payload, once: boolean): Promise<void> {
  let stop = false
  const removeListeners = onShutdownSignal(`worker ${process.pid}`, () => {
    stop = true
    stopSending()
  })
  console.log(`worker ${process.pid}: jobs of every queue (${smtpUrl() ? 'SMTP' : 'outbox'} transport)`)
  try {
    do {
      try {
        const count = await runJobsOnce(payload)
        if (count) console.log(`jobs: ran ${count} due job(s)`)
      } catch (err) {
        console.error('jobs:', (err as Error).message)
      }
      if (!once && !stop) await sleep(newsletterWorkerIntervalMs())
    } while (!once && !stop)
  } finally {
    removeListeners()
    closeSharedMessenger()
  }
}

let background: NodeJS.Timeout | null = null
let pass: Promise<void> = Promise.resolve()

/**
 * The web process's share of the work (unless NEWSLETTER_WORKER=external): newsletter sends, polled
 * every NEWSLETTER_WORKER_INTERVAL_MS. Scheduled publishing runs through Payload's autoRun there.
 */
export function startBackgroundJobs(
  getPayload: () => Promise<Payload>,
  intervalMs = newsletterWorkerIntervalMs(),
): () => void {
  if (background) return stopBackgroundJobs
  let busy = false
  background = setInterval(() => {
    if (busy) return
    busy = true
    pass = getPayload()
      .then((payload) => runJobsOnce(payload, NEWSLETTER_QUEUE))
      .then(
        () => undefined,
        (err: Error) => console.error('newsletter worker:', err.message),
      )
      .finally(() => (busy = false))
  }, intervalMs)
  background.unref()
  return stopBackgroundJobs
}

export function stopBackgroundJobs(): void {
  if (background) clearInterval(background)
  background = null
}

/** SIGTERM in the web process: no new passes, the send in progress stops claiming and finishes. */
export async function drainBackgroundJobs(): Promise<void> {
  stopBackgroundJobs()
  stopSending()
  await pass
  closeSharedMessenger()
}
