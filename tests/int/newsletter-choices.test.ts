import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import express from 'express'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureFirstNewsletter } from '../../src/newsletter/newsletters'
import { mountNewsletterRoutes } from '../../src/newsletter/routes'
import { unsubscribeToken } from '../../src/newsletter/tokens'
import type { Newsletter, Subscriber, Subscription } from '../../src/payload-types'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let base: string
let server: Server
let first: Newsletter
const sys = { overrideAccess: true } as const
const form = (url: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one)
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
}

const subscriber = async (email: string) =>
  (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } }, ...sys }))
    .docs[0] as Subscriber
const memberships = async (email: string) => {
  const s = await subscriber(email)
  if (!s) return {}
  const subs = await t.payload.find({ collection: 'subscriptions', where: { subscriber: { equals: s.id } }, ...sys })
  return Object.fromEntries((subs.docs as Subscription[]).map((x) => [(x.newsletter as Newsletter).slug, x.status]))
}
async function confirmationLink(to: string): Promise<string> {
  const dir = process.env.OUTBOX_DIR!
  for (const file of fs.readdirSync(dir)) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file)))
    if (mail.to && !Array.isArray(mail.to) && mail.to.value[0].address === to)
      return mail.text!.match(/http\S+\/subscribe\/confirm\?token=\S+/)![0]
  }
  throw new Error(`no confirmation mail to ${to}`)
}

beforeAll(async () => {
  t = await bootPayload('newsletter-choices')
  first = await ensureFirstNewsletter(t.payload)
  await t.payload.create({
    collection: 'newsletters',
    data: { name: 'Markets', slug: 'markets', tracking: 'off' },
    ...sys,
  })
  await t.payload.create({
    collection: 'newsletters',
    data: { name: 'Alerts', slug: 'alerts', doubleOptIn: false, tracking: 'off' },
    ...sys,
  })
  const app = express()
  await mountNewsletterRoutes(app, { worker: false, subscribeLimit: { max: 100, windowMs: 60_000 } })
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.close()
  await t?.close()
})

describe('the subscribe form names the newsletters', () => {
  it('lists every newsletter, the default ones ticked', async () => {
    const html = await (await fetch(`${base}/subscribe`)).text()
    expect(html).toContain(`name="newsletter" value="${first.slug}" checked`)
    expect(html).toContain('name="newsletter" value="markets">')
  })

  it('a sign-up for one newsletter confirms that newsletter only', async () => {
    expect((await form(`${base}/subscribe`, { email: 'm@example.com', newsletter: 'markets' })).status).toBe(202)
    expect(await memberships('m@example.com')).toEqual({ markets: 'pending' })
    const link = (await confirmationLink('m@example.com')).replace(/^https?:\/\/[^/]+/, base)
    expect((await fetch(link)).status).toBe(200)
    expect(await memberships('m@example.com')).toEqual({ markets: 'active' })
    expect((await subscriber('m@example.com')).status).toBe('active')
  })

  it('without a choice: the default newsletters; without double opt-in: active at once', async () => {
    await form(`${base}/subscribe`, { email: 'd@example.com' })
    expect(await memberships('d@example.com')).toEqual({ [first.slug!]: 'pending' })
    await form(`${base}/subscribe`, { email: 'd@example.com', newsletter: 'alerts' })
    expect(await memberships('d@example.com')).toEqual({ [first.slug!]: 'pending', alerts: 'active' })
  })

  it('an unknown newsletter is a 400 with a message, and nothing is stored', async () => {
    const res = await fetch(`${base}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'email=x%40example.com&newsletter=nope',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ errors: [{ message: 'There is no newsletter called "nope".' }] })
    expect(await subscriber('x@example.com')).toBeUndefined()
  })
})

describe('preferences and unsubscribing', () => {
  it('the preferences page lets a subscriber choose newsletters', async () => {
    const s = await subscriber('m@example.com')
    const token = unsubscribeToken(s)
    const page = await (await fetch(`${base}/preferences?token=${token}`)).text()
    expect(page).toContain('name="newsletter" value="markets" checked')
    const saved = await form(`${base}/preferences?token=${token}`, {
      action: 'save',
      newsletter: [first.slug!, 'alerts'],
    })
    expect(saved.status).toBe(200)
    expect(await memberships('m@example.com')).toEqual({
      [first.slug!]: 'active',
      markets: 'unsubscribed',
      alerts: 'active',
    })
  })

  it('the unsubscribe page of a message offers its newsletter and "unsubscribe from everything"', async () => {
    const s = await subscriber('m@example.com')
    const token = unsubscribeToken({ ...s, newsletter: first.id })
    const page = await (await fetch(`${base}/unsubscribe?token=${token}`)).text()
    expect(page).toContain(`Unsubscribe from ${first.name}`)
    expect(page).toContain('Unsubscribe from everything')
    expect((await form(`${base}/unsubscribe?token=${token}`, { confirm: '1', scope: 'all' })).status).toBe(200)
    expect(await memberships('m@example.com')).toEqual({
      [first.slug!]: 'unsubscribed',
      markets: 'unsubscribed',
      alerts: 'unsubscribed',
    })
    expect((await subscriber('m@example.com')).status).toBe('unsubscribed')
  })
})
