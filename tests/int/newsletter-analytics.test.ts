import express from 'express'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { forgetCampaignInfo } from '../../src/analytics/campaignInfo'
import { flushEngagementEvents } from '../../src/analytics/events'
import { trackedLinks } from '../../src/analytics/links'
import { buildReport } from '../../src/analytics/report'
import { mountAnalyticsRoutes } from '../../src/analytics/routes'
import { messageToken } from '../../src/analytics/token'
import type { TrackingMode } from '../../src/analytics/mode'
import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { ensureFirstNewsletter } from '../../src/newsletter/newsletters'
import { mountNewsletterRoutes } from '../../src/newsletter/routes'
import { unsubscribeToken } from '../../src/newsletter/tokens'
import { Messenger } from '../../src/newsletter/messenger'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import type { Campaign } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { serve } from './web-support'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
const GMAIL_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'
const READERS = ['ann@example.com', 'bob@example.com', 'cat@example.com', 'dan@example.com']

let t: TestPayload
let sink: SmtpSink
let web: { url: string; close: () => Promise<void> }
/** The clock the analytics routes stamp events with; tests move it to act late or early. */
let clock = Date.now()

/** Each reader's HTML part, as received over SMTP. */
const received = new Map<string, string>()

/** Send issue 3-9 with its newsletter's `tracking` set to this, to every active reader (a fresh campaign each time). */
async function send(tracking: TrackingMode): Promise<Campaign> {
  await t.payload.db.deleteMany({ collection: 'engagement-events', where: {} })
  await t.payload.db.deleteMany({ collection: 'delivery-batches', where: {} })
  await t.payload.db.deleteMany({ collection: 'campaigns', where: {} })
  // SQLite may give the new campaign the deleted one's id: forget what this process cached about it.
  forgetCampaignInfo()
  sink.messages.length = 0
  received.clear()
  const newsletter = await ensureFirstNewsletter(t.payload)
  await t.payload.update({ collection: 'newsletters', id: newsletter.id, data: { tracking } })
  const campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
  expect(campaign.tracking).toBe(tracking)
  const messenger = new Messenger(sink.url(2))
  await new CampaignRunner(t.payload, messenger).run(campaign.id)
  messenger.close()
  for (const m of sink.messages) received.set(m.envelopeTo[0], String((await simpleParser(m.raw)).html))
  return campaign
}

/** What a mail client or browser fetches: the pixel URL and the link URLs (public URL swapped for the test app). */
const local = (href: string) => href.replace(/^https?:\/\/[^/]+/, web.url)
const pixelOf = (html: string) => local(/<img src="([^"]+\/o\/[^"]+\.gif)"/.exec(html)![1])
const linksOf = (html: string) =>
  [...html.matchAll(/href="([^"]+\/r\/[^"]+)"/g)].map((m) => local(m[1])).filter((u) => !u.endsWith('.0'))

const get = (url: string, ua = BROWSER) => fetch(url, { redirect: 'manual', headers: { 'user-agent': ua } })

async function report(campaign: Campaign) {
  await flushEngagementEvents()
  const fresh = (await t.payload.findByID({ collection: 'campaigns', id: campaign.id })) as Campaign
  return buildReport(t.payload, fresh)
}

beforeAll(async () => {
  t = await bootPayload('newsletter-analytics')
  await seed(t.payload)
  for (const email of READERS) await t.payload.create({ collection: 'subscribers', data: { email, status: 'active' } })
  sink = await startSmtpSink()
  const app = express()
  await mountAnalyticsRoutes(app, { payload: async () => t.payload, now: () => clock })
  await mountNewsletterRoutes(app, { worker: false })
  web = await serve(app)
})
afterAll(async () => {
  await web?.close()
  await sink?.close()
  await t?.close()
})

