import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Issue } from '../../src/payload-types'
import { campaignForIssue, findIssue, startCampaign } from '../../src/newsletter/campaign'
import { summarise } from '../../src/newsletter/ledger'
import { Messenger } from '../../src/newsletter/messenger'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let sink: SmtpSink
let issue: Issue
const N = 23

beforeAll(async () => {
  t = await bootPayload('newsletter-send')
  await seed(t.payload)
  issue = (await findIssue(t.payload, '3-9'))!
  for (let i = 0; i < N; i++) {
    await t.payload.create({
      collection: 'subscribers',
      data: { email: `reader${i}@example.com`, name: i % 2 ? `Reader ${i}` : undefined, status: 'active' },
      overrideAccess: true,
    })
  }
  // Never receive: pending (unconfirmed) and unsubscribed addresses.
  await t.payload.create({
    collection: 'subscribers',
    data: { email: 'unconfirmed@example.com', status: 'pending' },
    overrideAccess: true,
  })
  await t.payload.create({
    collection: 'subscribers',
    data: { email: 'gone@example.com', status: 'unsubscribed' },
    overrideAccess: true,
  })
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('sending an issue over SMTP', () => {
  it('sends exactly one message per active subscriber, with the required headers', async () => {
    const messenger = new Messenger(sink.url(5), [10, 20])
    const campaign = await startCampaign(t.payload, issue)
    expect(campaign.total).toBe(N)
    const result = await new CampaignRunner(t.payload, messenger).run(campaign.id)
    messenger.close()
    expect(result).toMatchObject({ status: 'completed', sent: N, failed: 0, pending: 0, sending: 0 })
    expect(sink.messages).toHaveLength(N)
    const to = sink.messages.map((m) => m.envelopeTo[0]).sort()
    expect(to).toEqual(Array.from({ length: N }, (_, i) => `reader${i}@example.com`).sort())

    const ids = new Set<string>()
    for (const m of sink.messages) {
      const mail = await simpleParser(m.raw)
      const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '') ?? ''
      const [, url, mailto] = /^<(https?:[^>]+)>,\s*<(mailto:[^>]+)>$/.exec(header('list-unsubscribe')) ?? []
      const unsubscribe = { url }
      expect(url).toMatch(/^http:\/\/.+\/unsubscribe\?token=[\w.-]+$/)
      expect(mailto).toMatch(/^mailto:unsubscribe@example\.com\?subject=unsubscribe/)
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
      expect(header('list-id')).toMatch(/<briefing\.example\.com>$/)
      expect(mail.messageId).toMatch(/^<[0-9a-f]{32}\.c[\w-]+@example\.com>$/)
      ids.add(mail.messageId!)
      expect(mail.date).toBeInstanceOf(Date)
      expect(mail.from?.value[0].address).toBe('briefing@example.com')
      expect(
        String(mail.headers.get('content-type') && (mail.headers.get('content-type') as { value: string }).value),
      ).toBe('multipart/alternative')
      expect(mail.subject).toContain('Weekly Report 3|9')
      // The personal link in the footer (HTML and text) is the one in the header, unsplit by QP.
      expect(mail.html).toContain(`href="${unsubscribe.url.replace(/&/g, '&amp;')}"`)
      expect(mail.text).toContain(`Unsubscribe: ${unsubscribe.url}`)
      expect(mail.html).toContain(`Sent to ${m.envelopeTo[0]}`)
      expect(mail.html).not.toMatch(/\{\{\w+\}\}/)
      expect(mail.text).not.toMatch(/\{\{\w+\}\}/)
    }
    expect(ids.size).toBe(N)
  })

  it('sends nothing new when the completed campaign is run again', async () => {
    const campaign = (await campaignForIssue(t.payload, issue.id))!
    const again = await startCampaign(t.payload, issue)
    expect(again.id).toBe(campaign.id)
    const messenger = new Messenger(sink.url(5), [10])
    const result = await new CampaignRunner(t.payload, messenger).run(campaign.id)
    messenger.close()
    expect(result.status).toBe('completed')
    expect(sink.messages).toHaveLength(N)
    expect(await summarise(t.payload, campaign.id)).toMatchObject({ total: N, sent: N, pending: 0, sending: 0 })
  })
})
