import type { Endpoint, Payload } from 'payload'

import { normaliseEmail, type SubscriberStatus } from '../../collections/Subscribers'
import { endpoint, refusal } from '../lib/endpoint'
import { asSystem } from '../lib/system'
import type { Subscriber } from '../payload-types'

/**
 * The suppression list: addresses that bounced for good or complained. They never receive a send
 * (only `active` subscribers are frozen into an audience) and a CSV re-import or a new sign-up does
 * not bring them back; only an admin clearing the address does (it becomes `unsubscribed`).
 */
export const SUPPRESSED_STATUSES: readonly SubscriberStatus[] = ['bounced', 'complained']

export const isSuppressedStatus = (status: string | null | undefined): boolean =>
  SUPPRESSED_STATUSES.includes(status as SubscriberStatus)

/** Whether this address is on the suppression list (the one check CSV import and sign-ups call). */
export async function isSuppressed(payload: Payload, email: string): Promise<boolean> {
  const res = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: normaliseEmail(email) } },
    limit: 1,
    depth: 0,
    select: { status: true },
    ...asSystem('newsletter'),
  })
  return isSuppressedStatus(res.docs[0]?.status)
}

/** Take a subscriber off the suppression list: `unsubscribed`, so that they can subscribe or be imported again. */
export async function clearSuppression(payload: Payload, id: Subscriber['id']): Promise<Subscriber> {
  const doc = (await payload.findByID({
    collection: 'subscribers',
    id,
    depth: 0,
    ...asSystem('newsletter'),
  })) as Subscriber
  if (!isSuppressedStatus(doc.status)) throw refusal(409, `${doc.email} is not suppressed (${doc.status}).`)
  return (await payload.update({
    collection: 'subscribers',
    id,
    data: { status: 'unsubscribed', bounceReason: null, bouncedAt: null },
    ...asSystem('newsletter'),
  })) as Subscriber
}

/** `POST /api/newsletter/subscribers/:id/clear-suppression` (admins only). */
export const clearSuppressionEndpoint: Endpoint = endpoint({
  path: '/newsletter/subscribers/:id/clear-suppression',
  method: 'post',
  role: 'editor',
  action: 'clear suppressed addresses',
  handler: async (req) => {
    if ((req.user as { role?: string } | null)?.role !== 'admin')
      throw refusal(403, 'Only admins can clear suppressed addresses.')
    const id = String(req.routeParams?.id ?? '')
    const found = await req.payload.count({
      collection: 'subscribers',
      where: { id: { equals: id } },
      ...asSystem('newsletter'),
    })
    if (!found.totalDocs) throw refusal(404, 'No such subscriber.')
    const doc = await clearSuppression(req.payload, id as unknown as Subscriber['id'])
    return Response.json({ ok: true, email: doc.email, status: doc.status })
  },
})
