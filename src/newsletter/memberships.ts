/** One subscriber's subscriptions: read them, set one, and read the newsletters a form names. */
import type { Payload } from 'payload'

import type { Newsletter, Subscription } from '../payload-types'
import { parseId } from '../lib/db'
import { asSystem } from '../lib/system'
import { allNewsletters, defaultNewsletters, type Id } from './newsletters'

const newsletterIdOf = (s: Subscription): string =>
  String(typeof s.newsletter === 'object' ? s.newsletter.id : s.newsletter)

/** A subscriber's subscriptions by newsletter id. */
export async function membershipsOf(payload: Payload, subscriber: Id): Promise<Map<string, Subscription>> {
  const res = await payload.find({
    collection: 'subscriptions',
    where: { subscriber: { equals: subscriber } },
    pagination: false,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return new Map((res.docs as Subscription[]).map((s) => [newsletterIdOf(s), s]))
}

/** Set (or create) the subscription of a subscriber to a newsletter; unchanged ones are not written. */
export async function setMembership(
  payload: Payload,
  subscriber: Id,
  newsletter: Id,
  status: Subscription['status'],
  existing?: Subscription,
): Promise<void> {
  if (existing?.status === status) return
  const ids = { subscriber: parseId(payload, subscriber) as number, newsletter: parseId(payload, newsletter) as number }
  if (existing)
    await payload.update({ collection: 'subscriptions', id: existing.id, data: { status }, ...asSystem('newsletter') })
  else
    await payload.create({
      collection: 'subscriptions',
      data: { ...ids, status },
      ...asSystem('newsletter'),
    })
}

/**
 * The newsletters a form names (`newsletter`: one slug or several); none named: the default ones.
 * An unknown slug is an error, never silently dropped.
 */
export async function namedNewsletters(payload: Payload, value: unknown): Promise<Newsletter[] | { error: string }> {
  const slugs = (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).map(String)
  if (!slugs.length) return defaultNewsletters(payload)
  if (slugs.length > 50) return { error: 'Too many newsletters.' }
  const all = await allNewsletters(payload)
  const chosen: Newsletter[] = []
  for (const slug of new Set(slugs)) {
    const found = all.find((n) => n.slug === slug)
    if (!found) return { error: `There is no newsletter called "${slug.slice(0, 80)}".` }
    chosen.push(found)
  }
  return chosen
}

/** Every newsletter with this subscriber's status in it (null: never subscribed). */
export async function choicesFor(payload: Payload, subscriber: Id) {
  const memberships = await membershipsOf(payload, subscriber)
  return (await allNewsletters(payload)).map((n) => ({
    id: n.id,
    slug: n.slug ?? String(n.id),
    name: n.name,
    status: memberships.get(String(n.id))?.status ?? null,
    membership: memberships.get(String(n.id)),
  }))
}
