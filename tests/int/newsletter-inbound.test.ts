import { simpleParser } from 'mailparser'
import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { type InboundServer, startInboundServer } from '../../src/newsletter/inbound'
import { Messenger } from '../../src/newsletter/messenger'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let sink: SmtpSink
let inbound: InboundServer
/** The mailto: of each reader's List-Unsubscribe header, as received. */
const mailtos = new Map<string, URL>()

/** What a mail client does with a mailto: link: a message to its address with its subject. */
async function mailClientSends(to: string, subject: string) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: inbound.port,
    secure: false,
    ignoreTLS: true,
  })
  try {
    return await transport.sendMail({ from: 'reader@example.net', to, subject, text: 'Please unsubscribe me.' })
  } finally {
    transport.close()
  }
}

const statusOf = async (email: string) =>
  (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } } })).docs[0].status

beforeAll(async () => {
  t = await bootPayload('newsletter-inbound')
  await seed(t.payload)
  for (const email of ['ann@example.com', 'bob@example.com'])
    await t.payload.create({ collection: 'subscribers', data: { email, status: 'active' } })
  sink = await startSmtpSink()
  const messenger = new Messenger(sink.url(2))
  const campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
  await new CampaignRunner(t.payload, messenger).run(campaign.id)
  messenger.close()
  for (const m of sink.messages) {
    // The header as a mail client reads it (unfolded), not mailparser's digest of it.
    const header = (await simpleParser(m.raw)).headerLines.find((h) => h.key === 'list-unsubscribe')!.line
    mailtos.set(m.envelopeTo[0], new URL(/<(mailto:[^>]+)>/.exec(header.replace(/\r\n\s+/g, ' '))![1]))
  }
  inbound = await startInboundServer(t.payload, { port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await inbound?.close()
  await sink?.close()
  await t?.close()
})

describe('mailto: unsubscribe (inbound SMTP)', () => {
  it('unsubscribes the reader whose List-Unsubscribe mailto was used, and no one else', async () => {
    const mailto = mailtos.get('ann@example.com')!
    expect(mailto.pathname).toBe('unsubscribe@example.com')
    const info = await mailClientSends(mailto.pathname, mailto.searchParams.get('subject')!)
    expect(info.accepted).toEqual(['unsubscribe@example.com'])
    expect(await statusOf('ann@example.com')).toBe('unsubscribed')
    expect(await statusOf('bob@example.com')).toBe('active')
  })

  it('refuses a tampered token, a subject without a token and another mailbox, changing nothing', async () => {
    const mailto = mailtos.get('bob@example.com')!
    const subject = mailto.searchParams.get('subject')!
    const tampered = subject.slice(0, -3) + (subject.endsWith('AAA') ? 'BBB' : 'AAA')
    await expect(mailClientSends(mailto.pathname, tampered)).rejects.toMatchObject({ responseCode: 550 })
    await expect(mailClientSends(mailto.pathname, 'please remove me')).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('No unsubscribe token'),
    })
    await expect(mailClientSends('postmaster@example.com', subject)).rejects.toMatchObject({ responseCode: 550 })
    expect(await statusOf('bob@example.com')).toBe('active')
    // The genuine request still works afterwards.
    await mailClientSends(mailto.pathname, `Re: ${subject}`)
    expect(await statusOf('bob@example.com')).toBe('unsubscribed')
  })
})
