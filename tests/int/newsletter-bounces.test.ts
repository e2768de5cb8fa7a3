import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildReport } from '../../src/analytics/report'
import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { importSubscribers } from '../../src/newsletter/csv'
import { type InboundServer, startInboundServer } from '../../src/newsletter/inbound'
import { Messenger } from '../../src/newsletter/messenger'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { clearSuppression, isSuppressed } from '../../src/newsletter/suppression'
import type { Campaign } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

const READERS = ['ann', 'bob', 'cat', 'dan', 'eve'].map((n) => `${n}@example.com`)
let t: TestPayload
let sink: SmtpSink
let inbound: InboundServer
let campaign: Campaign
/** Each reader's message as sent (raw), and its header block. */
const originals = new Map<string, string>()
const headersOf = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n'))

/** What a receiving MTA (Postfix) sends back to the envelope sender when it gives up or delays. */
function postfixDsn(rcpt: string, original: string, status: string) {
  const failed = status.startsWith('5')
  return [
    'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
    'To: briefing@example.com',
    `Subject: ${failed ? 'Undelivered Mail Returned to Sender' : 'Delayed Mail (still being retried)'}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="4F1A2B3C.1701418000/mx.example.net"',
    `Message-Id: <20261201091500.4F1A2B3C@mx.example.net>`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    '--4F1A2B3C.1701418000/mx.example.net',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.net.',
    '',
    `I'm sorry to have to inform you that your message could not be delivered to ${rcpt}.`,
    '',
    '--4F1A2B3C.1701418000/mx.example.net',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    'X-Postfix-Queue-ID: 4F1A2B3C',
    'X-Postfix-Sender: rfc822; briefing@example.com',
    'Arrival-Date: Tue,  1 Dec 2026 09:14:58 +0000 (UTC)',
    '',
    `Final-Recipient: rfc822; ${rcpt}`,
    `Original-Recipient: rfc822;${rcpt}`,
    `Action: ${failed ? 'failed' : 'delayed'}`,
    `Status: ${status}`,
    'Remote-MTA: dns; mail.example.com',
    `Diagnostic-Code: smtp; ${failed ? `550 5.1.1 <${rcpt}>: Recipient address rejected: User unknown` : '452 4.2.2 Mailbox full'}`,
    '',
    '--4F1A2B3C.1701418000/mx.example.net',
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    headersOf(original),
    '',
    '--4F1A2B3C.1701418000/mx.example.net--',
    '',
  ].join('\r\n')
}

/** An ARF (RFC 5965) abuse report as mailbox providers' feedback loops send it, with the message attached. */
function arfReport(original: string) {
  return [
    'From: Feedback Loop <feedback@fbl.example.org>',
    'To: fbl@example.com',
    'Subject: Email Feedback Report for IP 192.0.2.25',
    'MIME-Version: 1.0',
    'Message-ID: <fbl-7781@fbl.example.org>',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="----=_Part_1_FBL"',
    '',
    '------=_Part_1_FBL',
    'Content-Type: text/plain; charset="US-ASCII"',
    'Content-Transfer-Encoding: 7bit',
    '',
    'This is an email abuse report for an email message received from IP 192.0.2.25.',
    '',
    '------=_Part_1_FBL',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: ExampleFBL/1.0',
    'Version: 1',
    'Original-Mail-From: <briefing@example.com>',
    'Arrival-Date: Tue, 1 Dec 2026 09:20:00 +0000',
    'Source-IP: 192.0.2.25',
    'Reported-Domain: example.com',
    '',
    '------=_Part_1_FBL',
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    original,
    '------=_Part_1_FBL--',
    '',
  ].join('\r\n')
}

/** Over real SMTP to the inbound listener, as the reporting MTA would. */
async function deliver(raw: string, to = 'briefing@example.com') {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: inbound.port,
    secure: false,
    ignoreTLS: true,
  })
  try {
    return await transport.sendMail({ envelope: { from: '', to: [to] }, raw })
  } finally {
    transport.close()
  }
}

const subscriber = async (email: string) =>
  (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } } })).docs[0]
const statuses = async () =>
  Object.fromEntries(await Promise.all(READERS.map(async (e) => [e, (await subscriber(e)).status])))