describe('tracking off', () => {
  it('rewrites nothing, adds no pixel and writes no events, even for a validly signed token', async () => {
    const campaign = await send('off')
    const html = received.get('ann@example.com')!
    expect(html).not.toMatch(/\/o\/|\/r\//)
    const sub = (await t.payload.find({ collection: 'subscribers', where: { email: { equals: 'ann@example.com' } } }))
      .docs[0]
    const token = messageToken({
      campaign: String(campaign.id),
      subscriber: String(sub.id),
      sentAt: 0,
      optedOut: false,
    })
    const pixel = await get(`${web.url}/o/${token}.gif`)
    expect(pixel.status).toBe(200)
    expect(pixel.headers.get('content-type')).toBe('image/gif')
    await flushEngagementEvents()
    expect((await t.payload.count({ collection: 'engagement-events' })).totalDocs).toBe(0)
  })
})

describe('tracking individual', () => {
  let campaign: Campaign
  beforeAll(async () => {
    campaign = await send('individual')
  })

  it('a pixel fetched twice is 2 human opens, 1 unique; no-store GIF', async () => {
    const pixel = pixelOf(received.get('ann@example.com')!)
    clock = Date.now() + 60_000
    for (let i = 0; i < 2; i++) {
      const res = await get(pixel)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/gif')
      expect(res.headers.get('cache-control')).toMatch(/no-store/)
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(30)
    }
    const r = await report(campaign)
    expect(r.opens).toMatchObject({ human: 2, unique: 1, machine: 0 })
    const events = await t.payload.find({ collection: 'engagement-events', where: { kind: { equals: 'open' } } })
    expect(events.docs.every((e) => e.subscriber)).toBe(true)
  })

  it('a fetch with the Gmail image proxy user agent is a machine open, not a human one', async () => {
    await get(pixelOf(received.get('bob@example.com')!), GMAIL_PROXY)
    expect((await report(campaign)).opens).toMatchObject({ human: 2, unique: 1, machine: 1 })
  })

  it('a click a minute after delivery is a 302 to the exact original URL and 1 human click', async () => {
    const html = received.get('cat@example.com')!
    const stored = (await t.payload.findByID({ collection: 'campaigns', id: campaign.id })) as Campaign
    const links = trackedLinks(stored.html!)
    const n = links.findIndex((l) => l.section)
    const first = linksOf(html)[n]
    const original = links[n].url
    expect(original).toMatch(/^http/)
    clock = Date.now() + 60_000
    const res = await get(first)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(original)
    const r = await report(campaign)
    expect(r.clicks).toMatchObject({ human: 1, unique: 1, scanner: 0 })
    expect(r.clicks.byLink.find((l) => l.url === original)?.human).toBe(1)
    expect(r.clicks.bySection).toContainEqual({ section: links[n].section, human: 1 })
  })

  it('clicks on every link 1 s after delivery are scanner clicks, not human ones', async () => {
    const links = linksOf(received.get('dan@example.com')!)
    expect(links.length).toBeGreaterThan(2)
    clock = Date.now() + 1000
    for (const link of links) expect((await get(link)).status).toBe(302)
    const r = await report(campaign)
    expect(r.clicks.human).toBe(1)
    expect(r.clicks.scanner).toBe(links.length)
  })

  it('a hit on the invisible canary link is a scanner click', async () => {
    const canary = local(/href="([^"]+\/r\/[^"]+\.0)"/.exec(received.get('ann@example.com')!)![1])
    clock = Date.now() + 120_000
    expect((await get(canary)).status).toBe(204)
    expect((await report(campaign)).clicks).toMatchObject({ human: 1 })
  })

  it('a tampered or unknown token, or a link index outside the message, is a 404 and never a redirect', async () => {
    const link = linksOf(received.get('ann@example.com')!)[0]
    const [, token] = /\/r\/(.+)$/.exec(link)!
    const [body, sig] = token.split('.')
    const before = (await report(campaign)).clicks.total
    const tampered = `${body.slice(0, -2)}${body.endsWith('AA') ? 'BB' : 'AA'}.${sig}.1`
    for (const bad of [tampered, `${body}.${sig.slice(0, -1)}x.1`, `${body}.${sig}.9999`, 'nothing']) {
      const res = await get(`${web.url}/r/${bad}`)
      expect(res.status, bad).toBe(404)
      expect(res.headers.get('location')).toBeNull()
      expect(await res.json()).toEqual({ errors: [{ message: 'This link is not valid.' }] })
    }
    expect((await report(campaign)).clicks.total).toBe(before)
    clock = Date.now() + 300_000
    const elsewhere = await get(`${link}?url=https://evil.example/`)
    expect(elsewhere.headers.get('location')).not.toMatch(/evil/)
  })

  it('the report has the documented JSON shape', async () => {
    const r = await report(campaign)
    expect(r).toMatchObject({
      delivered: READERS.length,
      bounced: 0,
      complained: 0,
      unsubscribed: 0,
      opens: { human: 2, machine: 1, unique: 1 },
      clicks: { human: 2, unique: 2 },
    })
    expect(r.hourly).toHaveLength(72)
  })
})

const subscriber = async (email: string) =>
  (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } } })).docs[0]

