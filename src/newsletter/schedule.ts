import type { Payload, PayloadRequest } from 'payload'

import { SCHEDULE_ACTIONS, type ScheduleAction, type ScheduleStatus } from '../../collections/ScheduledSends'
import { refusal } from '../lib/endpoint'
import { asSystem } from '../lib/system'
import type { Issue, Newsletter, Segment, User } from '../payload-types'
import { campaignForIssue, campaignKey, resolveTarget, type SendTarget } from './campaign'
import { compareAndSetDoc, ownerIsDead } from './cas'
import type { Id } from './ledger'
import { NEWSLETTER_QUEUE } from './task'

/**
 * Scheduled sends: create (validated), cancel and show them. The run itself is scheduleTask.ts.
 * Every refusal is an APIError with a 4xx status and a message (the endpoints answer it as it is,
 * the CLI prints the message); nothing is stored when a request is refused.
 */
export const SCHEDULED_SEND_TASK = 'runScheduledSend'

export type ScheduleRequest = {
  at?: unknown
  action?: unknown
  newsletter?: unknown
  segment?: unknown
  override?: unknown
}

/** A stored scheduled send, as the Local API returns it (relations at depth 0 or 1). */
export type ScheduledSendDoc = {
  id: Id
  issue: Id | Issue
  action: ScheduleAction
  at: string
  newsletter: Id | Newsletter
  segment?: Id | Segment | null
  override?: string | null
  status: ScheduleStatus
  failure?: string | null
  scheduledBy?: Id | User | null
  cancelledBy?: Id | User | null
  cancelledAt?: string | null
  ranAt?: string | null
  campaign?: Id | { id: Id } | null
  job?: string | null
  claimedBy?: string | null
  leaseUntil?: string | null
}

/** A `running` schedule whose worker is gone: its process died on this host, or its lease ran out. */
export const isInterrupted = (doc: Pick<ScheduledSendDoc, 'status' | 'claimedBy' | 'leaseUntil'>, now = Date.now()) =>
  doc.status === 'running' && (ownerIsDead(doc.claimedBy) || (doc.leaseUntil ? Date.parse(doc.leaseUntil) < now : true))

// A time with its zone: the editor's browser sends its offset, the CLI takes Z or ±hh:mm.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/** The requested time as an instant in the future; 400 otherwise. */
export function parseScheduleTime(value: unknown, now = Date.now()): Date {
  if (value === undefined || value === null || value === '')
    throw refusal(400, 'Give the time of the send as `at`, an ISO 8601 time with its zone (2026-12-01T09:30:00+08:00).')
  const at = typeof value === 'string' && ISO_WITH_ZONE.test(value.trim()) ? new Date(value.trim()) : null
  if (!at || Number.isNaN(at.getTime()))
    throw refusal(
      400,
      `\`at\` must be an ISO 8601 time with its zone, such as 2026-12-01T09:30:00+08:00 (got ${JSON.stringify(value)}).`,
    )
  if (at.getTime() <= now) throw refusal(400, `The time ${at.toISOString()} is in the past: choose a later time.`)
  return at
}

const parseAction = (value: unknown): ScheduleAction => {
  if (SCHEDULE_ACTIONS.includes(value as ScheduleAction)) return value as ScheduleAction
  throw refusal(400, `\`action\` must be "send" (a published issue) or "publish-and-send" (a draft).`)
}

const slug = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** The newsletter/segment named by slugs, chosen as for an immediate send; 400 for unknown ones. */
export async function scheduleTarget(payload: Payload, issue: Issue, names: ScheduleRequest): Promise<SendTarget> {
  const target = await resolveTarget(payload, issue, {
    newsletter: slug(names.newsletter),
    segment: slug(names.segment),
  })
  if ('error' in target) throw refusal(400, `${target.error[0].toUpperCase()}${target.error.slice(1)}.`)
  return target
}

const findPending = async (payload: Payload, key: string) =>
  ((
    await payload.find({
      collection: 'scheduled-sends',
      where: { pendingKey: { equals: key } },
      limit: 1,
      depth: 0,
      ...asSystem('newsletter'),
    })
  ).docs[0] as unknown as ScheduledSendDoc | undefined) ?? null

const isUniqueViolation = (err: unknown) => /unique|duplicate/i.test(String((err as Error)?.message ?? err))

/**
 * Schedule "send at" or "publish and send at" for an issue (the request already checked the role).
 * 400: no/bad/past time, unknown action or newsletter/segment, "send" of an unpublished issue;
 * 409: already sent to that audience, or a pending schedule for it exists. The job is queued with
 * `waitUntil` = the time, in the newsletter queue every worker (and the web process) polls.
 */
