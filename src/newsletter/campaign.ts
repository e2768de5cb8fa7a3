import type { Payload, Where } from 'payload'

import { eachRecipient, countRecipients } from './audience'
import { newsletterBatchSize } from '../env'
import { parseId } from '../lib/db'

import type { Campaign, Issue, Newsletter, Segment } from '../payload-types'
import { compareAndSet, makeOwnerId, ownerIsDead } from './cas'
import { type Id, type LedgerRecipient, reopenFailed, summarise } from './ledger'
import { messageIdFor } from './mime'
import { renderIssueEmail, type EmailFormatChoice, type RenderedEmail } from './render'
import { ensureFirstNewsletter, findNewsletter, newsletterForIssue } from './newsletters'
import { settingsForNewsletter } from './settings'
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

/** What a send goes to: a newsletter, or a segment of it. */
export type SendTarget = { newsletter: Newsletter; segment: Segment | null }

/** One campaign per (issue or translation, newsletter, segment): the unique key that makes starting it race-safe. */
export const campaignKey = (issueId: Id | string, target: SendTarget) =>
  `${issueId}:${target.newsletter.id}:${target.segment?.id ?? 'all'}`

/**
 * The target named by slugs: `segment` (of `newsletter` when both are given), else `newsletter`,
 * else the issue's publication's newsletter, else the first newsletter.
 */
export async function resolveTarget(
  payload: Payload,
  issue: Pick<Issue, 'publication'>,
  names: { newsletter?: string | null; segment?: string | null } = {},
): Promise<SendTarget | { error: string }> {
  const named = names.newsletter ? await findNewsletter(payload, names.newsletter) : null
  if (names.newsletter && !named) return { error: `no newsletter with slug ${names.newsletter}` }
  if (!names.segment)
    return { newsletter: named ?? (await newsletterForIssue(payload, issue.publication)), segment: null }
  const found = await payload.find({
    collection: 'segments',
    where: { slug: { equals: names.segment } },
    limit: 1,
    depth: 1,
    ...asSystem('newsletter'),
  })
  const segment = found.docs[0] as Segment | undefined
  if (!segment) return { error: `no segment with slug ${names.segment}` }
  const newsletter = segment.newsletter as Newsletter
  if (named && named.id !== newsletter.id)
    return { error: `segment ${names.segment} belongs to newsletter ${newsletter.slug}, not ${named.slug}` }
  return { newsletter, segment: { ...segment, newsletter: newsletter.id } }
}

export const findCampaign = async (payload: Payload, where: Where) =>
  ((
    await payload.find({
      collection: 'campaigns',
      where,
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      ...asSystem('newsletter'),
    })
  ).docs[0] as Campaign | undefined) ?? null

/**
 * The campaign of an issue to a target; without a target, the issue's latest campaign. A campaign
 * from before newsletters (no key) is the send to the first newsletter, whole.
 */
export async function campaignForIssue(payload: Payload, issueId: Id, target?: SendTarget): Promise<Campaign | null> {
  if (!target) return findCampaign(payload, { issue: { equals: issueId } })
  const found = await findCampaign(payload, { key: { equals: campaignKey(issueId, target) } })
  if (found || target.segment || (await ensureFirstNewsletter(payload)).id !== target.newsletter.id) return found
  return findCampaign(payload, { and: [{ issue: { equals: issueId } }, { key: { exists: false } }] })
}

/** The exact number of recipients a send to the target (default: the first newsletter) has now. */
export const countAudience = async (payload: Payload, target?: SendTarget) =>
  countRecipients(payload, {
    newsletter: (target?.newsletter ?? (await newsletterForIssue(payload, null))).id,
    segment: target?.segment,
  })

export type StartOptions = {
  userId?: Id
  format?: EmailFormatChoice
  batchSize?: number
  errorThreshold?: number
  /** Open and click tracking of this send (default: the newsletter's `tracking`). */
  tracking?: TrackingMode
  /** Default: the issue's newsletter (see resolveTarget), whole. */
  target?: SendTarget
}

/** What a campaign sends: an issue or a single translation, rendered once when the campaign starts. */
export type SendSubject = {
  /** The campaign's link to what it sends. */
  link: { issue: Id } | { translation: Id }
  /** First part of the campaign key (the issue id; `translation-<id>`). */
  keyPrefix: string
  /** The campaign of this subject to a target, if one exists. */
  find: (target: SendTarget) => Promise<Campaign | null>
  render: (settings: Awaited<ReturnType<typeof settingsForNewsletter>>) => Promise<RenderedEmail>
}

const issueSubject = (payload: Payload, issue: Issue, format?: EmailFormatChoice): SendSubject => ({
  link: { issue: issue.id },
  keyPrefix: String(issue.id),
  find: (target) => campaignForIssue(payload, issue.id, target),
  render: (settings) => renderIssueEmail(payload, issue.id, { format, settings }),
})

/**
 * Start (or find) the campaign of a published issue: render the email once, store it, and freeze
 * the audience (active subscribers now) into ledger batches. Safe to call again: an existing
 * campaign is returned as it is; one whose preparation died half-way is prepared again.
 */
export async function startCampaign(payload: Payload, issue: Issue, options: StartOptions = {}): Promise<Campaign> {
  if (issue._status !== 'published') throw new Error(`issue ${issue.slug} is not published: publish it before sending`)
  const target = options.target ?? ((await resolveTarget(payload, issue)) as SendTarget)
  return startSend(payload, issueSubject(payload, issue, options.format), target, options)
}

/** startCampaign for any subject (issues here, translations in ./translationSend.ts). */
export async function startSend(
  payload: Payload,
  subject: SendSubject,
  target: SendTarget,
  options: Omit<StartOptions, 'target' | 'format'> & { overrideReason?: string } = {},
): Promise<Campaign> {
  let campaign = await subject.find(target)
  const owner = makeOwnerId()
  if (!campaign) {
    const settings = await settingsForNewsletter(payload, target.newsletter)
    const rendered = await subject.render(settings)
    try {
      campaign = (await payload.create({
        collection: 'campaigns',
        ...asSystem('newsletter'),
        data: {
          ...(subject.link as { issue?: number; translation?: number }),
          newsletter: target.newsletter.id,
          segment: target.segment?.id ?? null,
          key: campaignKey(subject.keyPrefix, target),
          tracking: options.tracking ?? target.newsletter.tracking ?? 'off',
          subject: rendered.subject,
          status: 'preparing',
          format: rendered.format,
          htmlBytes: rendered.htmlBytes,
          html: rendered.html,
          text: rendered.text,
          batchSize: options.batchSize ?? defaultBatchSize(),
          errorThreshold: options.errorThreshold ?? 10,
          overrideReason: options.overrideReason ?? null,
          startedBy: options.userId as number | undefined,
          startedAt: new Date().toISOString(),
          claimedBy: owner,
          leaseUntil: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
        },
      })) as Campaign
    } catch {
      // Someone else created it at the same moment (unique key): use theirs.
      campaign = await subject.find(target)
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
  await freezeAudience(payload, campaign, target, owner)
  return (await payload.findByID({
    collection: 'campaigns',
    id: campaign.id,
    ...asSystem('newsletter'),
    depth: 0,
  })) as Campaign
}

/** Write the audience into batches (deterministic keys), then preparing → sending. */
async function freezeAudience(payload: Payload, campaign: Campaign, target: SendTarget, owner: string) {
  const settings = await settingsForNewsletter(payload, target.newsletter)
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
  for await (const s of eachRecipient(payload, { newsletter: target.newsletter.id, segment: target.segment })) {
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
