import type { Payload } from 'payload'

import { type Batch, claimBatch, type Id, orphanedBatches, pendingBatchIds, reclaimBatch } from './ledger'

/**
 * Who left the audience since it was frozen: subscribers whose status changed away from `active`
 * after the campaign started (one small query, refreshed every second while sending, instead of a
 * query per batch). Every status change goes through Payload, which stamps `updatedAt`.
 */
export class DepartedSubscribers {
  private departed = new Set<string>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly payload: Payload,
    private readonly since: string,
  ) {}

  has(id: Id): boolean {
    return this.departed.has(String(id))
  }

  async refresh(): Promise<void> {
    const res = await this.payload.db.find({
      collection: 'subscribers',
      where: { and: [{ status: { not_equals: 'active' } }, { updatedAt: { greater_than_equal: this.since } }] },
      limit: 0,
      pagination: false,
      select: { status: true },
    })
    this.departed = new Set(res.docs.map((d) => String(d.id)))
  }

  async start(everyMs = 1000): Promise<void> {
    await this.refresh()
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), everyMs)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}

/**
 * The store side of the pipeline: hands out the campaign's next ledger batch, claimed atomically
 * (`pending → sending`), or, once nothing is pending, a batch a dead sender left `sending` (it keeps
 * its Message-IDs). Returns null when there is nothing left to claim.
 */
export class BatchStore {
  private candidates: Id[] = []
  private refill: Promise<void> | null = null

  constructor(
    private readonly payload: Payload,
    private readonly campaignId: Id,
    private readonly owner: string,
  ) {}

  async claimNext(): Promise<Batch | null> {
    for (;;) {
      const id = this.candidates.shift()
      if (id !== undefined) {
        const batch = await claimBatch(this.payload, id, this.owner)
        if (batch) return batch
        continue
      }
      this.refill ??= pendingBatchIds(this.payload, this.campaignId).then((ids) => {
        this.candidates.push(...ids)
        this.refill = null
      })
      await this.refill
      if (this.candidates.length) continue
      // Nothing pending: take over batches a dead sender left in flight (same Message-IDs).
      for (const orphan of await orphanedBatches(this.payload, this.campaignId)) {
        const batch = await reclaimBatch(this.payload, orphan, this.owner)
        if (batch) return batch
      }
      return null
    }
  }
}
