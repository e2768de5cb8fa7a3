import type { Payload, TaskConfig } from 'payload'

import { parseId } from '../lib/db'
import { isBusyError } from '../lib/sqlite'
import { asSystem } from '../lib/system'
import type { Newsletter, Segment, User } from '../payload-types'
import { gateSend } from '../preflight/gate'
import { campaignForIssue, campaignKey, findIssue, startCampaign, type SendTarget } from './campaign'
import { compareAndSet, makeOwnerId } from './cas'
import { LEASE_MS, type Id } from './ledger'
import { isInterrupted, SCHEDULED_SEND_TASK, type ScheduledSendDoc } from './schedule'
import { queueSendIfNeeded } from './task'

const idOf = (v: unknown): Id | null =>
  v && typeof v === 'object' ? (v as { id: Id }).id : ((v as Id | null | undefined) ?? null)

/** The newsletter and segment stored on the schedule, as a send target. */
async function targetOf(payload: Payload, doc: ScheduledSendDoc): Promise<SendTarget> {
  const newsletter = (await payload.findByID({
    collection: 'newsletters',
    id: idOf(doc.newsletter)!,
    depth: 0,
    ...asSystem('newsletter'),
  })) as Newsletter
  const segmentId = idOf(doc.segment)
  const segment = segmentId
    ? ((await payload.findByID({
        collection: 'segments',
        id: segmentId,
        depth: 0,
        ...asSystem('newsletter'),
      })) as Segment)
    : null
  return { newsletter, segment }
}

/** The editor who scheduled it (access and the gate's override rights are theirs), if they still exist. */
async function schedulerOf(payload: Payload, doc: ScheduledSendDoc) {
  const id = idOf(doc.scheduledBy)
  if (id === null) return null
  const user = (await payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    disableErrors: true,
    ...asSystem('newsletter'),
  })) as User | null
  return user ? { ...user, collection: 'users' as const } : null
}

/** Publish (for "publish and send"), pass the gate, start the campaign. Throws the reason it can't. */
async function perform(payload: Payload, doc: ScheduledSendDoc): Promise<Id> {
  const user = await schedulerOf(payload, doc)
  const reason = doc.override?.trim() || undefined
  let issue = await findIssue(payload, idOf(doc.issue)!)
  if (!issue) throw new Error('The issue no longer exists.')
  if (doc.action === 'publish-and-send' && issue._status !== 'published') {
    // As the editor who scheduled it: their access, and the publish gate with their override reason.
    await payload.update({
      collection: 'issues',
      id: issue.id,
      data: { _status: 'published' },
      depth: 0,
      // Scheduled from the CLI (no user): an operator's publish, gated as `briefing publish` is.
      ...(user ? { user, overrideAccess: false } : asSystem('operator')),
      context: { preflightGate: true, publishOverride: reason ? { reason } : undefined },
    })
    issue = (await findIssue(payload, issue.id))!
  }
  if (issue._status !== 'published') throw new Error(`Issue ${issue.slug} is not published.`)
  const target = await targetOf(payload, doc)
  const existing = await campaignForIssue(payload, issue.id, target)
  // Started by an earlier attempt of this run (a retry after a busy database, or a worker that died):
  // that is our send; startCampaign finishes its preparation if the worker preparing it is gone.
  if (existing && doc.ranAt && Date.parse(existing.createdAt) >= Date.parse(doc.ranAt))
    return (await startCampaign(payload, issue, { userId: user?.id, target })).id
  if (existing) throw new Error('This issue was already sent to this audience.')
  await gateSend(payload, issue.id, reason, user)
  const campaign = await startCampaign(payload, issue, { userId: user?.id, target })
  return campaign.id
}

/** SQLite busy (503) or a lost connection: worth another attempt, not a failed send. */
const transient = (err: unknown) =>
  isBusyError(err) || (err as { status?: number })?.status === 503 || /ECONNRESET|ECONNREFUSED/.test(String(err))

const keyOf = async (payload: Payload, doc: ScheduledSendDoc) =>
  campaignKey(idOf(doc.issue)!, await targetOf(payload, doc))

/** How long a claim holds without renewal; the worker renews it every quarter of that while it runs. */
export const SCHEDULE_LEASE_MS = LEASE_MS
const leaseEnd = (ms = SCHEDULE_LEASE_MS) => new Date(Date.now() + ms).toISOString()
const held = (owner: string) => ({ status: 'running', claimedBy: owner })

/**
 * Publish/gate/start the campaign while holding the claim (renewing its lease), then done or failed
 * — written only while this owner still holds it. Transient errors are rethrown to the caller.
 */
