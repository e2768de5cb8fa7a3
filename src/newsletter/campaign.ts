import type { Payload } from 'payload'

import { eachSubscriber } from './eachSubscriber'
import { newsletterBatchSize } from '../env'
import { parseId } from '../lib/db'

import type { Campaign, Issue } from '../payload-types'
import { compareAndSet, makeOwnerId, ownerIsDead } from './cas'
import { type Id, type LedgerRecipient, reopenFailed, summarise } from './ledger'
import { messageIdFor } from './mime'
import { renderIssueEmail, type EmailFormatChoice } from './render'
import { loadNewsletterSettings } from './settings'
import { asSystem } from '../lib/system'
import type { TrackingMode } from '../analytics/mode'

/**
 * Recipients per ledger batch. The runner's connections take recipients one by one from whatever
 * batches it holds, so the size only sets how often a batch is claimed and closed (two ledger writes
 * each); outcomes in between are saved by group commit. NEWSLETTER_BATCH_SIZE overrides it.
 */
export const defaultBatchSize = (): number => newsletterBatchSize()

export async function findIssue(payload: Payload, slugOrId: string | Id): Promise<Issue | null> {
  const id = parseId(payload, slugOrId)
  const res = await payload.find({
    collection: 'issues',
    where: {
      or: [{ slug: { equals: String(slugOrId) } }, ...(id === undefined ? [] : [{ id: { equals: id } }])],
    },
    limit: 1,
    depth: 0,
    ...asSystem('newsletter'),
    joins: false,
  })
  return (res.docs[0] as Issue | undefined) ?? null
}

