import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { summarise } from '../../src/newsletter/ledger'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let sink: SmtpSink

beforeAll(async () => {
  t = await bootPayload('newsletter-worker')
  await seed(t.payload)
  for (let i = 0; i < 12; i++)
    await t.payload.db.create({ collection: 'subscribers', data: { email: `w${i}@example.com`, status: 'active' } })
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
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `w${i}@example.com`).sort(),
    )
    expect(await summarise(t.payload, campaign.id)).toMatchObject({ sent: 12, pending: 0, sending: 0 })
    const stored = await t.payload.findByID({ collection: 'campaigns', id: campaign.id, overrideAccess: true })
    expect(stored).toMatchObject({ status: 'completed', sent: 12 })
  })
})
