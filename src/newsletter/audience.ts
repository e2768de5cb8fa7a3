/**
 * Who a send goes to: the active members of one newsletter, or of one segment of it, never an address
 * that bounced or complained. Read a page of subscriptions at a time through the (newsletter, status)
 * index, then those subscribers' addresses and tags: memory stays flat however large the audience.
 */
import type { Payload } from 'payload'

import type { Segment, Subscriber, Subscription } from '../payload-types'
import { asSystem } from '../lib/system'
import type { Id } from './newsletters'

export type Target = { newsletter: Id; segment?: Segment | null }
export type Member = Pick<Subscriber, 'id' | 'email' | 'name' | 'trackingOptOut'>

const PAGE = 2000
const BLOCKED: Subscriber['status'][] = ['bounced', 'complained']

const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))

/** Whether a member matches a segment's tag rule and sign-up date range. */
export function inSegment(segment: Segment | null | undefined, s: Pick<Subscriber, 'tags' | 'createdAt'>): boolean {
  if (!segment) return true
  if (segment.signedUpFrom && s.createdAt < segment.signedUpFrom) return false
  if (segment.signedUpUntil && s.createdAt >= segment.signedUpUntil) return false
  const wanted = (segment.tags ?? []).map((t) => t.toLowerCase())
  if (!wanted.length) return true
  const has = new Set(s.tags ?? [])
  if (segment.tagRule === 'all') return wanted.every((t) => has.has(t))
  if (segment.tagRule === 'none') return !wanted.some((t) => has.has(t))
  return wanted.some((t) => has.has(t))
}

/** Every recipient of a target, in subscription order. */
export async function* eachRecipient(payload: Payload, target: Target): AsyncGenerator<Member> {
  for (let page = 1; ; page++) {
    const subs = await payload.find({
      collection: 'subscriptions',
      where: { and: [{ newsletter: { equals: target.newsletter } }, { status: { equals: 'active' } }] },
      sort: 'id',
      limit: PAGE,
      page,
      depth: 0,
      ...asSystem('newsletter'),
      select: { subscriber: true },
    })
    const ids = (subs.docs as Pick<Subscription, 'subscriber'>[]).map((s) => idOf(s.subscriber))
    if (ids.length) {
      const found = await payload.find({
        collection: 'subscribers',
        where: { and: [{ id: { in: ids } }, { status: { not_in: BLOCKED } }] },
        pagination: false,
        depth: 0,
        ...asSystem('newsletter'),
        select: { email: true, name: true, tags: true, createdAt: true, trackingOptOut: true },
      })
      const byId = new Map(found.docs.map((s) => [String(s.id), s as Subscriber]))
      for (const id of ids) {
        const s = byId.get(String(id))
        if (s && inSegment(target.segment, s))
          yield { id: s.id, email: s.email, name: s.name ?? null, trackingOptOut: s.trackingOptOut ?? null }
      }
    }
    if (!subs.hasNextPage) return
  }
}

/** The exact number of recipients a send to the target would have now. */
export async function countRecipients(payload: Payload, target: Target): Promise<number> {
  let n = 0
  for await (const _ of eachRecipient(payload, target)) n++
  return n
}
