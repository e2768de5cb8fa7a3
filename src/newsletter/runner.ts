import type { Payload } from 'payload'

import type { Campaign } from '../payload-types'
import { refreshCounts, setCampaignStatus } from './campaign'
import { makeOwnerId } from './cas'
import {
  type Batch,
  claimBatch,
  type Id,
  type LedgerRecipient,
  type LedgerSummary,
  orphanedBatches,
  pendingBatchIds,
  reclaimBatch,
  recordBatch,
  releaseBatch,
  renewLease,
  summarise,
} from './ledger'
import { type Messenger } from './messenger'
import { compileMessage, type CompiledMessage, formatAddress, personalise } from './mime'
import {
  loadNewsletterSettings,
  type NewsletterSettings,
  preferencesUrl,
  unsubscribeMailto,
  unsubscribeUrl,
} from './settings'
import { unsubscribeToken } from './tokens'

export type Progress = LedgerSummary & { rate: number; status: Campaign['status'] }
export type RunResult = Progress & { pausedReason?: string | null }

/**
 * Runs one campaign: a store hands out ledger batches (atomic claims), the messenger pushes each
 * recipient's personalised copy of the once-rendered message, and every batch is recorded before its
 * slot is reused. At most `connections` recipients are ever `sending`, so a crash repeats at most that
 * many messages, each with its persisted Message-ID.
 */
export class CampaignRunner {
  private readonly owner = makeOwnerId()
  private stopping: string | null = null
  private candidates: Id[] = []
  private refill: Promise<void> | null = null
  private counts!: LedgerSummary
  private startedAt = Date.now()
  private sentThisRun = 0
  private prefetch = false
  private readonly onTheWire = new Map<string, Batch>()

  constructor(
    private readonly payload: Payload,
    private readonly messenger: Messenger,
    private readonly onProgress?: (p: Progress) => void,
  ) {}

  async run(campaignId: Id): Promise<RunResult> {
    const { payload } = this
    let campaign = (await payload.findByID({
      collection: 'campaigns',
      id: campaignId,
      overrideAccess: true,
      depth: 0,
    })) as Campaign
    this.counts = await summarise(payload, campaign.id)
    if (campaign.status !== 'sending')
      return { ...this.counts, rate: 0, status: campaign.status, pausedReason: campaign.pausedReason }
    const settings = await loadNewsletterSettings(payload)
    const message = compileMessage({
      campaignKey: String(campaign.id),
      subject: campaign.subject,
      html: campaign.html ?? '',
      text: campaign.text ?? '',
      from: { name: settings.fromName, address: settings.fromAddress },
      replyTo: settings.replyTo,
      listId: settings.listId,
    })
    const batchSize = Math.max(1, campaign.batchSize ?? 5)
    // Rows in `sending` never exceed the connections: each lane holds one batch on the wire and,
    // when there is room, claims its next batch ahead (claimed, not yet transmitted).
    const connections = this.messenger.connections
    this.prefetch = connections >= 2 * batchSize
    const lanes = Math.max(1, Math.floor(connections / (this.prefetch ? 2 * batchSize : batchSize)))
    const watch = setInterval(() => void this.watchCampaign(campaign.id), 500)
    const report = setInterval(() => this.report(), 250)
    const heartbeat = setInterval(() => {
      for (const batch of this.onTheWire.values())
        void renewLease(this.payload, batch, this.owner).catch(() => undefined)
    }, 30_000)
    try {
      await Promise.all(Array.from({ length: lanes }, () => this.lane(campaign, settings, message)))
    } finally {
      clearInterval(watch)
      clearInterval(report)
      clearInterval(heartbeat)
    }
    this.counts = await refreshCounts(payload, campaign.id)
    campaign = (await payload.findByID({
      collection: 'campaigns',
      id: campaign.id,
      overrideAccess: true,
      depth: 0,
    })) as Campaign
    if (campaign.status === 'sending' && this.counts.pending === 0 && this.counts.sending === 0) {
      await setCampaignStatus(payload, campaign.id, 'sending', 'completed')
      campaign.status = 'completed'
    }
    this.report(campaign.status)
    return { ...this.counts, rate: this.rate(), status: campaign.status, pausedReason: campaign.pausedReason }
  }

  /** Ask the lanes to stop claiming (in-flight batches finish and are recorded). */
  stop(reason = 'stopped'): void {
    this.stopping ??= reason
  }

  private rate() {
    const seconds = (Date.now() - this.startedAt) / 1000
    return seconds > 0 ? this.sentThisRun / seconds : 0
  }

  private report(status: Campaign['status'] = 'sending') {
    this.onProgress?.({ ...this.counts, rate: this.rate(), status })
  }

  private async watchCampaign(id: Id) {
    try {
      const doc = (await this.payload.db.findOne({
        collection: 'campaigns',
        where: { id: { equals: id } },
        select: { status: true },
      })) as {
        status?: string
      } | null
      if (doc && doc.status !== 'sending') this.stop(`campaign is ${String(doc.status)}`)
    } catch {
      // the next tick tries again
    }
  }

  private async pause(campaign: Campaign, reason: string) {
    this.stop(reason)
    await setCampaignStatus(this.payload, campaign.id, 'sending', 'paused', reason)
  }

