import type { Payload, Where } from 'payload'

import { asSystem } from '../lib/system'
import type { Subscriber } from '../payload-types'
import { asBatch, type Id } from './ledger'
import { isSuppressedStatus } from './suppression'
import { verifyToken } from './tokens'

/**
 * Bounces and complaints that come back by mail, to `briefing inbound`:
 * - DSN (RFC 3464, `multipart/report; report-type=delivery-status`): a permanent failure (`Status:
 *   5.x.x`, `Action: failed`) makes the subscriber `bounced`; a temporary one (`4.x.x`, or `Action:
 *   delayed`) is counted, and the third within 30 days makes them `bounced`.
 * - ARF (RFC 5965, `report-type=feedback-report`) with `Feedback-Type: abuse`: `complained`, which
 *   ends every subscription.
 * The original is found by its Message-ID (ours carry the campaign: `<digest.c<campaign>@domain>`,
 * looked up in that campaign's ledger) or by the signed unsubscribe token of its List-Unsubscribe
 * header. A report that matches no send is logged and dropped.
 */
export type ReportKind = 'delivery-status' | 'feedback-report'
export type ReportOutcome = { matched: false; reason: string } | { matched: true; subscriber: Id; action: string }

const SOFT_LIMIT = 3
const SOFT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000

/** Header folding undone, so a field is one line. */
const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ')

const field = (text: string, name: string) => new RegExp(`^${name}:[ \\t]*(.+)$`, 'im').exec(text)?.[1]?.trim() ?? null

/** The report type of a `multipart/report` message, or null for any other message. */
export function reportKind(raw: string): ReportKind | null {
  const head = unfold(raw.slice(0, Math.max(0, raw.search(/\r?\n\r?\n/)) || raw.length))
  const type = field(head, 'Content-Type') ?? ''
  if (!/^multipart\/report\b/i.test(type)) return null
  const kind = /report-type\s*=\s*"?([\w-]+)/i.exec(type)?.[1]?.toLowerCase()
  return kind === 'delivery-status' || kind === 'feedback-report' ? kind : null
}

type Original = { subscriber: Id; campaign: Id | null }

async function byMessageId(payload: Payload, messageId: string, campaign: string): Promise<Original | null> {
  const batches = await payload.db
    .find({
      collection: 'delivery-batches',
      where: { campaign: { equals: campaign } },
      limit: 0,
      pagination: false,
      select: { recipients: true, campaign: true },
    })
    .catch(() => ({ docs: [] }))
  for (const doc of batches.docs) {
    const hit = asBatch(doc as Record<string, unknown>).recipients.find((r) => r.messageId === messageId)
    if (hit) return { subscriber: hit.id, campaign: (doc as unknown as { campaign: Id }).campaign }
  }
  return null
}

async function latestCampaignId(payload: Payload): Promise<Id | null> {
  const res = await payload.find({
    collection: 'campaigns',
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return res.docs[0]?.id ?? null
}

/** The send a report is about: a Message-ID of ours in the returned part, else the signed token there. */
async function findOriginal(payload: Payload, returned: string): Promise<Original | null> {
  for (const m of returned.matchAll(/^Message-ID:\s*(<[0-9a-f]{32}\.c([^@>\s]+)@[^>\s]+>)/gim)) {
    const found = await byMessageId(payload, m[1], m[2])
    if (found) return found
  }
  for (const m of returned.matchAll(/unsubscribe\?token=([\w.%-]+)/g)) {
    const check = verifyToken(decodeURIComponent(m[1]), 'unsubscribe')
    if (check.ok) return { subscriber: check.claims.subscriber, campaign: await latestCampaignId(payload) }
  }
  return null
}

async function addEvent(
  payload: Payload,
  original: Original,
  kind: 'bounce' | 'soft-bounce' | 'complaint',
  detail: string,
) {
  if (original.campaign === null) return
  const at = new Date().toISOString()
  await payload.db.create({
    collection: 'engagement-events',
    data: { campaign: original.campaign, kind, subscriber: original.subscriber, at, detail: detail.slice(0, 300) },
  })
}

async function softBouncesSince(payload: Payload, subscriber: Id) {
  const since = new Date(Date.now() - SOFT_WINDOW_MS).toISOString()
  const where: Where = {
    and: [{ kind: { equals: 'soft-bounce' } }, { subscriber: { equals: subscriber } }, { at: { greater_than: since } }],
  }
  return (await payload.count({ collection: 'engagement-events', where, ...asSystem('newsletter') })).totalDocs
}

async function setStatus(payload: Payload, id: Id, data: Partial<Subscriber>) {
  const doc = (await payload.findByID({
    collection: 'subscribers',
    id,
    depth: 0,
    disableErrors: true,
    ...asSystem('newsletter'),
  })) as Subscriber | null
  if (!doc || (isSuppressedStatus(doc.status) && data.status !== 'complained')) return
  await payload.update({ collection: 'subscribers', id, data, ...asSystem('newsletter') })
}

async function applyDsn(payload: Payload, original: Original, body: string): Promise<string> {
  const status = /^Status:\s*([245])\.(\d{1,3})\.(\d{1,3})/im.exec(body)
  const action = field(body, 'Action')?.toLowerCase() ?? ''
  const detail = `DSN ${status ? status.slice(1).join('.') : '?'} ${field(body, 'Diagnostic-Code') ?? ''}`.trim()
  if (status?.[1] === '5' || action === 'failed') {
    await addEvent(payload, original, 'bounce', detail)
    await setStatus(payload, original.subscriber, { status: 'bounced', bounceReason: detail.slice(0, 200) })
    return 'bounced'
  }
  if (status?.[1] !== '4' && action !== 'delayed') return 'ignored (delivered or relayed)'
  await addEvent(payload, original, 'soft-bounce', detail)
  if ((await softBouncesSince(payload, original.subscriber)) < SOFT_LIMIT) return 'soft bounce counted'
  const reason = `${SOFT_LIMIT} temporary failures in 30 days (last: ${detail})`
  await addEvent(payload, original, 'bounce', reason)
  await setStatus(payload, original.subscriber, { status: 'bounced', bounceReason: reason.slice(0, 200) })
  return 'bounced after soft bounces'
}

async function applyArf(payload: Payload, original: Original, body: string): Promise<string> {
  const type = field(body, 'Feedback-Type')?.toLowerCase() ?? ''
  if (type !== 'abuse') return `ignored (feedback type ${type || 'missing'})`
  await addEvent(payload, original, 'complaint', `ARF ${type} ${field(body, 'User-Agent') ?? ''}`)
  await setStatus(payload, original.subscriber, { status: 'complained', unsubscribedAt: new Date().toISOString() })
  return 'complained'
}

/** Act on one DSN or ARF message (raw). Never throws for a malformed or foreign report. */
export async function processReport(payload: Payload, raw: string, kind: ReportKind): Promise<ReportOutcome> {
  const bodyStart = raw.search(/\r?\n\r?\n/)
  const body = unfold(bodyStart < 0 ? '' : raw.slice(bodyStart))
  const original = await findOriginal(payload, body)
  if (!original) {
    payload.logger.warn(`newsletter inbound: ${kind} report matches no send; dropped`)
    return { matched: false, reason: 'no matching send' }
  }
  const action =
    kind === 'delivery-status' ? await applyDsn(payload, original, body) : await applyArf(payload, original, body)
  payload.logger.info(`newsletter inbound: ${kind} report for subscriber ${original.subscriber}: ${action}`)
  return { matched: true, subscriber: original.subscriber, action }
}
