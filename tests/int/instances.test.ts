import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { postgresServer, startWeb, startWorker, within, type Instance } from '../helpers/instances'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

/**
 * Two web instances and two workers, real child processes as `npm run dev` and `briefing worker` run
 * them, on one PostgreSQL database (POSTGRES_URI, or a cluster from scripts/pg-cluster.sh).
 */
const READERS = 40
const OLD = 'Xi Jinping: Build Broad Consensus for Chinese Modernization'
let pg: ReturnType<typeof postgresServer>
let t: TestPayload
let sink: SmtpSink
let a: Instance
let b: Instance
let workers: Instance[] = []
let adminEmail = ''

beforeAll(async () => {
  pg = postgresServer()
  process.env.POSTGRES_URI = pg.uri
  process.env.PAYLOAD_SECRET = 'instances-test-secret-0123456789abcdef'
  t = await bootPayload('instances')
  await seed(t.payload)
  adminEmail = (await makeUser(t.payload, 'admin')).email
  for (let i = 0; i < READERS; i++)
    await t.payload.db.create({
      collection: 'subscribers',
      data: { email: `reader${i}@example.com`, status: 'active' },
    })
  await upgradeToNewsletters(t.payload) // rows written below the Local API join the first newsletter
  sink = await startSmtpSink()
  const env = {
    DATABASE_URI: process.env.DATABASE_URI!,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
    OUTBOX_DIR: process.env.OUTBOX_DIR!,
    MEDIA_DIR: process.env.MEDIA_DIR!,
    SMTP_URL: sink.url(2),
    NEWSLETTER_WORKER: 'external',
    NEWSLETTER_WORKER_INTERVAL_MS: '500',
    BRIEFING_JOBS_AUTORUN: '0',
    CHANGE_FEED_POLL_MS: '500',
    NEWSLETTER_SUBSCRIBE_LIMIT: '3',
  }
  ;[a, b] = await Promise.all([
    startWeb({ ...env, NEXT_DIST_DIR: '.next-instance-a' }),
    startWeb({ ...env, NEXT_DIST_DIR: '.next-instance-b' }),
  ])
  workers = [startWorker(env), startWorker(env)]
}, 600_000)

afterAll(async () => {
  await Promise.all([a, b, ...workers].filter(Boolean).map((p) => p.stop()))
  await sink?.close()
  await t?.close()
  pg?.stop()
})

describe('two web instances and two workers on one database', () => {
  it('the subscribe rate limit holds across instances', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${i % 2 ? b.url : a.url}/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ email: `limit${i}@example.com` }),
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429])
  })

  it('a newsletter send run by both workers reaches every recipient exactly once', async () => {
    const campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
    await within(
      180_000,
      async () =>
        (await t.payload.findByID({ collection: 'campaigns', id: campaign.id, overrideAccess: true })).status ===
        'completed',
      'the campaign completes',
    )
    const to = sink.messages.map((m) => m.envelopeTo[0]).filter((address) => address.startsWith('reader'))
    expect(to).toHaveLength(READERS)
    expect(new Set(to).size).toBe(READERS)
  }, 240_000)

  it('a scheduled publish happens once', async () => {
    const editor = await makeUser(t.payload, 'editor')
    const issue = await t.payload.create({ collection: 'issues', data: { volume: 7 }, draft: true })
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: {
        type: 'publish',
        doc: { relationTo: 'issues', value: String(issue.id) as never },
        user: { relationTo: 'users', value: editor.id as never },
      },
    })
    const published = () =>
      t.payload.findVersions({
        collection: 'issues',
        where: { and: [{ parent: { equals: issue.id } }, { 'version._status': { equals: 'published' } }] },
      })
    await within(60_000, async () => (await published()).totalDocs > 0, 'a worker publishes the issue')
    await new Promise((r) => setTimeout(r, 3000)) // both workers have polled again meanwhile
    expect((await published()).totalDocs).toBe(1)
  }, 120_000)

  it("an edit through instance A is on B's public page and in B's search within 2 s", async () => {
    expect(await (await fetch(`${b.url}/issues/3-9`)).text()).toContain(OLD) // B caches the page
    const item = await t.payload.find({ collection: 'items', where: { headline: { equals: OLD } }, limit: 1 })
    const { token } = await t.payload.login({
      collection: 'users',
      data: { email: adminEmail, password: 'correct-horse-battery' },
    })
    const res = await fetch(`${a.url}/api/items/${item.docs[0].id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ headline: 'Edited Through Instance Alpha' }),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const page = within(
      2000,
      async () => (await (await fetch(`${b.url}/issues/3-9`)).text()).includes('Edited Through Instance Alpha'),
      "B's issue page shows the edit",
    )
    const found = within(
      2000,
      async () => {
        const result = (await (await fetch(`${b.url}/api/search?q=Alpha`)).json()) as { docs: { title: string }[] }
        return result.docs.some((d) => d.title.includes('Edited Through Instance Alpha'))
      },
      "B's search finds the edit",
    )
    await Promise.all([page, found])
  }, 400_000)
})
