import type { Payload } from 'payload'

import type { Campaign } from '../payload-types'
import { findIssue, startCampaign } from './campaign'
import { relationId } from '../lib/relations'
import { findTranslation, startTranslationCampaign } from './translationSend'
import { ownerIsDead } from './cas'
import type { Messenger } from './messenger'
import { CampaignRunner, type Progress, type RunResult } from './runner'
import { asSystem } from '../lib/system'

/**
 * The queue: campaigns in `sending` (and ones whose preparation died) are run until done or paused.
 * It runs as the `sendNewsletters` job task (task.ts), in `briefing worker` and, unless
 * NEWSLETTER_WORKER=external, in the web process. Several workers may run at once: batches are
 * claimed atomically.
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
    ...asSystem('newsletter'),
  })
  const results: RunResult[] = []
  for (let campaign of res.docs as Campaign[]) {
    if (signal?.aborted) break
    if (campaign.status === 'preparing') {
      const expired = campaign.leaseUntil ? Date.parse(campaign.leaseUntil) < Date.now() : true
      if (!ownerIsDead(campaign.claimedBy) && !expired) continue
      const restarted = await restartPreparing(payload, campaign)
      if (!restarted) continue
      campaign = restarted
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

/** Prepare again a campaign whose preparation died: of its issue, or of its translation. */
async function restartPreparing(payload: Payload, campaign: Campaign): Promise<Campaign | null> {
  const translationId = relationId(campaign.translation)
  if (translationId !== undefined) {
    const translation = await findTranslation(payload, translationId)
    return translation ? startTranslationCampaign(payload, translation) : null
  }
  const issue = await findIssue(payload, relationId(campaign.issue) ?? '')
  return issue ? startCampaign(payload, issue) : null
}
