import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { importSubscribers } from '../../src/newsletter/csv'
import { Messenger } from '../../src/newsletter/messenger'
import { mountNewsletterRoutes } from '../../src/newsletter/routes'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import type { Subscriber } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { bootPayload, type TestPayload } from '../helpers/payload'

const INJECTED = 'x\r\nBcc: injected@evil.example'
const CLEANED = 'x Bcc: injected@evil.example'

let t: TestPayload
let sink: SmtpSink
let base: string
let server: Server

beforeAll(async () => {
  t = await bootPayload('newsletter-header-injection')
  await seed(t.payload)
  const app = express()
  await mountNewsletterRoutes(app, { worker: false })
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  sink = await startSmtpSink()
})
afterAll(async () => {
  server?.close()
  await sink?.close()
  await t?.close()
})

const find = async (email: string) =>
  (
    await t.payload.find({
      collection: 'subscribers',
      where: { email: { equals: email } },
      overrideAccess: true,
    })
  ).docs[0] as Subscriber | undefined

const subscribe = (fields: Record<string, string>) =>
  fetch(`${base}/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(fields),
  })

describe('subscriber names are one line of at most 200 characters', () => {
  it('the subscribe form stores the cleaned name, and refuses a name over 200 characters', async () => {
    expect((await subscribe({ email: 'form@example.com', name: INJECTED })).status).toBe(202)
    expect((await find('form@example.com'))?.name).toBe(CLEANED)

    const long = await subscribe({ email: 'long@example.com', name: 'n'.repeat(201) })
    expect(long.status).toBe(400)
    expect(((await long.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/200 characters/)
    expect(await find('long@example.com')).toBeUndefined()
  })

  it('the Local API (and so REST and the admin) cleans names and refuses long ones', async () => {
    const created = await t.payload.create({
      collection: 'subscribers',
      data: { email: 'local@example.com', name: ' Ada\tLove\u2028lace\u0000 \u202Eevil ', status: 'active' },
      overrideAccess: true,
    })
    expect(created.name).toBe('Ada Love lace evil')
    await expect(
      t.payload.create({
        collection: 'subscribers',
        data: { email: 'too-long@example.com', name: 'n'.repeat(201), status: 'pending' },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/name/i)
    expect(await find('too-long@example.com')).toBeUndefined()
  })

  it('the CSV import cleans names and reports a name over 200 characters as invalid', async () => {
    const csv = `email,name\r\ncsv@example.com,"${INJECTED}"\r\ncsv-long@example.com,${'n'.repeat(201)}\r\n`
    const report = await importSubscribers(t.payload, csv, { confirmed: true })
    expect(report.imported).toBe(1)
    expect(report.invalid).toEqual([{ line: 3, value: 'csv-long@example.com', reason: expect.stringMatching(/200/) }])
    expect((await find('csv@example.com'))?.name).toBe(CLEANED)
    expect(await find('csv-long@example.com')).toBeUndefined()
  })
})

describe('newsletter headers are encoded, never joined by hand', () => {
  it('a name (or sender name) that still holds CR/LF never makes a header line: no Bcc, one recipient', async () => {
    // Stored before names were cleaned: written past the collection's hooks.
    await t.payload.db.create({
      collection: 'subscribers',
      data: { email: 'legacy@example.com', name: INJECTED, status: 'active', source: 'import' },
    })
    await upgradeToNewsletters(t.payload) // as at start: data from before newsletters joins the first one
    await t.payload.updateGlobal({
      slug: 'settings',
      data: { senderName: 'Briefing\r\nBcc: sender-injected@evil.example' },
      overrideAccess: true,
    })
    const campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
    const messenger = new Messenger(sink.url(2), [10, 20])
    const result = await new CampaignRunner(t.payload, messenger).run(campaign.id)
    messenger.close()
    expect(result).toMatchObject({ status: 'completed', failed: 0 })

    const legacy = sink.messages.filter((m) => m.envelopeTo.includes('legacy@example.com'))
    expect(legacy).toHaveLength(1)
    expect(sink.messages.map((m) => m.envelopeTo.length)).toEqual(sink.messages.map(() => 1))
    for (const m of sink.messages) {
      const head = m.raw.slice(0, m.raw.indexOf('\r\n\r\n'))
      expect(head).not.toMatch(/^bcc:/im)
      expect(head.match(/^to:/gim)).toHaveLength(1)
      const mail = await simpleParser(m.raw)
      expect(mail.headers.has('bcc')).toBe(false)
      const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? [])
      expect(to.map((a) => a.address)).toEqual(m.envelopeTo)
      expect(mail.from?.value.map((a) => a.address)).toEqual(['briefing@example.com'])
    }
    const parsed = await simpleParser(legacy[0].raw)
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to!
    expect(to.value[0].name).toContain('Bcc: injected@evil.example')
  })
})
