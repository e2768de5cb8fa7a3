import os from 'node:os'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { compareAndSet } from '../../src/newsletter/cas'
import { claimBatch, pendingBatchIds, summarise } from '../../src/newsletter/ledger'
import { Messenger } from '../../src/newsletter/messenger'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink } from '../../src/newsletter/smtpSink'
import type { Issue } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload

async function issueNumbered(number: number): Promise<Issue> {
  const base = (await findIssue(t.payload, '3-9'))!
  return (await t.payload.create({
    collection: 'issues',
    data: {
      title: 'Weekly Report',
      volume: 8,
      number,
      periodStart: base.periodStart,
      periodEnd: base.periodEnd,
      sections: (base.sections ?? []).map((r) => ({ section: r.section })),
      _status: 'published',
    },
    overrideAccess: true,
  })) as Issue
}

beforeAll(async () => {
  t = await bootPayload('newsletter-ledger')
  await seed(t.payload)
  for (let i = 0; i < 60; i++) {
    await t.payload.db.create({
      collection: 'subscribers',
      data: { email: `ledger${i}@example.com`, status: 'active' },
    })
  }
  // Written below the Local API like data from before newsletters: the upgrade subscribes them.
  await upgradeToNewsletters(t.payload)
})
afterAll(async () => {
  await t?.close()
})

describe('the ledger', () => {
  it('freezes the audience at the start, in batches with persisted Message-IDs', async () => {
    const campaign = await startCampaign(t.payload, await issueNumbered(1), { batchSize: 7 })
    expect(campaign).toMatchObject({ status: 'sending', total: 60 })
    await t.payload.db.create({ collection: 'subscribers', data: { email: 'late@example.com', status: 'active' } })
    const batches = await t.payload.find({
      collection: 'delivery-batches',
      where: { campaign: { equals: campaign.id } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    expect(batches.docs).toHaveLength(9)
    const recipients = batches.docs.flatMap(
      (b) => b.recipients as Array<{ email: string; messageId: string; state: string }>,
    )
    expect(recipients).toHaveLength(60)
    expect(recipients.map((r) => r.email)).not.toContain('late@example.com')
    expect(new Set(recipients.map((r) => r.messageId)).size).toBe(60)
    expect(recipients.every((r) => r.state === 'pending')).toBe(true)
    await t.payload.delete({
      collection: 'subscribers',
      where: { email: { equals: 'late@example.com' } },
      overrideAccess: true,
    })
  })

  it('compare-and-set is atomic: of many concurrent claims on a batch exactly one wins', async () => {
    const campaign = await startCampaign(t.payload, await issueNumbered(2), { batchSize: 3 })
    const ids = await pendingBatchIds(t.payload, campaign.id, 100)
    expect(ids).toHaveLength(20)
    // 8 claimers race for every batch at once.
    const attempts = ids.flatMap((id) =>
      Array.from({ length: 8 }, (_, n) => claimBatch(t.payload, id, `racer-${n}`).then((b) => (b ? id : null))),
    )
    const won = (await Promise.all(attempts)).filter((id) => id !== null)
    expect(won).toHaveLength(20)
    expect(new Set(won.map(String)).size).toBe(20)
    expect(await summarise(t.payload, campaign.id)).toMatchObject({ pending: 0, sending: 60 })
    // A stale expectation never overwrites.
    expect(await compareAndSet(t.payload, 'delivery-batches', ids[0], { state: 'pending' }, { state: 'sent' })).toBe(
      false,
    )
  })

  it('two senders on one campaign deliver every recipient exactly once', async () => {
    const sink = await startSmtpSink()
    const campaign = await startCampaign(t.payload, await issueNumbered(3), { batchSize: 2 })
    const a = new Messenger(sink.url(4), [5])
    const b = new Messenger(sink.url(4), [5])
    const [ra, rb] = await Promise.all([
      new CampaignRunner(t.payload, a).run(campaign.id),
      new CampaignRunner(t.payload, b).run(campaign.id),
    ])
    a.close()
    b.close()
    expect([ra.status, rb.status]).toContain('completed')
    const to = sink.messages.map((m) => m.envelopeTo[0])
    expect(to).toHaveLength(60)
    expect(new Set(to).size).toBe(60)
    await sink.close()
  })

  it('a campaign whose preparation died half-way is prepared again from scratch', async () => {
    const issue = await issueNumbered(4)
    const dead = `${os.hostname()}:2147483640:gone`
    const campaign = await t.payload.create({
      collection: 'campaigns',
      data: {
        issue: issue.id,
        subject: 'x',
        status: 'preparing',
        batchSize: 5,
        claimedBy: dead,
        leaseUntil: new Date(Date.now() + 60_000).toISOString(),
      },
      overrideAccess: true,
    })
    await t.payload.db.create({
      collection: 'delivery-batches',
      data: {
        key: `${campaign.id}:0`,
        campaign: campaign.id,
        position: 0,
        state: 'pending',
        recipients: [{ id: 1, email: 'half@example.com', messageId: '<x>', state: 'pending' }],
      },
    })
    const prepared = await startCampaign(t.payload, issue)
    expect(prepared).toMatchObject({ id: campaign.id, status: 'sending', total: 60 })
    const s = await summarise(t.payload, campaign.id)
    expect(s).toMatchObject({ total: 60, pending: 60 })
  })
})