describe('privacy and opting out', () => {
  it('the privacy page and the preferences page say which tracking applies', async () => {
    const privacy = await fetch(`${web.url}/privacy`)
    expect(privacy.status).toBe(200)
    expect(await privacy.text()).toContain(
      'counts opens (an invisible image) and clicks (links pass through our site) per reader',
    )
    const token = unsubscribeToken(await subscriber('bob@example.com'))
    const prefs = await (await fetch(`${web.url}/preferences?token=${encodeURIComponent(token)}`)).text()
    expect(prefs).toContain('per reader')
    expect(prefs).toContain(`action="/preferences/tracking?token=${encodeURIComponent(token)}"`)
  })

  it('a reader opts out on the preferences page; a tampered token changes nothing', async () => {
    const token = unsubscribeToken(await subscriber('bob@example.com'))
    const post = (tok: string) =>
      fetch(`${web.url}/preferences/tracking?token=${encodeURIComponent(tok)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ tracking: 'off' }),
      })
    const bad = await post(`${token.slice(0, -2)}xx`)
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0].message).toMatch(/signature/)
    expect((await subscriber('bob@example.com')).trackingOptOut).toBeFalsy()
    expect((await post(token)).status).toBe(200)
    expect((await subscriber('bob@example.com')).trackingOptOut).toBe(true)
  })
})

describe('tracking aggregate', () => {
  it('counts opens with no subscriber stored, and records nothing for a reader who opted out', async () => {
    const campaign = await send('aggregate')
    clock = Date.now() + 60_000
    await get(pixelOf(received.get('ann@example.com')!))
    await get(pixelOf(received.get('bob@example.com')!)) // bob opted out above
    const r = await report(campaign)
    expect(r.opens).toMatchObject({ human: 1, unique: 1 })
    const events = await t.payload.find({
      collection: 'engagement-events',
      where: { campaign: { equals: campaign.id } },
    })
    expect(events.docs).toHaveLength(1)
    expect(events.docs[0].subscriber ?? null).toBeNull()
    expect(events.docs[0].message).toMatch(/^[0-9a-f]{24}$/)
  })
})

describe('briefing newsletter report', () => {
  it('prints the latest send of an issue as JSON (--json) and as a table', async () => {
    await flushEngagementEvents()
    const env = { DISABLE_PAYLOAD_HMR: 'true' }
    const [json, table, missing] = await Promise.all([
      briefing(['newsletter', 'report', '3-9', '--json'], env),
      briefing(['newsletter', 'report', '3-9'], env),
      briefing(['newsletter', 'report', 'no-such-issue'], env),
    ])
    expect(json.status, json.stderr).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({
      delivered: READERS.length,
      bounced: 0,
      complained: 0,
      unsubscribed: 0,
      opens: { human: 1, machine: 0, unique: 1 },
      clicks: {
        human: 0,
        scanner: 0,
        unique: 0,
        byLink: expect.arrayContaining([expect.objectContaining({ human: 0 })]),
      },
    })
    expect(table.stdout).toMatch(/Human opens\s+1 \(1 unique\)/)
    expect(missing.status).not.toBe(0)
    expect(missing.stderr).toContain('no issue with slug no-such-issue')
  }, 240_000)
})