async function execute(payload: Payload, doc: ScheduledSendDoc, owner: string): Promise<'done' | 'failed'> {
  const renew = setInterval(() => {
    compareAndSet(payload, 'scheduled-sends', doc.id, held(owner), { leaseUntil: leaseEnd() }).catch(() => undefined)
  }, SCHEDULE_LEASE_MS / 4)
  renew.unref()
  const finish = (data: Record<string, unknown>) =>
    compareAndSet(payload, 'scheduled-sends', doc.id, held(owner), { ...data, leaseUntil: null })
  try {
    const campaign = await perform(payload, doc)
    await finish({ status: 'done', campaign })
  } catch (err) {
    if (transient(err)) throw err
    const failure = (err as Error).message || String(err)
    payload.logger.warn(`scheduled send ${doc.id} failed: ${failure}`)
    await finish({ status: 'failed', failure: failure.slice(0, 4000) })
    return 'failed'
  } finally {
    clearInterval(renew)
  }
  await queueSendIfNeeded(payload)
  return 'done'
}

/**
 * Run one scheduled send: claim it (pending → running with a lease, compare-and-set, so a second
 * worker holding the same job — or a stale copy of it — does nothing), then publish/gate/start the
 * campaign. The ledger then sends it through the `sendNewsletters` task. A refusal marks it failed
 * with the reason. A worker that dies mid-run leaves it `running`: resumeInterruptedSchedules.
 */
export async function runScheduledSend(payload: Payload, scheduleId: Id): Promise<ScheduledSendDoc['status']> {
  const id = parseId(payload, scheduleId)
  if (id === undefined) return 'cancelled'
  const doc = (await payload.findByID({
    collection: 'scheduled-sends',
    id,
    depth: 0,
    disableErrors: true,
    ...asSystem('newsletter'),
  })) as unknown as ScheduledSendDoc | null
  if (!doc || doc.status !== 'pending') return doc?.status ?? 'cancelled'
  const owner = makeOwnerId()
  // The first attempt's time is kept across retries and takeovers (see perform).
  const ranAt = doc.ranAt ?? new Date().toISOString()
  const claim = { status: 'running', pendingKey: null, claimedBy: owner, leaseUntil: leaseEnd(), ranAt }
  if (!(await compareAndSet(payload, 'scheduled-sends', doc.id, { status: 'pending' }, claim))) return 'running'
  try {
    return await execute(payload, { ...doc, ranAt }, owner)
  } catch (err) {
    // A busy database is not a reason to give up: hand it back and let the job's retry run it.
    const pendingKey = await keyOf(payload, doc)
    await compareAndSet(payload, 'scheduled-sends', doc.id, held(owner), {
      status: 'pending',
      pendingKey,
      leaseUntil: null,
    })
    throw err
  }
}

/**
 * Take over the schedules left `running` by a worker that is gone (its process died on this host,
 * or its lease expired) and finish them. Nobody is sent twice: the campaign the dead worker started
 * is found by its key and resumed (its preparation restarted, its sending through the crash-safe
 * ledger). Each worker pass calls this; returns how many it finished.
 */
export async function resumeInterruptedSchedules(payload: Payload): Promise<number> {
  const running = await payload.find({
    collection: 'scheduled-sends',
    where: { status: { equals: 'running' } },
    limit: 0,
    pagination: false,
    depth: 0,
    ...asSystem('newsletter'),
  })
  let resumed = 0
  for (const doc of running.docs as unknown as ScheduledSendDoc[]) {
    if (!isInterrupted(doc)) continue
    const owner = makeOwnerId()
    const expected = { status: 'running', claimedBy: doc.claimedBy ?? null }
    if (
      !(await compareAndSet(payload, 'scheduled-sends', doc.id, expected, { claimedBy: owner, leaseUntil: leaseEnd() }))
    )
      continue
    payload.logger.warn(`scheduled send ${doc.id}: its worker (${doc.claimedBy ?? 'unknown'}) stopped; taking it over`)
    try {
      await execute(payload, doc, owner)
      resumed++
    } catch (err) {
      // Busy database: let the lease lapse so that the next pass (here or on another worker) tries again.
      payload.logger.warn(`scheduled send ${doc.id}: takeover deferred: ${(err as Error).message}`)
      await compareAndSet(payload, 'scheduled-sends', doc.id, held(owner), { leaseUntil: leaseEnd(-1) })
    }
  }
  return resumed
}

export const scheduledSendTask: TaskConfig = {
  slug: SCHEDULED_SEND_TASK,
  label: 'Run a scheduled newsletter send',
  inputSchema: [{ name: 'schedule', type: 'text', required: true }],
  // Only transient errors (a busy database) reach the queue; the schedule is pending again then.
  retries: { attempts: 10, backoff: { type: 'fixed', delay: 2000 } },
  outputSchema: [{ name: 'status', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const status = await runScheduledSend(req.payload, (input as { schedule: string }).schedule)
    console.log(`scheduled send ${(input as { schedule: string }).schedule}: ${status}`)
    return { output: { status } }
  },
}
