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
