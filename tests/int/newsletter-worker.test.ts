import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runJobsOnce } from '../../src/jobs/worker'
import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { summarise } from '../../src/newsletter/ledger'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { closeSharedMessenger, NEWSLETTER_QUEUE, queueSendIfNeeded } from '../../src/newsletter/task'
import { richText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let sink: SmtpSink

beforeAll(async () => {
  t = await bootPayload('newsletter-worker')
  await seed(t.payload)
  for (let i = 0; i < 12; i++)
    await t.payload.db.create({ collection: 'subscribers', data: { email: `w${i}@example.com`, status: 'active' } })
  await upgradeToNewsletters(t.payload) // rows written below the Local API join the first newsletter
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('briefing worker', () => {
  it('runs the queue in a separate process: a campaign started elsewhere is sent by the worker', async () => {
    // Started (rendered + audience frozen) by this process, as the admin would...
    const campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
    expect(campaign.status).toBe('sending')
    // ...and sent by `briefing worker --once` in its own process.
    const run = await briefing(['worker', '--once'], { SMTP_URL: sink.url(3) })
    const output = run.stdout + run.stderr
    expect(run.status, output).toBe(0)
    expect(output).toContain('campaign completed: sent 12, failed 0')
    expect(output).toContain('jobs: ran 1 due job(s)') // the send ran as a job of Payload's queue
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `w${i}@example.com`).sort(),
    )
    expect(await summarise(t.payload, campaign.id)).toMatchObject({ sent: 12, pending: 0, sending: 0 })
    const stored = await t.payload.findByID({ collection: 'campaigns', id: campaign.id, overrideAccess: true })
    expect(stored).toMatchObject({ status: 'completed', sent: 12 })
  }, 240_000)

  it('a send is a job task: queued once while it waits, run by the jobs queue, nobody twice', async () => {
    for (let i = 0; i < 3; i++)
      await t.payload.db.create({ collection: 'subscribers', data: { email: `j${i}@example.com`, status: 'active' } })
    await upgradeToNewsletters(t.payload)
    sink.messages.length = 0
    const section = await t.payload.create({ collection: 'sections', data: { name: 'Jobs', style: 'full' } })
    const issue = await t.payload.create({ collection: 'issues', data: { volume: 9 }, draft: true })
    await t.payload.create({
      collection: 'items',
      data: { issue: issue.id, section: section.id, headline: 'Queued', date: '2024-03-05', body: richText('Text') },
      draft: true,
    })
    const published = await t.payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    await startCampaign(t.payload, published)
    expect(await queueSendIfNeeded(t.payload)).toBe(true)
    expect(await queueSendIfNeeded(t.payload)).toBe(false) // one run waiting is enough
    process.env.SMTP_URL = sink.url(2)
    try {
      const runs = await Promise.all([
        runJobsOnce(t.payload, NEWSLETTER_QUEUE),
        runJobsOnce(t.payload, NEWSLETTER_QUEUE),
      ])
      // The queued run is run by the jobs queue. A pass that checks after the other pass's job started
      // may queue one more run (one may wait while one runs, by design); it finds nothing left to send.
      expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1)
    } finally {
      delete process.env.SMTP_URL
      closeSharedMessenger()
    }
    const to = sink.messages.map((m) => m.envelopeTo[0])
    expect(to).toHaveLength(15)
    expect(new Set(to).size).toBe(15)
    expect(await queueSendIfNeeded(t.payload)).toBe(false) // completed: nothing left to send
  })
})
