import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { campaignForIssue, retryFailed, resumeCampaign, startCampaign } from '../../src/newsletter/campaign'
import { summarise } from '../../src/newsletter/ledger'
import { Messenger } from '../../src/newsletter/messenger'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type Fault, type SmtpSink } from '../../src/newsletter/smtpSink'
import type { Campaign, Issue } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let sinks: SmtpSink[] = []

/** A fresh published issue per test (one campaign per issue). */
async function publishedIssue(number: number): Promise<Issue> {
  const base = (
    await t.payload.find({
      collection: 'issues',
      where: { slug: { equals: '3-9' } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  const created = await t.payload.create({
    collection: 'issues',
    data: {
      title: 'Weekly Report',
      volume: 7,
      number,
      periodStart: base.periodStart,
      periodEnd: base.periodEnd,
      highlights: [],
      sections: (base.sections ?? []).map((r) => ({ section: r.section })),
      _status: 'published',
    },
    overrideAccess: true,
  })
  return created as Issue
}

async function subscribers(prefix: string, n: number) {
  await t.payload.update({
    collection: 'subscribers',
    where: { status: { equals: 'active' } },
    data: { status: 'unsubscribed' },
    overrideAccess: true,
  })
  for (let i = 0; i < n; i++) {
    await t.payload.create({
      collection: 'subscribers',
      data: { email: `${prefix}${i}@example.com`, status: 'active' },
      overrideAccess: true,
    })
  }
}

async function sink(rcptFault?: (address: string, attempt: number) => Fault) {
  const s = await startSmtpSink({ rcptFault })
  sinks.push(s)
  return s
}

async function run(campaign: Campaign, s: SmtpSink, connections = 4) {
  const messenger = new Messenger(s.url(connections), [5, 10, 20])
  try {
    return await new CampaignRunner(t.payload, messenger).run(campaign.id)
  } finally {
    messenger.close()
  }
}

const deliveredTo = (s: SmtpSink) => s.messages.map((m) => m.envelopeTo[0])
const status = async (email: string) =>
  (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } }, overrideAccess: true }))
    .docs[0].status

beforeAll(async () => {
  t = await bootPayload('newsletter-faults')
  await seed(t.payload)
})
afterEach(async () => {
  for (const s of sinks) await s.close()
  sinks = []
})
afterAll(async () => {
  await t?.close()
})

