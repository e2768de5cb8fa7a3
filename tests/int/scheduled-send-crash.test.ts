import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { lastWords, startWorker, within, workersUp, type Instance } from '../helpers/instances'
import { bootWithRest } from '../helpers/rest'

/**
 * A scheduled send whose worker is killed (kill -9) while the schedule is `running`: the claim
 * carries a lease, the editor sees that the run was interrupted, another `briefing worker` takes it
 * over, the schedule ends `done` and every recipient gets exactly one message (real SMTP on loopback).
 */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let sink: SmtpSink
const N = 400
const sys = { overrideAccess: true } as const
const RECIPIENTS = Array.from({ length: N }, (_, i) => `lease${i}@example.com`)

type Schedule = { id: number; status: string; claimedBy?: string | null; campaign?: number | null }
const scheduleOf = async (issueId: number) =>
  (await payload.find({ collection: 'scheduled-sends', where: { issue: { equals: issueId } }, depth: 0, ...sys }))
    .docs[0] as unknown as Schedule | undefined

beforeAll(async () => {
  t = await bootWithRest('scheduled-send-crash')
  payload = t.payload
  for (const email of RECIPIENTS)
    await payload.db.create({ collection: 'subscribers', data: { email, status: 'active' } })
  await upgradeToNewsletters(payload) // rows written below the Local API join the first newsletter
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

async function publishedIssue() {
  const section = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  const source = (await payload.create({ collection: 'sources', data: { name: 'Xinhua' } })).id
  const issue = await payload.create({
    collection: 'issues',
    data: { volume: 7, periodStart: '2024-03-02', periodEnd: '2024-03-08', sections: [{ section }] },
    draft: true,
  })
  await payload.create({
    collection: 'items',
    data: {
      issue: issue.id,
      section,
      headline: 'Leased item',
      date: '2024-03-05',
      sources: [source],
      body: richText('Xi spoke to the Jiangsu delegation.'),
      status: 'approved',
    } as never,
    draft: true,
  })
  return payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
}

describe('a scheduled send whose worker dies while it runs', () => {
  const workers: Instance[] = []
  // One recipient per ledger batch: writing the audience takes a while, so the kill lands mid-run.
  const env = () => ({
    SMTP_URL: sink.url(2),
    NEWSLETTER_WORKER: 'external',
    NEWSLETTER_WORKER_INTERVAL_MS: '200',
    NEWSLETTER_BATCH_SIZE: '1',
  })
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()))
  })

  it('is taken over by another worker and ends done; every recipient gets exactly one message', async () => {
    const issue = await publishedIssue()
    const first = startWorker(env())
    workers.push(first)
    await workersUp([first])
    const at = new Date(Date.now() + 10_000).toISOString()
    const created = await t.rest('POST', `issues/${issue.id}/schedule-send`, {
      as: t.editor,
      body: { at, action: 'send' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)

    const deadline = Date.now() + 120_000
    while ((await scheduleOf(issue.id))?.status !== 'running') {
      if (Date.now() > deadline) throw new Error(`never running: ${first.output().slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))

    // The worker died mid-run: the schedule is still `running`, claimed by the dead process.
    const orphan = await scheduleOf(issue.id)
    expect(orphan?.status, 'the kill landed after the run had finished').toBe('running')
    expect(orphan?.claimedBy).toContain(`:${first.child.pid}:`)
    // The editor is told the truth: it was interrupted and will be resumed by a worker.
    const shown = await t.rest('GET', `issues/${issue.id}/schedule-send`, { as: t.editor })
    expect(shown.body.docs?.[0]).toMatchObject({ status: 'running', interrupted: true })

    const second = startWorker(env())
    workers.push(second)
    await within(
      240_000,
      async () => (await scheduleOf(issue.id))?.status === 'done',
      'the schedule taken over and done',
      { explain: () => lastWords([second]) },
    )
    const campaigns = (
      await payload.find({ collection: 'campaigns', where: { issue: { equals: issue.id } }, depth: 0, ...sys })
    ).docs
    expect(campaigns).toHaveLength(1)
    await within(
      240_000,
      async () =>
        (await payload.findByID({ collection: 'campaigns', id: campaigns[0].id, depth: 0, ...sys })).status ===
        'completed',
      'campaign completed',
    )
    const done = await scheduleOf(issue.id)
    expect(done).toMatchObject({ status: 'done', campaign: campaigns[0].id })
    expect(done?.claimedBy).not.toContain(`:${first.child.pid}:`)
    const view = await t.rest('GET', `issues/${issue.id}/schedule-send`, { as: t.editor })
    expect(view.body.docs?.[0]).toMatchObject({ status: 'done', interrupted: false })
    const received = sink.messages.map((m) => m.envelopeTo[0]).sort()
    expect(received).toEqual([...RECIPIENTS].sort())
  }, 600_000)
})
