import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OWN_SUBSCRIPTIONS } from '../../collections/hooks/subscriptionStatus'
import { countAudience, findIssue, resolveTarget, type SendTarget, startCampaign } from '../../src/newsletter/campaign'
import { Messenger } from '../../src/newsletter/messenger'
import { ensureFirstNewsletter, upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { mountNewsletterRoutes } from '../../src/newsletter/routes'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import type { Issue, Newsletter, Subscriber, Subscription } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let sink: SmtpSink
let issue: Issue
let first: Newsletter
let markets: Newsletter
let base: string
let server: Server
/** ab@'s message from the Markets send: its one-click link. */
let abFromMarkets: Buffer | string
const sys = { overrideAccess: true } as const

type Memberships = Record<string, Subscription['status']>

/** A subscriber with exactly the given subscriptions (newsletter slug → status), address status and tags. */
async function member(email: string, memberships: Memberships, extra: Partial<Subscriber> = {}) {
  const status = Object.values(memberships).includes('active') ? 'active' : 'pending'
  const s = (await t.payload.create({
    collection: 'subscribers',
    data: { email, status, ...extra },
    context: { [OWN_SUBSCRIPTIONS]: true },
    ...sys,
  })) as Subscriber
  for (const [slug, state] of Object.entries(memberships)) {
    const newsletter = slug === first.slug ? first : markets
    await t.payload.create({
      collection: 'subscriptions',
      data: { subscriber: s.id, newsletter: newsletter.id, status: state },
      ...sys,
    })
  }
  return s
}

const subscriptionsOf = async (email: string) => {
  const s = (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } }, ...sys }))
    .docs[0] as Subscriber
  const subs = await t.payload.find({ collection: 'subscriptions', where: { subscriber: { equals: s.id } }, ...sys })
  return Object.fromEntries(
    (subs.docs as Subscription[]).map((x) => [(x.newsletter as Newsletter).slug, x.status]),
  ) as Memberships
}

async function send(target: SendTarget) {
  sink.messages.length = 0
  const campaign = await startCampaign(t.payload, issue, { target })
  const messenger = new Messenger(sink.url(3), [10, 20])
  const result = await new CampaignRunner(t.payload, messenger).run(campaign.id)
  messenger.close()
  expect(result.status).toBe('completed')
  return { campaign, to: sink.messages.map((m) => m.envelopeTo[0]).sort() }
}

beforeAll(async () => {
  t = await bootPayload('newsletter-audiences')
  await seed(t.payload)
  issue = (await findIssue(t.payload, '3-9'))!
  first = await ensureFirstNewsletter(t.payload)
  markets = (await t.payload.create({
    collection: 'newsletters',
    data: { name: 'Markets', slug: 'markets', tracking: 'aggregate', senderName: 'Markets desk' },
    ...sys,
  })) as Newsletter
  const A = first.slug!
  await member('a1@example.com', { [A]: 'active' }, { tags: ['press'] })
  await member('a2@example.com', { [A]: 'active' }, { tags: ['vip'] })
  await member('ab@example.com', { [A]: 'active', markets: 'active' }, { tags: ['press', 'vip'] })
  await member('b1@example.com', { markets: 'active' }, { tags: ['press'] })
  await member('pending-b@example.com', { markets: 'pending' })
  await member('left-b@example.com', { [A]: 'active', markets: 'unsubscribed' }, { tags: ['press'] })
  await member('bounced@example.com', { [A]: 'active', markets: 'active' }, { status: 'bounced', tags: ['press'] })
  await member('complained@example.com', { [A]: 'active' }, { status: 'complained' })
  sink = await startSmtpSink()
  const app = express()
  await mountNewsletterRoutes(app, { worker: false })
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.close()
  await sink?.close()
  await t?.close()
})

describe('newsletters', () => {
  it('the existing list is the first newsletter: of the weekly report, default for sign-ups', async () => {
    const publication = await t.payload.findByID({ collection: 'publications', id: first.publication as number })
    expect(publication.kind).toBe('weekly')
    expect(first).toMatchObject({ defaultForSignups: true, doubleOptIn: true, tracking: 'off' })
  })

  it('a subscriber saved the old way joins the first newsletter with its status', async () => {
    const s = await t.payload.create({
      collection: 'subscribers',
      data: { email: 'old-way@example.com', status: 'active' },
      ...sys,
    })
    expect(await subscriptionsOf(s.email)).toEqual({ [first.slug!]: 'active' })
  })

  it('the upgrade gives every subscriber without a subscription one, and is idempotent', async () => {
    await t.payload.db.create({
      collection: 'subscribers',
      data: { email: 'legacy@example.com', status: 'unsubscribed', createdAt: '2020-01-01T00:00:00.000Z' },
    })
    expect(await upgradeToNewsletters(t.payload)).toEqual({ createdNewsletter: false, subscriptionsCreated: 1 })
    expect(await subscriptionsOf('legacy@example.com')).toEqual({ [first.slug!]: 'unsubscribed' })
    expect(await upgradeToNewsletters(t.payload)).toEqual({ createdNewsletter: false, subscriptionsCreated: 0 })
  })
})

