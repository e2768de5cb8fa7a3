/**
 * Newsletters and subscriptions: which newsletters a sign-up joins, the first newsletter (the single
 * list of earlier versions), and the idempotent upgrade that gives every subscriber a subscription.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { Newsletter, Subscriber, Subscription } from '../payload-types'
import { CREATION_ORDER, parseId } from '../lib/db'
import { asSystem } from '../lib/system'
import { ensureWeeklyPublication } from '../publications/upgrade'

type Req = Partial<PayloadRequest> | undefined
export type Id = number | string

/** A subscriber's status in the newsletters that existed before there were several. */
export const membershipStatusFor = (status: Subscriber['status']): Subscription['status'] =>
  status === 'pending' || status === 'unsubscribed' ? status : status === 'complained' ? 'unsubscribed' : 'active'

const firstNewsletter = async (payload: Payload, req?: Req): Promise<Newsletter | undefined> =>
  (
    await payload.find({
      collection: 'newsletters',
      sort: CREATION_ORDER,
      limit: 1,
      depth: 0,
      req,
      ...asSystem('newsletter'),
    })
  ).docs[0] as Newsletter | undefined

/** The first newsletter, created from the Settings (and the weekly report's publication) when none exists. */
export async function ensureFirstNewsletter(payload: Payload, req?: Req): Promise<Newsletter> {
  const existing = await firstNewsletter(payload, req)
  if (existing) return existing
  const settings = (await payload
    .findGlobal({ slug: 'settings', depth: 0, req, ...asSystem('newsletter') })
    .catch(() => null)) as { publicationName?: string | null } | null
  const weekly = await ensureWeeklyPublication(payload, req)
  try {
    return (await payload.create({
      collection: 'newsletters',
      data: {
        name: settings?.publicationName?.trim() || 'Briefing',
        publication: weekly as number,
        doubleOptIn: true,
        defaultForSignups: true,
        tracking: 'off',
      },
      req,
      ...asSystem('newsletter'),
    })) as Newsletter
  } catch (err) {
    // Another process created it at the same moment (the name is unique).
    const raced = await firstNewsletter(payload, req)
    if (raced) return raced
    throw err
  }
}

/** The newsletters a sign-up joins when it names none: those marked default, else the first one. */
export async function defaultNewsletters(payload: Payload, req?: Req): Promise<Newsletter[]> {
  const marked = await payload.find({
    collection: 'newsletters',
    where: { defaultForSignups: { equals: true } },
    sort: CREATION_ORDER,
    pagination: false,
    depth: 0,
    req,
    ...asSystem('newsletter'),
  })
  return marked.docs.length ? (marked.docs as Newsletter[]) : [await ensureFirstNewsletter(payload, req)]
}

export async function findNewsletter(payload: Payload, slugOrId: string): Promise<Newsletter | null> {
  const res = await payload.find({
    collection: 'newsletters',
    where: { slug: { equals: slugOrId } },
    limit: 1,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return (res.docs[0] as Newsletter | undefined) ?? null
}

/** All newsletters in creation order (the first one first). */
export const allNewsletters = async (payload: Payload): Promise<Newsletter[]> =>
  (
    await payload.find({
      collection: 'newsletters',
      sort: CREATION_ORDER,
      pagination: false,
      depth: 0,
      ...asSystem('newsletter'),
    })
  ).docs as Newsletter[]

/** An issue's newsletter: its publication's newsletter, else the first newsletter. */
export async function newsletterForIssue(payload: Payload, publication: unknown): Promise<Newsletter> {
  const publicationId = publication && typeof publication === 'object' ? (publication as { id: Id }).id : publication
  if (publicationId !== undefined && publicationId !== null) {
    const own = await payload.find({
      collection: 'newsletters',
      where: { publication: { equals: publicationId } },
      sort: CREATION_ORDER,
      limit: 1,
      depth: 0,
      ...asSystem('newsletter'),
    })
    if (own.docs[0]) return own.docs[0] as Newsletter
  }
  return ensureFirstNewsletter(payload)
}

export type UpgradeResult = { createdNewsletter: boolean; subscriptionsCreated: number; campaignsAssigned?: number }

/**
 * The existing list becomes the first newsletter: create it when missing and give every subscriber
 * without any subscription one to it, with the subscriber's status. Idempotent; run on init and
 * callable from a migration (`upgradeToNewsletters(payload, req)`). Writes through the adapter.
 */
export async function upgradeToNewsletters(payload: Payload, req?: Req): Promise<UpgradeResult> {
  const before = await firstNewsletter(payload, req)
  const first = before ?? (await ensureFirstNewsletter(payload, req))
  let subscriptionsCreated = 0
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: 'subscribers',
      sort: 'id',
      limit: 2000,
      page,
      depth: 0,
      req,
      ...asSystem('newsletter'),
      select: { status: true, createdAt: true, confirmedAt: true },
    })
    if (!res.docs.length) break
    const ids = res.docs.map((s) => s.id)
    const having = await payload.db.find<Subscription>({
      collection: 'subscriptions',
      where: { subscriber: { in: ids } },
      pagination: false,
      req,
    })
    const covered = new Set(
      having.docs.map((s) => String(typeof s.subscriber === 'object' ? s.subscriber.id : s.subscriber)),
    )
    for (const s of res.docs) {
      if (covered.has(String(s.id))) continue
      await payload.db.create({
        collection: 'subscriptions',
        data: {
          subscriber: s.id,
          newsletter: first.id,
          status: membershipStatusFor(s.status),
          confirmedAt: s.confirmedAt ?? null,
          createdAt: s.createdAt,
          updatedAt: new Date().toISOString(),
        },
        req,
      })
      subscriptionsCreated++
    }
    if (!res.hasNextPage) break
  }
  const campaignsAssigned = await assignCampaigns(payload, first, req)
  return {
    createdNewsletter: before === undefined,
    subscriptionsCreated,
    ...(campaignsAssigned ? { campaignsAssigned } : {}),
  }
}

/** Campaigns from before newsletters were sends to the first newsletter, whole: give them its key. */
async function assignCampaigns(payload: Payload, first: Newsletter, req: Req): Promise<number> {
  const legacy = await payload.db.find<{ id: Id; issue: Id | { id: Id } }>({
    collection: 'campaigns',
    where: { key: { exists: false } },
    pagination: false,
    req,
  })
  for (const c of legacy.docs) {
    const issue = typeof c.issue === 'object' ? c.issue.id : c.issue
    await payload.db.updateOne({
      collection: 'campaigns',
      id: c.id,
      data: { newsletter: first.id, key: `${issue}:${first.id}:all` },
      req,
      returning: false,
    })
  }
  return legacy.docs.length
}

/** The newsletter a message token names (by id), if it still exists. */
export async function newsletterOfToken(payload: Payload, id: string | undefined): Promise<Newsletter | null> {
  const key = parseId(payload, id)
  if (key === undefined) return null
  return (await payload
    .findByID({ collection: 'newsletters', id: key, depth: 0, disableErrors: true, ...asSystem('newsletter') })
    .catch(() => null)) as Newsletter | null
}
