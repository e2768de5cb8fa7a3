/**
 * A subscriber's `status` and its subscriptions kept in step. Bounced and complained are about the
 * address and stay on the subscriber. Otherwise the subscriber's status sums up its subscriptions
 * (active if any is active, else pending if any is pending, else unsubscribed); setting it directly
 * (admin, CSV import, the mailto: unsubscribe) applies to every subscription of the address.
 */
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { asSystem } from '../../src/lib/system'
import { defaultNewsletters, membershipStatusFor, type Id } from '../../src/newsletter/newsletters'
import type { Subscriber, Subscription } from '../../src/payload-types'

/** Context flags that stop the two hooks from answering each other. */
const FROM_ADDRESS = 'subscriptionFromAddress'
const FROM_SUBSCRIPTION = 'subscriberFromSubscription'
/** Set by code that writes the subscriptions itself (sign-up form, CSV import). */
export const OWN_SUBSCRIPTIONS = 'subscriberOwnSubscriptions'

export const stampSubscriptionChange: CollectionBeforeChangeHook = ({ data, originalDoc, context }) => {
  // A restore (import --archive) keeps the times it brings.
  if (!data.status || data.status === originalDoc?.status || context.briefingRestore) return data
  const now = new Date().toISOString()
  if (data.status === 'active') data.confirmedAt = now
  if (data.status === 'unsubscribed') data.unsubscribedAt = now
  return data
}

const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))

const subscriptionsOf = async (req: PayloadRequest, subscriber: Id) =>
  (
    await req.payload.find({
      collection: 'subscriptions',
      where: { subscriber: { equals: subscriber } },
      pagination: false,
      depth: 0,
      req,
      ...asSystem('newsletter'),
    })
  ).docs as Subscription[]

export const rollUp = (statuses: Subscription['status'][]): Subscriber['status'] =>
  statuses.includes('active') ? 'active' : statuses.includes('pending') ? 'pending' : 'unsubscribed'

/** After a subscription changes: the subscriber's summary status follows (unless the address is blocked). */
export const syncAddressStatus: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  // A restore (import --archive) writes subscribers and subscriptions each as they were.
  if (context[FROM_ADDRESS] || context.briefingRestore) return doc
  const subscriberId = idOf(doc.subscriber)
  const subscriber = (await req.payload.findByID({
    collection: 'subscribers',
    id: subscriberId,
    depth: 0,
    req,
    disableErrors: true,
    ...asSystem('newsletter'),
  })) as Subscriber | null
  if (!subscriber || subscriber.status === 'bounced' || subscriber.status === 'complained') return doc
  const status = rollUp((await subscriptionsOf(req, subscriberId)).map((s) => s.status))
  if (status !== subscriber.status)
    await req.payload.update({
      collection: 'subscribers',
      id: subscriberId,
      data: { status },
      req,
      context: { [FROM_SUBSCRIPTION]: true },
      ...asSystem('newsletter'),
    })
  return doc
}

const setMembership = (req: PayloadRequest, id: Id, status: Subscription['status']) =>
  req.payload.update({
    collection: 'subscriptions',
    id,
    data: { status },
    req,
    context: { [FROM_ADDRESS]: true },
    ...asSystem('newsletter'),
  })

/** After a subscriber is created or its status set directly: its subscriptions follow. */
export const applyAddressStatus: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (context[FROM_SUBSCRIPTION] || context[OWN_SUBSCRIPTIONS] || context.briefingRestore) return doc
  if (operation === 'update' && doc.status === previousDoc?.status) return doc
  const status = doc.status as Subscriber['status']
  if (status === 'bounced') return doc
  const existing = operation === 'create' ? [] : await subscriptionsOf(req, doc.id)
  if (!existing.length) {
    for (const newsletter of await defaultNewsletters(req.payload, req))
      await req.payload.create({
        collection: 'subscriptions',
        data: { subscriber: doc.id, newsletter: newsletter.id, status: membershipStatusFor(status) },
        req,
        context: { [FROM_ADDRESS]: true },
        ...asSystem('newsletter'),
      })
    return doc
  }
  if (status === 'unsubscribed' || status === 'complained') {
    for (const s of existing) if (s.status !== 'unsubscribed') await setMembership(req, s.id, 'unsubscribed')
  } else if (status === 'active') {
    const waiting = existing.filter((s) => s.status === 'pending')
    const wake = waiting.length || existing.some((s) => s.status === 'active') ? waiting : existing
    for (const s of wake) await setMembership(req, s.id, 'active')
  }
  return doc
}

/** A subscriber's subscriptions go with it, in the same transaction (they name it and cannot be orphans). */
export const deleteOwnSubscriptions: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'subscriptions',
    where: { subscriber: { equals: id } },
    req,
    ...asSystem('newsletter'),
  })
}
