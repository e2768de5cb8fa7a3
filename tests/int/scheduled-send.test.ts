import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { ensureFirstNewsletter, upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { briefing } from '../helpers/cli'
import { lastWords, startWorker, within, workersUp, type Instance } from '../helpers/instances'
import { makeUser } from '../helpers/payload'
import { bootWithRest } from '../helpers/rest'

/**
 * Scheduled sends: `POST /api/issues/:id/schedule-send` stores a schedule in UTC, the jobs queue runs
 * it once at its time (here: two real `briefing worker` processes on the same SQLite file, sending
 * over real SMTP on loopback), the gate applies at run time, and a cancelled schedule sends nothing.
 */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let sink: SmtpSink
let section: number
let source: number
let volume = 30
const sys = { overrideAccess: true } as const
const RECIPIENTS = Array.from({ length: 8 }, (_, i) => `sched${i}@example.com`)

/** A draft issue with one complete item of the given review status (approved passes the gate). */
async function draftIssue(itemStatus = 'approved') {
  const issue = await payload.create({
    collection: 'issues',
    data: { volume: volume++, periodStart: '2024-03-02', periodEnd: '2024-03-08', sections: [{ section }] },
    draft: true,
  })
  await payload.create({
    collection: 'items',
    data: {
      issue: issue.id,
      section,
      headline: `Scheduled item ${issue.id}`,
      date: '2024-03-05',
      sources: [source],
      body: richText('Xi spoke to the Jiangsu delegation.'),
      status: itemStatus,
    } as never,
    draft: true,
  })
  return issue
}

/** Published without a user (not gated), as an import or the seed would. */
const publishedIssue = async (itemStatus = 'approved') => {
  const issue = await draftIssue(itemStatus)
  return payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
}

const schedule = (issueId: number, body: Record<string, unknown>, as: { email: string } = t.editor) =>
  t.rest('POST', `issues/${issueId}/schedule-send`, { as, body })

const schedulesOf = async (issueId: number) =>
  (await payload.find({ collection: 'scheduled-sends', where: { issue: { equals: issueId } }, depth: 0, ...sys }))
    .docs as unknown as Array<{ id: number; status: string; failure?: string | null; campaign?: number | null }>

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString()

beforeAll(async () => {
  t = await bootWithRest('scheduled-send')
  payload = t.payload
  section = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  source = (await payload.create({ collection: 'sources', data: { name: 'Xinhua' } })).id
  for (const email of RECIPIENTS)
    await payload.db.create({ collection: 'subscribers', data: { email, status: 'active' } })
  await upgradeToNewsletters(payload) // rows written below the Local API join the first newsletter
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('scheduling a send over REST', () => {
  it('bad input is a 400 with a message and stores nothing; contributors 403, anonymous 401', async () => {
    const draft = await draftIssue()
    const published = await publishedIssue()
    const cases: Array<[number, Record<string, unknown>, RegExp]> = [
      [published.id, { at: new Date(Date.now() - 60_000).toISOString(), action: 'send' }, /in the past/],
      [published.id, { at: 'next tuesday', action: 'send' }, /ISO/],
      [published.id, { action: 'send' }, /`at`/],
      [published.id, { at: inSeconds(3600), action: 'broadcast' }, /action/],
      [draft.id, { at: inSeconds(3600), action: 'send' }, /not published/],
      [published.id, { at: inSeconds(3600), action: 'send', newsletter: 'nope' }, /no newsletter with slug nope/i],
      [published.id, { at: inSeconds(3600), action: 'send', segment: 'nope' }, /no segment with slug nope/i],
    ]
    for (const [id, body, message] of cases) {
      const answer = await schedule(id, body)
      expect(answer.status, JSON.stringify(answer.body)).toBe(400)
      expect(answer.body.errors?.[0]?.message).toMatch(message)
    }
    const contributor = await makeUser(payload, 'contributor', 'contrib-sched@example.com')
    expect((await schedule(published.id, { at: inSeconds(3600), action: 'send' }, contributor)).status).toBe(403)
    const anonymous = await t.rest('POST', `issues/${published.id}/schedule-send`, {
      body: { at: inSeconds(3600), action: 'send' },
    })
    expect(anonymous.status).toBe(401)
    expect((await t.rest('POST', `issues/999999/schedule-send`, { as: t.editor, body: {} })).status).toBe(404)
    expect(await schedulesOf(draft.id)).toEqual([])
    expect(await schedulesOf(published.id)).toEqual([])
  })

  it('stores the time in UTC, one pending schedule per issue and newsletter, cancellable', async () => {
    const issue = await publishedIssue()
    const first = await ensureFirstNewsletter(payload)
    // An editor in UTC+8 picked 09:30 local: the browser sends the instant with its offset.
    const at = new Date(Date.now() + 86_400_000)
    const local = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00')
    const created = await schedule(issue.id, { at: local, action: 'send' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc).toMatchObject({
      at: at.toISOString(),
      action: 'send',
      status: 'pending',
      newsletter: { slug: first.slug },
      segment: null,
      scheduledBy: { email: t.editor.email },
    })
    const again = await schedule(issue.id, { at: inSeconds(7200), action: 'send', newsletter: first.slug })
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0]?.message).toMatch(/already scheduled/)

    const listed = await t.rest('GET', `issues/${issue.id}/schedule-send`, { as: t.editor })
    expect(listed.body.docs).toHaveLength(1)
    const cancelled = await t.rest('DELETE', `issues/${issue.id}/schedule-send`, { as: t.editor, body: {} })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body.doc).toMatchObject({ status: 'cancelled', cancelledBy: { email: t.editor.email } })
    const none = await t.rest('DELETE', `issues/${issue.id}/schedule-send`, { as: t.editor, body: {} })
    expect(none.status).toBe(404)
    // Cancelled: a new one may be scheduled for the same newsletter.
    expect((await schedule(issue.id, { at: inSeconds(7200), action: 'send' })).status).toBe(201)
  })
})

describe('the jobs queue on a shared database', () => {
  it('a job update that fails ends its transaction: later writes of the process do not wait for it', async () => {
    // What Payload's queue does for every job update: a transaction of its own, then db.updateJobs.
    const transactionID = await payload.db.beginTransaction()
    const failing = payload.db.updateJobs({
      data: { processing: false },
      where: { noSuchField: { equals: 1 } },
      limit: 1,
      req: { transactionID },
    } as never)
    await expect(failing).rejects.toThrow()
    // Payload neither commits nor rolls back after such an error: a worker's next write would find
    // the transaction still holding the database (503 "busy" on every pass from then on).
    const section = await payload.create({
      collection: 'sections',
      data: { name: 'After a failed job update', style: 'full' },
    })
    expect(section.id).toBeDefined()
  })
})

describe('running scheduled sends with two `briefing worker` processes', () => {
  let workers: Instance[] = []

  beforeAll(async () => {
    const env = {
      SMTP_URL: sink.url(2),
      NEWSLETTER_WORKER: 'external',
      NEWSLETTER_WORKER_INTERVAL_MS: '1000',
    }
    workers = [startWorker(env), startWorker(env)]
    await workersUp(workers)
  })
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()))
  })

  // On a timeout, the end of what the workers said.
  const settled = (issueId: number, status = 'done') =>
    within(180_000, async () => (await schedulesOf(issueId)).every((s) => s.status === status), `schedule ${status}`, {
      explain: () => lastWords(workers),
    })

  const campaignOf = async (issueId: number) =>
    (await payload.find({ collection: 'campaigns', where: { issue: { equals: issueId } }, ...sys })).docs

  it('runs once at its time: each recipient gets exactly one message; a cancelled one sends nothing', async () => {
    sink.messages.length = 0
    const issue = await publishedIssue()
    const cancelledIssue = await publishedIssue()
    const at = inSeconds(4)
    expect((await schedule(issue.id, { at, action: 'send' })).status).toBe(201)
    expect((await schedule(cancelledIssue.id, { at, action: 'send' })).status).toBe(201)
    expect((await t.rest('DELETE', `issues/${cancelledIssue.id}/schedule-send`, { as: t.editor })).status).toBe(200)

    await settled(issue.id)
    await within(120_000, async () => sink.messages.length >= RECIPIENTS.length, 'every message')
    const [campaign] = await campaignOf(issue.id)
    await within(60_000, async () => (await campaignOf(issue.id))[0]?.status === 'completed', 'campaign completed')
    // Several more worker passes: nobody runs it again.
    await new Promise((r) => setTimeout(r, 2000))
    expect(Date.parse(campaign.startedAt as string)).toBeGreaterThanOrEqual(Date.parse(at))
    expect(await campaignOf(issue.id)).toHaveLength(1)
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([...RECIPIENTS].sort())
    const [done] = await schedulesOf(issue.id)
    expect(done).toMatchObject({ status: 'done', campaign: campaign.id })

    expect(await campaignOf(cancelledIssue.id)).toEqual([])
    expect((await schedulesOf(cancelledIssue.id)).map((s) => s.status)).toEqual(['cancelled'])
  }, 300_000)

  it('publish and send: a draft issue is published at its time, then sent', async () => {
    sink.messages.length = 0
    const issue = await draftIssue()
    expect((await schedule(issue.id, { at: inSeconds(2), action: 'publish-and-send' })).status).toBe(201)
    expect((await payload.findByID({ collection: 'issues', id: issue.id, draft: true }))._status).toBe('draft')
    await settled(issue.id)
    expect((await payload.findByID({ collection: 'issues', id: issue.id }))._status).toBe('published')
    await within(120_000, async () => (await campaignOf(issue.id))[0]?.status === 'completed', 'campaign completed')
    expect(sink.messages).toHaveLength(RECIPIENTS.length)
  }, 300_000)

  it('the gate applies at run time: a blocked issue is not sent and the schedule says why; an override is honoured', async () => {
    sink.messages.length = 0
    const blocked = await publishedIssue('unassigned')
    const overridden = await publishedIssue('unassigned')
    expect((await schedule(blocked.id, { at: inSeconds(2), action: 'send' })).status).toBe(201)
    const reason = 'Correction of last week: send as it is'
    expect((await schedule(overridden.id, { at: inSeconds(2), action: 'send', override: reason })).status).toBe(201)

    await settled(blocked.id, 'failed')
    const [failed] = await schedulesOf(blocked.id)
    expect(failed.failure).toMatch(/Cannot send .*item-not-approved/)
    expect(await campaignOf(blocked.id)).toEqual([])

    await settled(overridden.id)
    await within(
      120_000,
      async () => (await campaignOf(overridden.id))[0]?.status === 'completed',
      'campaign completed',
    )
    expect(sink.messages).toHaveLength(RECIPIENTS.length)
    const stored = (await payload.findByID({ collection: 'issues', id: overridden.id, depth: 0 })) as unknown as {
      overrides: Array<{ reason: string; action: string; user: number }>
    }
    expect(stored.overrides).toEqual([expect.objectContaining({ reason, action: 'send', user: t.editor.id })])
  }, 300_000)
})