export async function createSchedule(
  payload: Payload,
  issue: Issue,
  body: ScheduleRequest,
  user: PayloadRequest['user'] | null,
): Promise<ScheduledSendDoc> {
  const action = parseAction(body.action)
  const at = parseScheduleTime(body.at)
  if (action === 'send' && issue._status !== 'published')
    throw refusal(400, `Issue ${issue.slug} is not published: schedule "publish and send", or publish it first.`)
  const target = await scheduleTarget(payload, issue, body)
  if (await campaignForIssue(payload, issue.id, target))
    throw refusal(409, 'This issue was already sent to this audience.')
  const key = campaignKey(issue.id, target)
  const pending = await findPending(payload, key)
  if (pending)
    throw refusal(409, `A send of this issue to this audience is already scheduled for ${pending.at}: cancel it first.`)
  const override = typeof body.override === 'string' ? body.override.trim().slice(0, 1000) : ''
  const doc = (await payload
    .create({
      collection: 'scheduled-sends',
      data: {
        issue: issue.id as number,
        action,
        at: at.toISOString(),
        newsletter: target.newsletter.id,
        segment: target.segment?.id ?? null,
        override: override || null,
        status: 'pending',
        pendingKey: key,
        scheduledBy: (user?.id as number | undefined) ?? null,
      },
      depth: 0,
      ...asSystem('newsletter'),
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(409, 'A send of this issue to this audience is already scheduled.')
      throw err
    })) as unknown as ScheduledSendDoc
  try {
    const job = await payload.jobs.queue({
      task: SCHEDULED_SEND_TASK,
      input: { schedule: String(doc.id) },
      queue: NEWSLETTER_QUEUE,
      waitUntil: at,
    })
    return (await payload.update({
      collection: 'scheduled-sends',
      id: doc.id,
      data: { job: String(job.id) },
      depth: 0,
      ...asSystem('newsletter'),
    })) as unknown as ScheduledSendDoc
  } catch (err) {
    await payload.delete({ collection: 'scheduled-sends', id: doc.id, ...asSystem('newsletter') })
    throw err
  }
}

/**
 * Cancel the pending schedule of an issue to a target (default target as for a send): 404 when there
 * is none, 409 when a worker has just started it. Its queued job is removed.
 */
export async function cancelSchedule(
  payload: Payload,
  issue: Issue,
  names: ScheduleRequest,
  user: PayloadRequest['user'] | null,
): Promise<ScheduledSendDoc> {
  const target = await scheduleTarget(payload, issue, names)
  const pending = await findPending(payload, campaignKey(issue.id, target))
  if (!pending) throw refusal(404, `No pending scheduled send of issue ${issue.slug} to this audience.`)
  const cancelled = await compareAndSetDoc(
    payload,
    'scheduled-sends',
    pending.id,
    { status: 'pending' },
    { status: 'cancelled', pendingKey: null, cancelledBy: user?.id ?? null, cancelledAt: new Date().toISOString() },
  )
  if (!cancelled) throw refusal(409, 'This scheduled send has just started: it can no longer be cancelled.')
  if (pending.job)
    await payload.delete({
      collection: 'payload-jobs',
      where: { and: [{ id: { equals: pending.job } }, { processing: { equals: false } }] },
      ...asSystem('bookkeeping'),
    })
  return pending
}

const person = (u: unknown) =>
  u && typeof u === 'object'
    ? { id: (u as User).id, email: (u as User).email, name: (u as { name?: string }).name ?? null }
    : null
const audience = (a: unknown) =>
  a && typeof a === 'object'
    ? { id: (a as Newsletter).id, slug: (a as Newsletter).slug, name: (a as Newsletter).name }
    : null

/** What the panels and the API show of a schedule: the time in UTC (the browser shows it in its zone). */
export async function scheduleView(payload: Payload, id: Id) {
  const doc = (await payload.findByID({
    collection: 'scheduled-sends',
    id,
    depth: 1,
    ...asSystem('newsletter'),
  })) as unknown as ScheduledSendDoc
  const campaign = doc.campaign && typeof doc.campaign === 'object' ? doc.campaign.id : (doc.campaign ?? null)
  return {
    id: doc.id,
    issue: typeof doc.issue === 'object' ? doc.issue.id : doc.issue,
    action: doc.action,
    at: doc.at,
    status: doc.status,
    /** Running, but its worker died: another worker takes it over (the panel says so). */
    interrupted: isInterrupted(doc),
    failure: doc.failure ?? null,
    override: doc.override ?? null,
    newsletter: audience(doc.newsletter),
    segment: audience(doc.segment),
    scheduledBy: person(doc.scheduledBy),
    cancelledBy: person(doc.cancelledBy),
    cancelledAt: doc.cancelledAt ?? null,
    ranAt: doc.ranAt ?? null,
    campaign,
  }
}

export type ScheduleView = Awaited<ReturnType<typeof scheduleView>>

/** An issue's schedules, newest first (pending ones and what became of earlier ones). */
export async function issueSchedules(payload: Payload, issueId: Id): Promise<ScheduleView[]> {
  const found = await payload.find({
    collection: 'scheduled-sends',
    where: { issue: { equals: issueId } },
    sort: '-createdAt',
    limit: 20,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return Promise.all(found.docs.map((d) => scheduleView(payload, d.id)))
}
