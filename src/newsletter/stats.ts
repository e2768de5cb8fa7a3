import type { Payload } from 'payload'

import { eachSubscriber } from './eachSubscriber'

import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '../../collections/Subscribers'

export type SubscriberStats = {
  counts: Record<SubscriberStatus, number> & { total: number }
  /** Active subscribers at the end of each day that saw a change. */
  timeline: Array<{ day: string; active: number; total: number }>
}

const day = (iso: string) => iso.slice(0, 10)

/** Counts by status and the number of active (and listed) subscribers over time. */
export async function subscriberStats(payload: Payload): Promise<SubscriberStats> {
  const counts = Object.fromEntries(SUBSCRIBER_STATUSES.map((s) => [s, 0])) as SubscriberStats['counts']
  counts.total = 0
  const delta = new Map<string, { active: number; total: number }>()
  const bump = (iso: string | null | undefined, key: 'active' | 'total', by: number) => {
    if (!iso) return
    const d = delta.get(day(iso)) ?? { active: 0, total: 0 }
    d[key] += by
    delta.set(day(iso), d)
  }
  const select = { status: true, createdAt: true, confirmedAt: true, unsubscribedAt: true, bouncedAt: true } as const
  for await (const s of eachSubscriber(payload, select)) {
    counts[s.status]++
    counts.total++
    bump(s.createdAt, 'total', 1)
    if (s.confirmedAt) bump(s.confirmedAt, 'active', 1)
    if (s.confirmedAt && s.status !== 'active' && s.status !== 'pending')
      bump(s.unsubscribedAt ?? s.bouncedAt ?? s.confirmedAt, 'active', -1)
  }
  let active = 0
  let total = 0
  const timeline = [...delta.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([d, v]) => {
      active += v.active
      total += v.total
      return { day: d, active, total }
    })
  return { counts, timeline }
}
