import type { Payload } from 'payload'

import type { Campaign } from '../payload-types'
import { findIssue, startCampaign } from './campaign'
import { ownerIsDead } from './cas'
import { Messenger } from './messenger'
import { CampaignRunner, type Progress, type RunResult } from './runner'

/**
 * The queue: campaigns in `sending` (and ones whose preparation died) are run until done or paused.
 * `briefing worker` runs it in its own process; the web server runs it too unless
 * NEWSLETTER_WORKER=external. Several workers may run at once: batches are claimed atomically.
 */
export async function runQueueOnce(
  payload: Payload,
  messenger: Messenger,
  onProgress?: (c: Campaign, p: Progress) => void,
  signal?: AbortSignal,
): Promise<RunResult[]> {
  const res = await payload.find({
    collection: 'campaigns',
    where: { status: { in: ['preparing', 'sending'] } },
    sort: 'createdAt',
    limit: 20,
    depth: 0,
    overrideAccess: true,
  })
  const results: RunResult[] = []
  for (let campaign of res.docs as Campaign[]) {
    if (signal?.aborted) break
    if (campaign.status === 'preparing') {
      const expired = campaign.leaseUntil ? Date.parse(campaign.leaseUntil) < Date.now() : true
      if (!ownerIsDead(campaign.claimedBy) && !expired) continue
      const issue = await findIssue(payload, typeof campaign.issue === 'object' ? campaign.issue.id : campaign.issue)
      if (!issue) continue
      campaign = await startCampaign(payload, issue)
    }
    if (campaign.status !== 'sending') continue
    const runner = new CampaignRunner(payload, messenger, (p) => onProgress?.(campaign, p))
    // Draining (SIGTERM): stop claiming; messages in flight finish, claimed batches are released.
    const stop = () => runner.stop()
    signal?.addEventListener('abort', stop)
    results.push(await runner.run(campaign.id).finally(() => signal?.removeEventListener('abort', stop)))
  }
  return results
}

let background: NodeJS.Timeout | null = null

/** Poll the queue inside this process (web server). */
export function startBackgroundWorker(
  intervalMs = Number(process.env.NEWSLETTER_WORKER_INTERVAL_MS ?? 3000),
): () => void {
  if (background) return stopBackgroundWorker
  let busy = false
  let messenger: Messenger | null = null
  background = setInterval(async () => {
    if (busy) return
    busy = true
    try {
      const { getBriefingPayload } = await import('../lib/payload')
      const payload = await getBriefingPayload()
      messenger ??= new Messenger()
      await runQueueOnce(payload, messenger)
    } catch (err) {
      console.error('newsletter worker:', (err as Error).message)
    } finally {
      busy = false
    }
  }, intervalMs)
  background.unref()
  return stopBackgroundWorker
}

export function stopBackgroundWorker(): void {
  if (background) clearInterval(background)
  background = null
}