  private async nextBatch(campaignId: Id): Promise<Batch | null> {
    for (;;) {
      if (this.stopping) return null
      const id = this.candidates.shift()
      if (id !== undefined) {
        const batch = await claimBatch(this.payload, id, this.owner)
        if (batch) return batch
        continue
      }
      this.refill ??= pendingBatchIds(this.payload, campaignId).then((ids) => {
        this.candidates.push(...ids)
        this.refill = null
      })
      await this.refill
      if (this.candidates.length) continue
      // Nothing pending: take over batches a dead sender left in flight (same Message-IDs).
      for (const orphan of await orphanedBatches(this.payload, campaignId)) {
        const batch = await reclaimBatch(this.payload, orphan, this.owner)
        if (batch) return batch
      }
      return null
    }
  }

  private async lane(campaign: Campaign, settings: NewsletterSettings, message: CompiledMessage) {
    // With prefetch, the next batch is claimed while the current one is on the wire. A claimed batch
    // that was never transmitted cannot produce a repeat after a crash; it is simply sent then.
    let upcoming: Promise<Batch | null> | null = this.nextBatch(campaign.id)
    for (;;) {
      const batch: Batch | null = await (upcoming ?? this.nextBatch(campaign.id))
      if (!batch) return
      if (this.stopping) {
        await releaseBatch(this.payload, batch, this.owner)
        return
      }
      upcoming = this.prefetch ? this.nextBatch(campaign.id) : null
      const pendingBefore = batch.recipients.filter((r) => r.state === 'pending').length
      this.counts.pending -= Math.min(this.counts.pending, pendingBefore)
      this.counts.sending += pendingBefore
      this.onTheWire.set(String(batch.id), batch)
      const recipients = await this.sendBatch(batch, settings, message)
      const next = await recordBatch(this.payload, batch, this.owner, recipients).finally(() =>
        this.onTheWire.delete(String(batch.id)),
      )
      this.counts.sending -= pendingBefore
      let failedNow = 0
      let deferred: LedgerRecipient | undefined
      for (const r of recipients) {
        const before = batch.recipients.find((b) => String(b.id) === String(r.id))
        if (before?.state !== 'pending') continue
        if (r.state === 'sent') {
          this.counts.sent++
          this.sentThisRun++
        } else if (r.state === 'failed') {
          this.counts.failed++
          failedNow++
        } else if (r.state === 'skipped') this.counts.skipped++
        else {
          this.counts.pending++
          deferred ??= r
        }
      }
      if (failedNow) await this.markBounces(recipients.filter((r) => r.state === 'failed'))
      if (next === 'pending' && deferred)
        await this.pause(campaign, `SMTP kept failing temporarily (${deferred.error ?? 'no answer'})`)
      const threshold = campaign.errorThreshold ?? 10
      if (failedNow && threshold > 0 && this.counts.failed >= threshold) {
        await this.pause(campaign, `${this.counts.failed} recipients failed (threshold ${threshold})`)
      }
    }
  }

  /** Send every still-pending recipient of a batch concurrently; returns their new states. */
  private async sendBatch(
    batch: Batch,
    settings: NewsletterSettings,
    message: CompiledMessage,
  ): Promise<LedgerRecipient[]> {
    const pendingIds = batch.recipients.filter((r) => r.state === 'pending').map((r) => r.id)
    const active = await this.payload.db.find({
      collection: 'subscribers',
      where: { and: [{ id: { in: pendingIds } }, { status: { equals: 'active' } }] },
      limit: 0,
      pagination: false,
      select: { status: true },
    })
    const stillActive = new Set(active.docs.map((d) => String(d.id)))
    const envelopeFrom = settings.fromAddress
    return Promise.all(
      batch.recipients.map(async (r): Promise<LedgerRecipient> => {
        if (r.state !== 'pending') return r
        if (!stillActive.has(String(r.id))) return { ...r, state: 'skipped' }
        const token = unsubscribeToken({ id: r.id, email: r.email })
        const unsubscribe = unsubscribeUrl(settings, token)
        const raw = personalise(message, {
          email: r.email,
          name: r.name,
          messageId: r.messageId,
          unsubscribeUrl: unsubscribe,
          unsubscribeMailto: unsubscribeMailto(settings, token),
          values: {
            unsubscribe_url: unsubscribe,
            preferences_url: preferencesUrl(settings, token),
            email: r.email,
            name: r.name ?? '',
            recipient: formatAddress(r.name, r.email),
          },
        })
        const outcome = await this.messenger.send(envelopeFrom, r.email, raw)
        if (outcome.kind === 'sent') return { ...r, state: 'sent', code: undefined, error: undefined }
        if (outcome.kind === 'failed')
          return {
            ...r,
            state: 'failed',
            code: outcome.code,
            error: `${outcome.hardBounce ? 'hard bounce: ' : ''}${outcome.message}`,
          }
        return { ...r, state: 'pending', code: outcome.code, error: outcome.message }
      }),
    )
  }

  private async markBounces(failed: LedgerRecipient[]) {
    for (const r of failed) {
      if (!r.error?.startsWith('hard bounce')) continue
      await this.payload.update({
        collection: 'subscribers',
        id: r.id,
        data: { status: 'bounced', bounceReason: r.error.slice(0, 200) },
        overrideAccess: true,
      })
    }
  }
}