describe('sending to a newsletter or a segment (real SMTP on loopback)', () => {
  it('a send reaches only its newsletter’s active members, never bounced or complained addresses', async () => {
    const target = (await resolveTarget(t.payload, issue, { newsletter: 'markets' })) as SendTarget
    expect(await countAudience(t.payload, target)).toBe(2)
    const { campaign, to } = await send(target)
    expect(to).toEqual(['ab@example.com', 'b1@example.com'])
    expect(campaign).toMatchObject({ total: 2, newsletter: markets.id, tracking: 'aggregate' })
    abFromMarkets = sink.messages.find((m) => m.envelopeTo[0] === 'ab@example.com')!.raw
    const mail = await simpleParser(sink.messages[0].raw)
    expect(mail.from?.value[0].name).toBe('Markets desk')
    expect(mail.headerLines.find((h) => h.key === 'list-id')?.line).toMatch(/<markets\.example\.com>$/)
  })

  it('the same issue to the other newsletter is its own campaign', async () => {
    const target = (await resolveTarget(t.payload, issue)) as SendTarget
    expect(target.newsletter.id).toBe(first.id)
    const { to } = await send(target)
    expect(to).toEqual([
      'a1@example.com',
      'a2@example.com',
      'ab@example.com',
      'left-b@example.com',
      'old-way@example.com',
    ])
  })

  it('a segment send reaches exactly the segment', async () => {
    await t.payload.create({
      collection: 'segments',
      data: { name: 'Press', slug: 'press', newsletter: first.id, tagRule: 'any', tags: ['press'] },
      ...sys,
    })
    await t.payload.create({
      collection: 'segments',
      data: { name: 'Not VIP', slug: 'not-vip', newsletter: first.id, tagRule: 'none', tags: ['vip'] },
      ...sys,
    })
    const press = (await resolveTarget(t.payload, issue, { segment: 'press' })) as SendTarget
    expect(await countAudience(t.payload, press)).toBe(3)
    const { campaign, to } = await send(press)
    expect(to).toEqual(['a1@example.com', 'ab@example.com', 'left-b@example.com'])
    expect(campaign.segment).toBe(press.segment!.id)
    const notVip = (await resolveTarget(t.payload, issue, { segment: 'not-vip' })) as SendTarget
    expect(await countAudience(t.payload, notVip)).toBe(3) // a1, left-b, old-way
  })

  it('names that do not fit are refused with a clear message', async () => {
    expect(await resolveTarget(t.payload, issue, { newsletter: 'nope' })).toEqual({
      error: 'no newsletter with slug nope',
    })
    expect(await resolveTarget(t.payload, issue, { newsletter: 'markets', segment: 'press' })).toEqual({
      error: `segment press belongs to newsletter ${first.slug}, not markets`,
    })
  })
})

describe('one-click unsubscribe', () => {
  it('one-click from a message of newsletter A leaves newsletter B untouched', async () => {
    const mail = await simpleParser(abFromMarkets)
    const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line
    const url = /<(https?:[^>]+)>/.exec(header)![1].replace(/^https?:\/\/[^/]+/, base)
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect(await subscriptionsOf('ab@example.com')).toEqual({ [first.slug!]: 'active', markets: 'unsubscribed' })
    const page = await (await fetch(url)).text()
    expect(page).toContain('Markets')
  })
})

/** Each child process boots Payload (10–30 s on a busy machine). */
describe('briefing newsletter send --newsletter --segment (a real child process)', () => {
  it('prints the exact count, then sends to exactly the segment', async () => {
    await t.payload.create({
      collection: 'segments',
      data: { name: 'Markets press', slug: 'markets-press', newsletter: markets.id, tagRule: 'any', tags: ['press'] },
      ...sys,
    })
    sink.messages.length = 0
    const run = await briefing(
      [
        'newsletter',
        'send',
        '3-9',
        '--newsletter',
        'markets',
        '--segment',
        'markets-press',
        '--yes',
        '--override',
        'seeded items are not approved',
      ],
      { SMTP_URL: sink.url(2) },
    )
    expect(run.stderr).not.toMatch(/error/i)
    expect(run.status).toBe(0)
    // ab@ left Markets by one click above; bounced@ is never sent to.
    expect(run.stdout).toContain(
      'to 1 recipient(s) of segment Markets press (markets-press) of newsletter Markets (markets)',
    )
    expect(sink.messages.map((m) => m.envelopeTo[0])).toEqual(['b1@example.com'])
  }, 240_000)

  it('an unknown newsletter or segment is a clear error that sends nothing', async () => {
    sink.messages.length = 0
    const run = await briefing(['newsletter', 'send', '3-9', '--newsletter', 'nope', '--yes'], {
      SMTP_URL: sink.url(2),
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('briefing: no newsletter with slug nope')
    const segment = await briefing(['newsletter', 'send', '3-9', '--segment', 'nope', '--yes'])
    expect(segment.stderr).toContain('briefing: no segment with slug nope')
    expect(sink.messages).toHaveLength(0)
  }, 240_000)
})