export async function campaignForIssue(payload: Payload, issueId: Id): Promise<Campaign | null> {
  const res = await payload.find({
    collection: 'campaigns',
    where: { issue: { equals: issueId } },
    limit: 1,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return (res.docs[0] as Campaign | undefined) ?? null
}

export const countAudience = async (payload: Payload) =>
  (
    await payload.count({
      collection: 'subscribers',
      where: { status: { equals: 'active' } },
      ...asSystem('newsletter'),
    })
  ).totalDocs

export type StartOptions = {
  userId?: Id
  format?: EmailFormatChoice
  batchSize?: number
  errorThreshold?: number
  /** Open and click tracking of this send (default `off`). */
  tracking?: TrackingMode
}

/**
 * Start (or find) the campaign of a published issue: render the email once, store it, and freeze
 * the audience (active subscribers now) into ledger batches. Safe to call again: an existing
 * campaign is returned as it is; one whose preparation died half-way is prepared again.
 */
export async function startCampaign(payload: Payload, issue: Issue, options: StartOptions = {}): Promise<Campaign> {
  if (issue._status !== 'published') throw new Error(`issue ${issue.slug} is not published: publish it before sending`)
  let campaign = await campaignForIssue(payload, issue.id)
  const owner = makeOwnerId()
  if (!campaign) {
    const rendered = await renderIssueEmail(payload, issue.id, { format: options.format })
    try {
      campaign = (await payload.create({
        collection: 'campaigns',
        ...asSystem('newsletter'),
        data: {
          issue: issue.id,
          subject: rendered.subject,
          status: 'preparing',
          format: rendered.format,
          htmlBytes: rendered.htmlBytes,
          html: rendered.html,
          text: rendered.text,
          batchSize: options.batchSize ?? defaultBatchSize(),
          errorThreshold: options.errorThreshold ?? 10,
          tracking: options.tracking ?? 'off',
          startedBy: options.userId as number | undefined,
          startedAt: new Date().toISOString(),
          claimedBy: owner,
          leaseUntil: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
        },
      })) as Campaign
    } catch {
      // Someone else created it at the same moment (unique issue): use theirs.
      campaign = await campaignForIssue(payload, issue.id)
      if (!campaign) throw new Error('could not create the campaign')
      return campaign
    }
  } else if (campaign.status === 'preparing') {
    const expired = campaign.leaseUntil ? Date.parse(campaign.leaseUntil) < Date.now() : true
    if (!ownerIsDead(campaign.claimedBy) && !expired) return campaign
    const won = await compareAndSet(
      payload,
      'campaigns',
      campaign.id,
      { status: 'preparing', claimedBy: campaign.claimedBy ?? null },
      { claimedBy: owner },
    )
    if (!won)
      return (await payload.findByID({
        collection: 'campaigns',
        id: campaign.id,
        ...asSystem('newsletter'),
      })) as Campaign
  } else {
    return campaign
  }
  await freezeAudience(payload, campaign, owner)
  return (await payload.findByID({
    collection: 'campaigns',
    id: campaign.id,
    ...asSystem('newsletter'),
    depth: 0,
  })) as Campaign
}

/** Write the audience into batches (deterministic keys), then preparing → sending. */
async function freezeAudience(payload: Payload, campaign: Campaign, owner: string): Promise<void> {
  const settings = await loadNewsletterSettings(payload)
  const domain = settings.fromAddress.split('@')[1] ?? 'localhost'
  const batchSize = Math.max(1, campaign.batchSize ?? defaultBatchSize())
  await payload.db.deleteMany({ collection: 'delivery-batches', where: { campaign: { equals: campaign.id } } })
  let position = 0
  let total = 0
  let chunk: LedgerRecipient[] = []
  const flush = async () => {
    if (!chunk.length) return
    await payload.db.create({
      collection: 'delivery-batches',
      data: {
        key: `${campaign.id}:${position}`,
        campaign: campaign.id,
        position,
        state: 'pending',
        recipients: chunk,
        attempts: 0,
      },
    })
    position++
    chunk = []
  }
  for await (const s of eachSubscriber(
    payload,
    { email: true, name: true, trackingOptOut: true },
    { status: { equals: 'active' } },
  )) {
    chunk.push({
      id: s.id,
      email: s.email,
      name: s.name ?? null,
      ...(s.trackingOptOut ? { noTrack: true } : {}),
      messageId: messageIdFor(campaign.id, s.id, domain),
      state: 'pending',
    })
    total++
    if (chunk.length >= batchSize) await flush()
  }
  await flush()
  const won = await compareAndSet(
    payload,
    'campaigns',
    campaign.id,
    { status: 'preparing', claimedBy: owner },
    { status: 'sending', total, claimedBy: null, leaseUntil: null },
  )
  if (!won) throw new Error('another process took over preparing this campaign')
}

export async function setCampaignStatus(
  payload: Payload,
  id: Id,
  from: Campaign['status'],
  to: Campaign['status'],
  reason?: string,
) {
  return compareAndSet(
    payload,
    'campaigns',
    id,
    { status: from },
    {
      status: to,
      pausedReason: reason ?? null,
      ...(to === 'completed' ? { completedAt: new Date().toISOString() } : {}),
    },
  )
}

/** Store the ledger counts on the campaign (for lists and progress). */
export async function refreshCounts(payload: Payload, id: Id) {
  const summary = await summarise(payload, id)
  await payload.db.updateOne({
    collection: 'campaigns',
    id,
    data: { sent: summary.sent, failed: summary.failed, skipped: summary.skipped, total: summary.total },
  })
  return summary
}

/** The one action that retries only the failed recipients: reopen them and resume the campaign. */
export async function retryFailed(payload: Payload, campaign: Campaign): Promise<number> {
  const reopened = await reopenFailed(payload, campaign.id, campaign.status !== 'sending')
  if (campaign.status === 'completed' || campaign.status === 'paused')
    await setCampaignStatus(payload, campaign.id, campaign.status, 'sending')
  return reopened
}

/** Resume a paused campaign (after fixing whatever paused it). */
export const resumeCampaign = (payload: Payload, campaign: Campaign) =>
  campaign.status === 'paused' ? setCampaignStatus(payload, campaign.id, 'paused', 'sending') : Promise.resolve(false)
