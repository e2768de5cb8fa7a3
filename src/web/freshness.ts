import type { Payload } from 'payload'

import { webFreshnessSeconds } from '../env'

import { clearCache } from './cache'
import { PAGE_COLLECTIONS } from './deps'
import { asSystem } from '../lib/system'

/**
 * Cross-process freshness. The hooks in this process invalidate exactly the pages a change shows;
 * a change made by another process (a CLI import, the worker, a second web process) runs no hook
 * here. Every few seconds we read the newest `updatedAt` of the collections pages are built from;
 * if it is newer than anything this process has seen, the cache is cleared.
 */

let newestSeen = 0
let baselineTaken = false

/** Called by this process's own hooks: a change it has already invalidated precisely. */
export function noteLocalChange(updatedAt: unknown): void {
  const t = Date.parse(String(updatedAt ?? ''))
  if (Number.isFinite(t) && t > newestSeen) newestSeen = t
}

async function newestUpdate(payload: Payload): Promise<number> {
  let newest = 0
  for (const collection of PAGE_COLLECTIONS) {
    const { docs } = await payload.find({
      collection,
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      pagination: false,
      select: { updatedAt: true },
      ...asSystem('cache'),
    })
    const t = Date.parse(String((docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''))
    if (Number.isFinite(t) && t > newest) newest = t
  }
  return newest
}

/** One check; true when a change from elsewhere cleared the cache. */
export async function checkFreshness(payload: Payload): Promise<boolean> {
  const newest = await newestUpdate(payload)
  const first = !baselineTaken
  baselineTaken = true
  if (newest <= newestSeen) return false
  newestSeen = newest
  if (first) return false
  clearCache()
  return true
}

let timer: NodeJS.Timeout | undefined

/** Start checking every WEB_FRESHNESS_SECONDS (default 5; 0 turns it off). Idempotent. */
export function watchFreshness(getPayload: () => Promise<Payload>): void {
  const seconds = webFreshnessSeconds()
  if (timer || !(seconds > 0)) return
  timer = setInterval(() => {
    getPayload()
      .then(checkFreshness)
      .catch(() => undefined)
  }, seconds * 1000)
  timer.unref?.()
}
