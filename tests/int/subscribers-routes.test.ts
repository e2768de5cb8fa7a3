import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import express from 'express'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mountNewsletterRoutes } from '../../src/newsletter/routes'
import { confirmToken, unsubscribeToken } from '../../src/newsletter/tokens'
import type { Subscriber } from '../../src/payload-types'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let base: string
let server: Server

beforeAll(async () => {
  t = await bootPayload('subscribers-routes')
  const app = express()
  app.set('trust proxy', true) // lets the test speak as different client IPs (X-Forwarded-For)
  await mountNewsletterRoutes(app, { worker: false, subscribeLimit: { max: 5, windowMs: 60_000 } })
  app.get('/', (_req, res) => res.send('home'))
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.close()
  await t?.close()
})

let ipCounter = 1
const subscribe = (fields: Record<string, string>, ip = `10.0.0.${ipCounter++}`) =>
  fetch(`${base}/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
    body: new URLSearchParams(fields),
  })

const find = async (email: string) =>
  (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } }, overrideAccess: true }))
    .docs as Subscriber[]

async function confirmationLinks(to: string): Promise<string[]> {
  const dir = process.env.OUTBOX_DIR!
  const links: string[] = []
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file)))
    if (mail.to && !Array.isArray(mail.to) && mail.to.value[0].address === to) {
      links.push(...(mail.text?.match(/http\S+\/subscribe\/confirm\?token=\S+/g) ?? []))
    }
  }
  return links
}

describe('double opt-in', () => {
  it('stores a pending, normalised subscriber and mails a signed link that activates it', async () => {
    const res = await subscribe({ email: '  New.Reader@Example.COM ', name: 'New Reader', website: '' })
    expect(res.status).toBe(202)
    const [s] = await find('new.reader@example.com')
    expect(s).toMatchObject({ status: 'pending', name: 'New Reader', source: 'form' })
    const links = await confirmationLinks('new.reader@example.com')
    expect(links).toHaveLength(1)
    const url = new URL(links[0])
    const bad = await fetch(`${base}/subscribe/confirm?token=${url.searchParams.get('token')!.slice(0, -2)}xx`)
    expect(bad.status).toBe(400)
    expect((await find('new.reader@example.com'))[0].status).toBe('pending')
    const ok = await fetch(`${base}${url.pathname}${url.search}`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('You are subscribed')
    expect((await find('new.reader@example.com'))[0]).toMatchObject({
      status: 'active',
      confirmedAt: expect.any(String),
    })
  })

  it('answers the same whether or not the address exists, and never duplicates it', async () => {
    const fresh = await subscribe({ email: 'someone@example.com' })
    const again = await subscribe({ email: 'SOMEONE@example.com' })
    const active = await subscribe({ email: 'new.reader@example.com' })
    const bodies = await Promise.all([fresh, again, active].map((r) => r.text()))
    expect([fresh.status, again.status, active.status]).toEqual([202, 202, 202])
    expect(new Set(bodies).size).toBe(1)
    expect(await find('someone@example.com')).toHaveLength(1)
    expect((await find('new.reader@example.com'))[0].status).toBe('active')
  })

  it('refuses an invalid address with a clear message and stores nothing', async () => {
    const res = await subscribe({ email: 'not-an-address' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('valid email address')
    expect(await find('not-an-address')).toHaveLength(0)
  })

  it('ignores bots that fill the honeypot (same answer, nothing stored, nothing sent)', async () => {
    const res = await subscribe({ email: 'bot@example.com', website: 'http://spam.example' })
    expect(res.status).toBe(202)
    expect(await find('bot@example.com')).toHaveLength(0)
    expect(await confirmationLinks('bot@example.com')).toHaveLength(0)
  })

  it('rate-limits subscribe requests per IP with 429 while pages stay served', async () => {
    const ip = '192.0.2.77'
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await subscribe({ email: `flood${i}@example.com` }, ip)).status)
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429])
    expect(await find('flood6@example.com')).toHaveLength(0)
    expect((await fetch(`${base}/`, { headers: { 'x-forwarded-for': ip } })).status).toBe(200)
    expect((await subscribe({ email: 'other-ip@example.com' }, '192.0.2.78')).status).toBe(202)
  })

  it('the limit holds across instances: a second server on the same database counts the same requests', async () => {
    const second = express()
    second.set('trust proxy', true)
    await mountNewsletterRoutes(second, { worker: false, subscribeLimit: { max: 5, windowMs: 60_000 } })
    const other = second.listen(0, '127.0.0.1')
    await new Promise((r) => other.once('listening', r))
    const otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
    try {
      const ip = '192.0.2.90'
      const statuses: number[] = []
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${i % 2 ? otherBase : base}/subscribe`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
          body: new URLSearchParams({ email: `shared${i}@example.com` }),
        })
        statuses.push(res.status)
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429])
      expect(await find('shared5@example.com')).toHaveLength(0)
    } finally {
      other.close()
    }
  })

  it('an expired or foreign confirmation token changes nothing', async () => {
    const [s] = await find('someone@example.com')
    const expired = confirmToken(s, Date.now() - 8 * 24 * 3600 * 1000)
    expect((await fetch(`${base}/subscribe/confirm?token=${expired}`)).status).toBe(400)
    const unsubscribeInstead = unsubscribeToken(s)
    expect((await fetch(`${base}/subscribe/confirm?token=${unsubscribeInstead}`)).status).toBe(400)
    const otherAddress = confirmToken({ id: s.id, email: 'attacker@example.com' })
    expect((await fetch(`${base}/subscribe/confirm?token=${otherAddress}`)).status).toBe(404)
    expect((await find('someone@example.com'))[0].status).toBe('pending')
  })
})

