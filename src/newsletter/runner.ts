import type { Payload } from 'payload'

import { newsletterRecordLingerMs } from '../env'

import type { Campaign } from '../payload-types'
import { refreshCounts, setCampaignStatus } from './campaign'
import { makeOwnerId } from './cas'
import { type Batch, type Id, type LedgerRecipient, type LedgerSummary, renewLease, summarise } from './ledger'
import { newsletterSendFailures, newsletterSends } from '../metrics'
import { type Messenger } from './messenger'
import { compileMessage, type CompiledMessage, personalise } from './mime'
import { LedgerRecorder, type Tracked } from './recorder'
import { type NewsletterSettings, recipientFor, settingsForCampaign } from './settings'
import { BatchStore, DepartedSubscribers } from './store'
import { asSystem } from '../lib/system'
import { sendHtml, trackingValues } from '../analytics/personal'

export type Progress = LedgerSummary & { rate: number; status: Campaign['status'] }
export type RunResult = Progress & { pausedReason?: string | null }

type Work = { t: Tracked; index: number }

/**
 * Runs one campaign (listmonk's manager, made crash-safe). A store hands out ledger batches into a
 * local queue, claimed ahead so no connection waits for a claim. One slot per SMTP connection takes
 * the next recipient and pushes its personalised copy of the once-rendered message through the
 * messenger; the recorder writes outcomes by group commit. The end of a slot's next message waits
 * for its previous outcome to be recorded, so at most `connections` messages are ever accepted but
 * unrecorded, and a crash repeats at most that many, each with its persisted Message-ID. Slots never
 * wait for one another: a slow or retried recipient holds only its own connection.
 */