beforeAll(async () => {
  t = await bootPayload('newsletter-bounces')
  await seed(t.payload)
  for (const email of READERS) await t.payload.create({ collection: 'subscribers', data: { email, status: 'active' } })
  sink = await startSmtpSink()
  const messenger = new Messenger(sink.url(2))
  campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
  await new CampaignRunner(t.payload, messenger).run(campaign.id)
  messenger.close()
  for (const m of sink.messages) originals.set(m.envelopeTo[0], m.raw)
  inbound = await startInboundServer(t.payload, { port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await inbound?.close()
  await sink?.close()
  await t?.close()
})

describe('delivery status notifications (RFC 3464)', () => {
  it('a permanent failure (5.1.1) matched by Message-ID bounces that subscriber only', async () => {
    const info = await deliver(postfixDsn('ann@example.com', originals.get('ann@example.com')!, '5.1.1'))
    expect(info.accepted).toEqual(['briefing@example.com'])
    expect(await statuses()).toMatchObject({ 'ann@example.com': 'bounced', 'bob@example.com': 'active' })
    expect((await subscriber('ann@example.com')).bounceReason).toMatch(/5\.1\.1/)
  })

  it('temporary failures are counted; the third within 30 days bounces', async () => {
    const dsn = postfixDsn('cat@example.com', originals.get('cat@example.com')!, '4.2.2')
    await deliver(dsn)
    await deliver(dsn)
    expect((await subscriber('cat@example.com')).status).toBe('active')
    await deliver(dsn)
    expect((await subscriber('cat@example.com')).status).toBe('bounced')
  })

  it('a report that matches no send is accepted, logged and dropped, changing nothing', async () => {
    const before = await statuses()
    const foreign = postfixDsn(
      'dan@example.com',
      'Message-ID: <someone-else@elsewhere.example>\r\nSubject: hi\r\n\r\n',
      '5.1.1',
    )
    await deliver(foreign)
    expect(await statuses()).toEqual(before)
  })
})

describe('feedback-loop complaints (RFC 5965 ARF)', () => {
  it('an abuse report matched by the signed token in the returned message marks the subscriber complained', async () => {
    // Providers often redact or rewrite headers: without the Message-ID, the List-Unsubscribe token still names the reader.
    const original = originals.get('bob@example.com')!.replace(/^Message-ID: .*\r\n/im, '')
    await deliver(arfReport(original), 'fbl@example.com')
    const bob = await subscriber('bob@example.com')
    expect(bob.status).toBe('complained')
    expect(bob.unsubscribedAt).toBeTruthy()
    expect((await subscriber('dan@example.com')).status).toBe('active')
  })

  it('the send report counts the bounces and the complaint', async () => {
    const fresh = (await t.payload.findByID({ collection: 'campaigns', id: campaign.id })) as Campaign
    expect(await buildReport(t.payload, fresh)).toMatchObject({ delivered: 5, bounced: 2, complained: 1 })
  })
})

describe('suppression list', () => {
  it('bounced and complained addresses are suppressed and a CSV re-import does not reactivate them', async () => {
    expect(await isSuppressed(t.payload, 'ANN@example.com')).toBe(true)
    expect(await isSuppressed(t.payload, 'bob@example.com')).toBe(true)
    expect(await isSuppressed(t.payload, 'dan@example.com')).toBe(false)
    const report = await importSubscribers(t.payload, 'email,name\nann@example.com,Ann\n', { confirmed: true })
    expect(report.skipped[0].reason).toMatch(/suppressed/)
    expect((await subscriber('ann@example.com')).status).toBe('bounced')
  })

  it('only an admin clears an address (REST); then it is no longer suppressed', async () => {
    const rest = await restClient(t.payload)
    const admin = await makeUser(t.payload, 'admin')
    const editor = await makeUser(t.payload, 'editor')
    const ann = await subscriber('ann@example.com')
    const path = `newsletter/subscribers/${ann.id}/clear-suppression`
    const refused = await rest('POST', path, { as: editor })
    expect(refused.status).toBe(403)
    expect(refused.body.errors?.[0].message).toMatch(/Only admins/)
    expect(await isSuppressed(t.payload, 'ann@example.com')).toBe(true)
    expect((await rest('POST', path, { as: admin })).status).toBe(200)
    expect(await isSuppressed(t.payload, 'ann@example.com')).toBe(false)
    expect((await subscriber('ann@example.com')).status).toBe('unsubscribed')
    const again = await rest('POST', path, { as: admin })
    expect(again.status).toBe(409)
    expect((await rest('POST', 'newsletter/subscribers/999999/clear-suppression', { as: admin })).status).toBe(404)
    await expect(clearSuppression(t.payload, ann.id)).rejects.toThrow(/not suppressed/)
  })

  it('the report endpoint answers staff with the JSON report of the latest send', async () => {
    const rest = await restClient(t.payload)
    const editor = await makeUser(t.payload, 'editor')
    const res = await rest('GET', 'newsletter/issues/3-9/report', { as: editor })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ delivered: 5, complained: 1 })
    expect((await rest('GET', 'newsletter/issues/3-9/report')).status).toBe(401)
    expect((await rest('GET', 'newsletter/issues/nope/report', { as: editor })).status).toBe(404)
  })
})