describe('SMTP faults', () => {
  it('retries 421 and 450 answers with backoff and delivers each message once', async () => {
    await subscribers('temp', 12)
    const s = await sink((address, attempt) => {
      if (address === 'temp3@example.com' && attempt <= 2)
        return { code: 450, message: '450 4.2.1 Mailbox busy, try later' }
      if (address === 'temp7@example.com' && attempt === 1)
        return { code: 421, message: '421 4.7.0 Too many connections, slow down' }
      return null
    })
    const campaign = await startCampaign(t.payload, await publishedIssue(1))
    const result = await run(campaign, s)
    expect(result).toMatchObject({ status: 'completed', sent: 12, failed: 0 })
    expect(deliveredTo(s).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `temp${i}@example.com`).sort())
  })

  it('retries dropped connections: every recipient gets the message exactly once', async () => {
    await subscribers('drop', 15)
    const s = await sink()
    s.dropNext(3)
    const campaign = await startCampaign(t.payload, await publishedIssue(2))
    const result = await run(campaign, s)
    expect(s.dropped()).toBe(3)
    expect(result).toMatchObject({ status: 'completed', sent: 15, failed: 0 })
    expect(deliveredTo(s).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `drop${i}@example.com`).sort())
  })

  it('marks a 550 recipient failed and the subscriber bounced; the others are sent', async () => {
    await subscribers('hard', 10)
    const s = await sink((address) =>
      address === 'hard4@example.com' ? { code: 550, message: '550 5.1.1 No such user' } : null,
    )
    const campaign = await startCampaign(t.payload, await publishedIssue(3))
    const result = await run(campaign, s)
    expect(result).toMatchObject({ status: 'completed', sent: 9, failed: 1 })
    expect(deliveredTo(s)).not.toContain('hard4@example.com')
    expect(await status('hard4@example.com')).toBe('bounced')
    expect(await status('hard5@example.com')).toBe('active')
  })

  it('pauses when temporary failures outlast the retries, keeps the recipient pending, and resumes', async () => {
    await subscribers('busy', 8)
    let refusing = true
    const s = await sink((address) =>
      refusing && address === 'busy2@example.com' ? { code: 451, message: '451 4.3.0 Local problem' } : null,
    )
    const issue = await publishedIssue(4)
    const campaign = await startCampaign(t.payload, issue)
    const paused = await run(campaign, s)
    expect(paused.status).toBe('paused')
    expect(paused.pausedReason).toMatch(/451/)
    expect(deliveredTo(s)).not.toContain('busy2@example.com')
    expect((await summarise(t.payload, campaign.id)).failed).toBe(0)
    refusing = false
    await resumeCampaign(t.payload, (await campaignForIssue(t.payload, issue.id))!)
    const resumed = await run(campaign, s)
    expect(resumed).toMatchObject({ status: 'completed', sent: 8, failed: 0 })
    expect(deliveredTo(s).filter((a) => a === 'busy2@example.com')).toHaveLength(1)
    expect(s.messages).toHaveLength(8)
  })

  it('pauses at the error threshold; "retry failed" resends to the failed recipients only', async () => {
    await subscribers('bad', 20)
    let rejecting = true
    const rejected = new Set(['bad1@example.com', 'bad2@example.com', 'bad3@example.com'])
    const s = await sink((address) =>
      rejecting && rejected.has(address) ? { code: 554, message: '554 5.7.1 Message refused' } : null,
    )
    const issue = await publishedIssue(5)
    const campaign = await startCampaign(t.payload, issue, { errorThreshold: 2 })
    const paused = await run(campaign, s, 1)
    expect(paused.status).toBe('paused')
    expect(paused.pausedReason).toMatch(/threshold 2/)
    expect(paused.failed).toBeGreaterThanOrEqual(2)
    expect(paused.sent + paused.failed).toBeLessThan(20)
    // 554 is not a hard bounce: the subscribers stay active.
    expect(await status('bad1@example.com')).toBe('active')

    rejecting = false
    const before = s.messages.length
    const reopened = await retryFailed(t.payload, (await campaignForIssue(t.payload, issue.id))!)
    expect(reopened).toBe(paused.failed)
    const done = await run(campaign, s, 4)
    expect(done).toMatchObject({ status: 'completed', sent: 20, failed: 0 })
    const all = deliveredTo(s)
    expect(all).toHaveLength(20)
    expect(new Set(all).size).toBe(20)
    expect(s.messages.length - before).toBe(20 - paused.sent)
  })

  it('skips a subscriber who unsubscribed after the audience was frozen, and records the skip', async () => {
    await subscribers('late', 8)
    const s = await sink()
    const issue = await publishedIssue(6)
    const campaign = await startCampaign(t.payload, issue)
    const gone = (
      await t.payload.find({ collection: 'subscribers', where: { email: { equals: 'late5@example.com' } } })
    ).docs[0]
    await t.payload.update({ collection: 'subscribers', id: gone.id, data: { status: 'unsubscribed' } })
    const done = await run(campaign, s, 3)
    expect(done).toMatchObject({ status: 'completed', sent: 7, skipped: 1, failed: 0 })
    expect(deliveredTo(s).sort()).toEqual([0, 1, 2, 3, 4, 6, 7].map((i) => `late${i}@example.com`))
    expect(await summarise(t.payload, campaign.id)).toMatchObject({ total: 8, sent: 7, skipped: 1, pending: 0 })
  })
})
