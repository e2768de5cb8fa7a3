/** A fixed-window counter per key (client IP), in memory: enough for one web process. */
export function createRateLimiter(max: number, windowMs: number) {
  const hits = new Map<string, { count: number; resetAt: number }>()
  return {
    /** true if this request is allowed; false once `max` requests were seen in the window. */
    take(key: string, now = Date.now()): boolean {
      let entry = hits.get(key)
      if (!entry || entry.resetAt <= now) {
        if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k)
        entry = { count: 0, resetAt: now + windowMs }
        hits.set(key, entry)
      }
      entry.count += 1
      return entry.count <= max
    },
    retryAfterSeconds(key: string, now = Date.now()): number {
      const entry = hits.get(key)
      return entry ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 1
    },
  }
}