describe('the CLI', () => {
  it('`newsletter send <slug> --at` schedules, `newsletter schedule cancel <slug>` cancels; a past time changes nothing', async () => {
    const issue = await publishedIssue()
    const past = await briefing(['newsletter', 'send', issue.slug!, '--at', '2020-01-01T00:00:00Z'])
    expect(past.status, past.stdout + past.stderr).toBe(1)
    expect(past.stderr).toMatch(/in the past/)
    expect(await schedulesOf(issue.id)).toEqual([])

    const at = new Date(Date.now() + 3600_000).toISOString()
    const scheduled = await briefing(['newsletter', 'send', issue.slug!, '--at', at, '--yes'])
    expect(scheduled.status, scheduled.stdout + scheduled.stderr).toBe(0)
    expect(scheduled.stdout).toContain(`scheduled: send ${issue.slug} at ${at}`)
    expect((await schedulesOf(issue.id)).map((s) => s.status)).toEqual(['pending'])

    const cancelled = await briefing(['newsletter', 'schedule', 'cancel', issue.slug!])
    expect(cancelled.status, cancelled.stdout + cancelled.stderr).toBe(0)
    expect(cancelled.stdout).toContain('cancelled')
    expect((await schedulesOf(issue.id)).map((s) => s.status)).toEqual(['cancelled'])
  }, 300_000)
})
