import type { Payload, Where } from 'payload'

import { asSystem } from '../lib/system'
import { asBatch, type Id, summarise } from '../newsletter/ledger'
import type { Campaign } from '../payload-types'
import { type Click, scannerClicks } from './classify'
import { trackedLinks } from './links'
import { trackingMode, type TrackingMode } from './mode'

export type SendReport = {
  campaign: Id
  subject: string
  tracking: TrackingMode
  startedAt: string | null
  delivered: number
  bounced: number
  complained: number
  unsubscribed: number
  opens: { human: number; machine: number; unique: number; total: number }
  clicks: {
    human: number
    scanner: number
    unique: number
    total: number
    byLink: Array<{ url: string; section: string | null; human: number }>
    bySection: Array<{ section: string; human: number }>
  }
  /** Human opens and clicks per hour over the first 72 hours after the send started. */
  hourly: Array<{ hour: number; opens: number; clicks: number }>
}

type EventRow = { kind: string; message?: string | null; link?: number | null; machine?: boolean | null }
type TimedRow = EventRow & { at: string; sentAt?: string | null; subscriber?: unknown }

const HOURS = 72

/** The latest send of an issue (null when it was never sent). */
export async function latestCampaignForIssue(payload: Payload, issue: Id): Promise<Campaign | null> {
  const res = await payload.find({
    collection: 'campaigns',
    where: { issue: { equals: issue } },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return (res.docs[0] as Campaign | undefined) ?? null
}

/** Recipients of the send who unsubscribed after it started. */
async function unsubscribedSince(payload: Payload, campaign: Campaign): Promise<number> {
  const batches = await payload.db.find({
    collection: 'delivery-batches',
    where: { campaign: { equals: campaign.id } },
    limit: 0,
    pagination: false,
    select: { recipients: true },
  })
  const ids = batches.docs.flatMap((d) =>
    asBatch(d as Record<string, unknown>)
      .recipients.filter((r) => r.state === 'sent')
      .map((r) => r.id),
  )
  let count = 0
  for (let i = 0; i < ids.length; i += 500) {
    const where: Where = {
      and: [
        { id: { in: ids.slice(i, i + 500) } },
        { status: { equals: 'unsubscribed' } },
        { unsubscribedAt: { greater_than_equal: campaign.startedAt ?? campaign.createdAt } },
      ],
    }
    count += (await payload.count({ collection: 'subscribers', where, ...asSystem('newsletter') })).totalDocs
  }
  return count
}

function tally(events: TimedRow[], campaign: Campaign, linkCount: number) {
  const opens = events.filter((e) => e.kind === 'open')
  const human = opens.filter((e) => !e.machine)
  const clicks: Array<Click & { row: TimedRow }> = events
    .filter((e) => e.kind === 'click')
    .map((row) => ({
      row,
      message: row.message ?? '',
      link: row.link ?? 0,
      at: Date.parse(row.at),
      sentAt: row.sentAt ? Date.parse(row.sentAt) : null,
    }))
  const scanner = scannerClicks(clicks, linkCount)
  const humanClicks = clicks.filter((c) => !scanner.has(c))
  const start = Date.parse(campaign.startedAt ?? campaign.createdAt)
  const hourly = Array.from({ length: HOURS }, (_, hour) => ({ hour, opens: 0, clicks: 0 }))
  const bucket = (at: number) => hourly[Math.floor((at - start) / 3_600_000)]
  for (const o of human) {
    const b = bucket(Date.parse(o.at))
    if (b) b.opens++
  }
  for (const c of humanClicks) {
    const b = bucket(c.at)
    if (b) b.clicks++
  }
  return { opens, human, clicks, scanner, humanClicks, hourly }
}

/** Everything known about one send: ledger outcomes, bounces, complaints, opens and clicks. */
export async function buildReport(payload: Payload, campaign: Campaign): Promise<SendReport> {
  const summary = await summarise(payload, campaign.id)
  const links = trackedLinks(campaign.html ?? '')
  const events = (
    await payload.find({
      collection: 'engagement-events',
      where: { campaign: { equals: campaign.id } },
      pagination: false,
      depth: 0,
      ...asSystem('newsletter'),
    })
  ).docs as unknown as TimedRow[]
  const { opens, human, clicks, scanner, humanClicks, hourly } = tally(events, campaign, links.length)
  const byLink = links.map((l) => ({ url: l.url, section: l.section, human: 0 }))
  for (const c of humanClicks) if (byLink[c.link - 1]) byLink[c.link - 1].human++
  const merged = new Map<string, SendReport['clicks']['byLink'][number]>()
  for (const l of byLink) {
    const seen = merged.get(l.url)
    if (seen) seen.human += l.human
    else merged.set(l.url, { ...l })
  }
  const sections = new Map<string, number>()
  for (const l of byLink) if (l.section) sections.set(l.section, (sections.get(l.section) ?? 0) + l.human)
  const count = (kind: string) => events.filter((e) => e.kind === kind).length
  return {
    campaign: campaign.id,
    subject: campaign.subject,
    tracking: trackingMode(campaign),
    startedAt: campaign.startedAt ?? null,
    delivered: summary.sent,
    bounced: summary.failed + count('bounce'),
    complained: count('complaint'),
    unsubscribed: await unsubscribedSince(payload, campaign),
    opens: {
      human: human.length,
      machine: opens.length - human.length,
      unique: new Set(human.map((o) => o.message)).size,
      total: opens.length,
    },
    clicks: {
      human: humanClicks.length,
      scanner: scanner.size,
      unique: new Set(humanClicks.map((c) => c.message)).size,
      total: clicks.length,
      byLink: [...merged.values()],
      bySection: [...sections].map(([section, n]) => ({ section, human: n })),
    },
    hourly,
  }
}
