import type { Payload } from 'payload'

import { compareAndSet } from '../newsletter/cas'
import { deleteWhere } from './db'
import { asSystem } from './system'

/** A fixed-window counter per key (client IP, account), in memory: enough for one web process. */
export function createRateLimiter(max: number, windowMs: number) {
  const hits = new Map<string, { count: number; resetAt: number }>()
  const entryFor = (key: string, now: number) => {
    let entry = hits.get(key)
    if (!entry || entry.resetAt <= now) {
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k)
      entry = { count: 0, resetAt: now + windowMs }
      hits.set(key, entry)
    }
    return entry
  }
  return {
    /** true if this request is allowed; false once `max` requests were seen in the window. */
    take(key: string, now = Date.now()): boolean {
      const entry = entryFor(key, now)
      entry.count += 1
      return entry.count <= max
    },
    /** true once `max` hits were counted in the window (without counting this one). */
    exhausted(key: string, now = Date.now()): boolean {
      return entryFor(key, now).count >= max
    },
    /** Take back one hit (a sign-in that turned out to be right is not a failure). */
    forgive(key: string): void {
      const entry = hits.get(key)
      if (entry && entry.count > 0) entry.count -= 1
    },
    retryAfterSeconds(key: string, now = Date.now()): number {
      const entry = hits.get(key)
      return entry ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 1
    },
  }
}

export type SharedTake = { allowed: boolean; retryAfterSeconds: number }

/**
 * A fixed-window counter per key kept in the database (collection `rate-limits`), so that every
 * instance on the database counts the same requests. One row per limit, key and window, created on
 * the first hit (a unique key: two instances creating it at once leaves one) and incremented by
 * compare-and-set. Rows of past windows are pruned now and then.
 */
export function createSharedRateLimiter(name: string, max: number, windowMs: number) {
  let lastPrune = 0
  const prune = async (payload: Payload, now: number) => {
    if (now - lastPrune < windowMs) return
    lastPrune = now
    await deleteWhere(payload, 'rate-limits', { resetAt: { less_than: new Date(now).toISOString() } })
  }
  return {
    /** Count one request of `key`; allowed while at most `max` were counted in the window. */
    async take(payload: Payload, key: string, now = Date.now()): Promise<SharedTake> {
      const start = Math.floor(now / windowMs) * windowMs
      const retryAfterSeconds = Math.max(1, Math.ceil((start + windowMs - now) / 1000))
      const rowKey = `${name}:${key}:${start}`
      await prune(payload, now).catch(() => undefined)
      for (let attempt = 0; attempt < 20; attempt++) {
        const { docs } = await payload.find({
          collection: 'rate-limits',
          where: { key: { equals: rowKey } },
          limit: 1,
          depth: 0,
          ...asSystem('bookkeeping'),
        })
        const row = docs[0]
        if (!row) {
          const resetAt = new Date(start + windowMs).toISOString()
          const created = await payload
            .create({ collection: 'rate-limits', data: { key: rowKey, count: 1, resetAt }, ...asSystem('bookkeeping') })
            .catch(() => null) // another instance created it first: count on its row
          if (created) return { allowed: max >= 1, retryAfterSeconds }
          continue
        }
        if (row.count >= max) return { allowed: false, retryAfterSeconds }
        if (await compareAndSet(payload, 'rate-limits', row.id, { count: row.count }, { count: row.count + 1 }))
          return { allowed: true, retryAfterSeconds }
      }
      return { allowed: false, retryAfterSeconds }
    },
  }
}
