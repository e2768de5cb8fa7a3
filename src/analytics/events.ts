import type { Payload } from 'payload'

import type { EngagementKind } from '../../collections/EngagementEvents'

export type EngagementEvent = {
  campaign: number | string
  kind: EngagementKind
  message?: string | null
  subscriber?: number | string | null
  link?: number | null
  machine?: boolean
  sentAt?: string | null
  at: string
  detail?: string | null
}

/** Flush when this many events wait, or this long after the first one arrived. */
export const FLUSH_AT = 200
export const FLUSH_AFTER_MS = 1000

/**
 * Opens and clicks are answered at once and written later, many per transaction: a burst of pixel
 * fetches after a send costs one write per batch, not one per hit. Flushed every FLUSH_AFTER_MS, at
 * FLUSH_AT events, and on shutdown (server.ts calls `flushEngagementEvents`).
 */
export class EventBuffer {
  private pending: EngagementEvent[] = []
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly payload: Payload) {}

  add(event: EngagementEvent): void {
    this.pending.push(event)
    if (this.pending.length >= FLUSH_AT) void this.flush()
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS)
  }

  /** Write everything buffered so far (and wait for writes already under way). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const events = this.pending
    this.pending = []
    this.writing = this.writing.then(() => (events.length ? this.write(events) : undefined))
    return this.writing
  }

  private async write(events: EngagementEvent[]): Promise<void> {
    const { payload } = this
    const transactionID = (await payload.db.beginTransaction?.()) ?? undefined
    const req = transactionID ? { transactionID } : undefined
    try {
      for (const data of events) await payload.db.create({ collection: 'engagement-events', data, req })
      if (transactionID) await payload.db.commitTransaction(transactionID)
    } catch (err) {
      if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
      payload.logger.error(`analytics: ${events.length} engagement events not written: ${(err as Error).message}`)
    }
  }
}

const buffers = new Map<Payload, EventBuffer>()

export const eventBuffer = (payload: Payload): EventBuffer => {
  let buffer = buffers.get(payload)
  if (!buffer) buffers.set(payload, (buffer = new EventBuffer(payload)))
  return buffer
}

/**
 * Opens and clicks still being recorded: the pixel and the redirect answer first and record after
 * (the campaign's tracking mode may need a database read), so a flush waits for them too.
 */
const inFlight = new Set<Promise<unknown>>()

/** Run one recording so that `flushEngagementEvents` (shutdown, tests) waits for it. */
export function recording(work: Promise<void>): Promise<void> {
  inFlight.add(work)
  return work.finally(() => inFlight.delete(work))
}

/** Write every buffered event now, and those being recorded (shutdown, and tests that read them). */
export const flushEngagementEvents = async (): Promise<void> => {
  await Promise.allSettled([...inFlight])
  await Promise.all([...buffers.values()].map((b) => b.flush()))
}