describe('unsubscribe and preferences', () => {
  it('GET shows a confirmation page; POST List-Unsubscribe=One-Click unsubscribes at once', async () => {
    const [s] = await find('new.reader@example.com')
    const token = unsubscribeToken(s)
    const page = await fetch(`${base}/unsubscribe?token=${token}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<form method="post"')
    expect((await find('new.reader@example.com'))[0].status).toBe('active')

    const res = await fetch(`${base}/unsubscribe?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect((await find('new.reader@example.com'))[0]).toMatchObject({
      status: 'unsubscribed',
      unsubscribedAt: expect.any(String),
    })
  })

  it('a tampered or foreign token gets a 4xx and changes nothing', async () => {
    const [victim] = await find('someone@example.com')
    await t.payload.update({
      collection: 'subscribers',
      id: victim.id,
      data: { status: 'active' },
      overrideAccess: true,
    })
    const token = unsubscribeToken(victim)
    const [body, sig] = token.split('.')
    const forged = Buffer.from(JSON.stringify(['unsubscribe', String(victim.id), 'x@example.com', 0])).toString(
      'base64url',
    )
    for (const bad of [`${body}.${sig.slice(0, -3)}abc`, `${forged}.${sig}`, confirmToken(victim), 'garbage', '']) {
      const res = await fetch(`${base}/unsubscribe?token=${encodeURIComponent(bad)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    expect((await find('someone@example.com'))[0].status).toBe('active')
  })

  it('the preferences page lets an unsubscribed reader subscribe again', async () => {
    const [s] = await find('new.reader@example.com')
    const token = unsubscribeToken(s)
    const page = await fetch(`${base}/preferences?token=${token}`)
    expect(await page.text()).toContain('Subscribe again')
    const res = await fetch(`${base}/preferences?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=resubscribe',
    })
    expect(res.status).toBe(200)
    expect((await find('new.reader@example.com'))[0].status).toBe('active')
  })
})

describe('confirmation links are single-use', () => {
  const email = 'once@example.com'
  const tokenOf = (link: string) => new URL(link).searchParams.get('token')!
  const confirm = (token: string) =>
    fetch(`${base}/subscribe/confirm?token=${encodeURIComponent(token)}`, { headers: { accept: 'application/json' } })
  /** `{ ok, message }`, or Payload's error shape for a refusal. */
  const message = async (res: Response) => {
    const body = (await res.json()) as { message?: string; errors?: Array<{ message: string }> }
    return body.message ?? body.errors?.[0]?.message
  }

  it('a second click changes nothing; after an unsubscribe the old link no longer subscribes', async () => {
    expect((await subscribe({ email })).status).toBe(202)
    const [link] = await confirmationLinks(email)
    expect((await confirm(tokenOf(link))).status).toBe(200)
    const confirmed = (await find(email))[0]
    expect(confirmed.status).toBe('active')

    const again = await confirm(tokenOf(link))
    expect(again.status).toBe(200)
    expect(await message(again)).toMatch(/already confirmed/i)
    expect((await find(email))[0]).toMatchObject({ status: 'active', confirmedAt: confirmed.confirmedAt })

    const unsubscribed = await fetch(`${base}/unsubscribe?token=${unsubscribeToken(confirmed)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(unsubscribed.status).toBe(200)

    const reused = await confirm(tokenOf(link))
    expect(reused.status).toBe(410)
    expect(await message(reused)).toMatch(/sign up again/i)
    expect((await find(email))[0].status).toBe('unsubscribed')
  })

  it('signing up again sends a new link that works, while the old one stays dead', async () => {
    const [old] = await confirmationLinks(email)
    // The confirmation mail is not resent within 10 minutes: pretend the first one is older.
    const [s] = await find(email)
    await t.payload.db.updateOne({
      collection: 'subscribers',
      id: s.id,
      data: { confirmationSentAt: new Date(Date.now() - 11 * 60 * 1000).toISOString() },
    })
    expect((await subscribe({ email })).status).toBe(202)
    const fresh = (await confirmationLinks(email)).filter((l) => l !== old)
    expect(fresh).toHaveLength(1)

    expect((await confirm(tokenOf(old))).status).toBe(410)
    expect((await find(email))[0].status).toBe('unsubscribed')
    expect((await confirm(tokenOf(fresh[0]))).status).toBe(200)
    expect((await find(email))[0].status).toBe('active')
  })
})
