import type { Payload } from 'payload'

import { type Batch, checkpointBatch, type LedgerRecipient, recordBatch } from './ledger'

/** A claimed batch while this runner works on it. */
export type Tracked = {
  batch: Batch
  /** Current outcomes, in the batch's order (`pending` until sent, failed, skipped or deferred). */
  recipients: LedgerRecipient[]
  /** Recipients queued but not yet handed to a connection. */
  untaken: number
  /** Recipients on a connection right now. */
  inFlight: number
  dirty: boolean
}

type Waiter = { resolve: () => void; reject: (err: unknown) => void }

export type RecorderOptions = {
  /** Longest wait before outcomes are written (they are written at once when `flushAt` are waiting). */
  lingerMs: number
  flushAt: number
}

/**
 * Writes outcomes to the ledger by group commit. A connection that finished a message waits here
 * until the outcome is in the ledger before it takes the next recipient, so recipients transmitted
 * but not recorded never exceed the connections, while a write covers whatever finished meanwhile
 * (one compare-and-set per batch touched, not per message). A batch whose recipients all have an
 * outcome is closed (`sending → sent | failed | pending`); one still in progress is checkpointed.
 */
export class LedgerRecorder {
  private readonly tracked = new Map<string, Tracked>()
  private waiters: Waiter[] = []
  private flushing: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly payload: Payload,
    private readonly owner: string,
    private readonly options: RecorderOptions,
  ) {}

  track(batch: Batch): Tracked {
    const t: Tracked = { batch, recipients: [...batch.recipients], untaken: 0, inFlight: 0, dirty: false }
    this.tracked.set(String(batch.id), t)
    return t
  }

  /** Batches this runner holds and has not closed yet. */
  open(): Tracked[] {
    return [...this.tracked.values()]
  }

  /** Outcomes changed without a transmission (skipped recipients): written with the next group. */
  touch(t: Tracked): void {
    t.dirty = true
    this.schedule()
  }

  /** Record a transmitted recipient's outcome; resolves once it is in the ledger. */
  settle(t: Tracked, index: number, outcome: LedgerRecipient): Promise<void> {
    t.recipients[index] = outcome
    t.inFlight--
    t.dirty = true
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    this.schedule()
    return done
  }

  /** Nothing more will be taken from these batches: close them with what they have. */
  abandon(batches: Iterable<Tracked>): void {
    for (const t of batches) {
      t.untaken = 0
      t.dirty = true
    }
    this.schedule()
  }

  /** Resolves when every tracked batch is written and closed. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.timer) {
        clearTimeout(this.timer)
        this.timer = null
      }
      if (this.flushing) await this.flushing
      else if ([...this.tracked.values()].some((t) => t.dirty)) await this.flush()
      else return
    }
  }

  private schedule() {
    if (this.flushing) {
      this.again = true
      return
    }
    if (this.waiters.length >= this.options.flushAt) {
      if (this.timer) clearTimeout(this.timer)
      this.timer = null
      void this.flush()
    } else this.timer ??= setTimeout(() => void this.flush(), this.options.lingerMs)
  }

  private flush(): Promise<void> {
    this.timer = null
    const waiters = this.waiters
    this.waiters = []
    const writes: Array<{ t: Tracked; recipients: LedgerRecipient[]; close: boolean }> = []
    for (const t of this.tracked.values()) {
      if (!t.dirty) continue
      t.dirty = false
      const close = t.untaken === 0 && t.inFlight === 0
      if (close) this.tracked.delete(String(t.batch.id))
      writes.push({ t, recipients: [...t.recipients], close })
    }
    this.flushing = (async () => {
      try {
        for (const w of writes) {
          if (w.close) await recordBatch(this.payload, w.t.batch, this.owner, w.recipients)
          else if (!(await checkpointBatch(this.payload, w.t.batch, this.owner, w.recipients)))
            throw new Error(`lost the lease on delivery batch ${w.t.batch.id}; another sender took it over`)
        }
        for (const w of waiters) w.resolve()
      } catch (err) {
        for (const w of waiters) w.reject(err)
      } finally {
        this.flushing = null
        if (this.again || this.waiters.length) {
          this.again = false
          this.schedule()
        }
      }
    })()
    return this.flushing
  }
}