export class CampaignRunner {
  private readonly owner = makeOwnerId()
  private stopping = false
  private counts!: LedgerSummary
  private startedAt = Date.now()
  private sentThisRun = 0
  private queue: Work[] = []
  private claiming: Promise<void> | null = null
  private exhausted = false
  private failure: unknown = null
  private store!: BatchStore
  private departed!: DepartedSubscribers
  private recorder!: LedgerRecorder

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
      ...asSystem('newsletter'),
      depth: 0,
    })) as Campaign
    this.counts = await summarise(payload, campaign.id)
    if (campaign.status !== 'sending')
      return { ...this.counts, rate: 0, status: campaign.status, pausedReason: campaign.pausedReason }
    const settings = await settingsForCampaign(payload, campaign)
    const message = compileMessage({
      campaignKey: String(campaign.id),
      subject: campaign.subject,
      html: sendHtml(campaign, settings.publicUrl),
      text: campaign.text ?? '',
      from: { name: settings.fromName, address: settings.fromAddress },
      replyTo: settings.replyTo,
      listId: settings.listId,
    })
    const connections = this.messenger.connections
    this.store = new BatchStore(payload, campaign.id, this.owner)
    this.departed = new DepartedSubscribers(payload, campaign.startedAt ?? campaign.createdAt)
    await this.departed.start()
    this.recorder = new LedgerRecorder(payload, this.owner, {
      lingerMs: newsletterRecordLingerMs(),
      flushAt: connections,
    })
    const watch = setInterval(() => void this.watchCampaign(campaign.id), 500)
    const report = setInterval(() => this.report(), 250)
    const heartbeat = setInterval(() => {
      for (const t of this.recorder.open()) void renewLease(payload, t.batch, this.owner).catch(() => undefined)
    }, 30_000)
    try {
      await Promise.all(
        Array.from({ length: connections }, () =>
          this.slot(campaign, settings, message).catch((err) => this.fail(err)),
        ),
      )
      // Batches claimed but not (fully) taken go back to `pending` with what they have.
      this.stop()
      await this.claiming
      this.queue = []
      this.recorder.abandon(this.recorder.open())
      await this.recorder.drain()
      if (this.failure) throw this.failure
    } finally {
      clearInterval(watch)
      clearInterval(report)
      clearInterval(heartbeat)
      this.departed.stop()
    }
    this.counts = await refreshCounts(payload, campaign.id)
    campaign = (await payload.findByID({
      collection: 'campaigns',
      id: campaign.id,
      ...asSystem('newsletter'),
      depth: 0,
    })) as Campaign
    if (campaign.status === 'sending' && this.counts.pending === 0 && this.counts.sending === 0) {
      await setCampaignStatus(payload, campaign.id, 'sending', 'completed')
      campaign.status = 'completed'
    }
    this.report(campaign.status)
    return { ...this.counts, rate: this.rate(), status: campaign.status, pausedReason: campaign.pausedReason }
  }

  /** Ask the slots to stop taking recipients (messages on the wire finish and are recorded). */
  stop(): void {
    this.stopping = true
  }

  private fail(err: unknown) {
    this.failure ??= err
    this.stop()
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
      if (doc && doc.status !== 'sending') this.stop()
    } catch {
      // the next tick tries again
    }
  }

  private async pause(campaign: Campaign, reason: string) {
    this.stop()
    await setCampaignStatus(this.payload, campaign.id, 'sending', 'paused', reason)
  }

  /**
   * One connection's loop: take a recipient and send it. The message's data may not end (so the
   * server cannot accept it) until the previous message of this slot is in the ledger: each slot has
   * at most one message accepted but unrecorded, and the ledger write overlaps the next transmission.
   */
  private async slot(campaign: Campaign, settings: NewsletterSettings, message: CompiledMessage) {
    const threshold = campaign.errorThreshold ?? 10
    let recorded: Promise<void> = Promise.resolve()
    try {
      for (;;) {
        const work = await this.take()
        if (!work) return
        const { t, index } = work
        const recipient = t.recipients[index]
        t.untaken--
        t.inFlight++
        this.counts.pending -= Math.min(this.counts.pending, 1)
        if (this.departed.has(recipient.id)) {
          // Unsubscribed (or bounced) since the audience was frozen: never transmitted.
          this.counts.skipped++
          const skipped = this.recorder.settle(t, index, { ...recipient, state: 'skipped' })
          recorded = Promise.all([recorded, skipped]).then(() => undefined)
          continue
        }
        this.counts.sending++
        const { outcome, pauseReason } = await this.sendOne(campaign, recipient, settings, message, recorded)
        this.counts.sending--
        if (outcome.state === 'sent') {
          newsletterSends.inc()
          this.counts.sent++
          this.sentThisRun++
        } else if (outcome.state === 'failed') this.counts.failed++
        else this.counts.pending++
        recorded = this.recorder.settle(t, index, outcome)
        if (outcome.state === 'failed') {
          newsletterSendFailures.inc()
          await this.markBounce(outcome)
          if (threshold > 0 && this.counts.failed >= threshold)
            await this.pause(campaign, `${this.counts.failed} recipients failed (threshold ${threshold})`)
        } else if (pauseReason) {
          await this.pause(campaign, pauseReason)
        }
      }
    } finally {
      await recorded
    }
  }

  /** The next recipient, keeping about one pool's worth claimed ahead. */
  private async take(): Promise<Work | null> {
    for (;;) {
      if (this.stopping) return null
      if (this.queue.length <= this.messenger.connections && !this.exhausted) this.claimAhead()
      const work = this.queue.shift()
      if (work) return work
      if (!this.claiming) return null
      await this.claiming
    }
  }

  private claimAhead() {
    this.claiming ??= this.store
      .claimNext()
      .then((claimed) => (claimed ? this.enqueue(claimed) : void (this.exhausted = true)))
      .catch((err) => this.fail(err))
      .finally(() => (this.claiming = null))
  }

  private enqueue(batch: Batch) {
    const t = this.recorder.track(batch)
    t.recipients.forEach((r, index) => {
      if (r.state !== 'pending') return
      t.untaken++
      this.queue.push({ t, index })
    })
    if (t.untaken === 0) this.recorder.touch(t)
  }

  /** One recipient through the messenger; a recipient left pending says why the campaign pauses. */
  private async sendOne(
    campaign: Campaign,
    r: LedgerRecipient,
    settings: NewsletterSettings,
    message: CompiledMessage,
    gate: Promise<void>,
  ): Promise<{ outcome: LedgerRecipient; pauseReason?: string }> {
    const recipient = recipientFor(settings, r, r.messageId)
    Object.assign(recipient.values, trackingValues(campaign, r))
    const raw = personalise(message, recipient)
    const sent = await this.messenger.send(settings.fromAddress, r.email, raw, r.messageId, gate)
    if (sent.kind === 'sent') return { outcome: { ...r, state: 'sent', code: undefined, error: undefined } }
    if (sent.kind === 'failed') {
      const error = `${sent.hardBounce ? 'hard bounce: ' : ''}${sent.message}`
      return { outcome: { ...r, state: 'failed', code: sent.code, error } }
    }
    if (sent.kind === 'unreachable')
      return { outcome: { ...r, state: 'pending', code: undefined, error: sent.message }, pauseReason: sent.message }
    return {
      outcome: { ...r, state: 'pending', code: sent.code, error: sent.message },
      pauseReason: `SMTP kept failing temporarily (${sent.message || 'no answer'})`,
    }
  }

  private async markBounce(r: LedgerRecipient) {
    if (!r.error?.startsWith('hard bounce')) return
    await this.payload.update({
      collection: 'subscribers',
      id: r.id,
      data: { status: 'bounced', bounceReason: r.error.slice(0, 200) },
      ...asSystem('newsletter'),
    })
  }
}
