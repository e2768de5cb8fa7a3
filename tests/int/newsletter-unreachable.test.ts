import { spawn } from 'node:child_process'

import { simpleParser } from 'mailparser'
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { campaignForIssue, findIssue } from '../../src/newsletter/campaign'
import { newsletterEndpoints } from '../../src/newsletter/endpoints'
import { summarise } from '../../src/newsletter/ledger'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { SEND_FIXTURE_ARGS } from '../helpers/cli'
import { childEnv } from '../helpers/schemaReady'

let t: TestPayload
let sink: SmtpSink
const N = 120
const CONNECTIONS = 3

/** `briefing newsletter send 3-9 --yes` as a real child process, with a 2-second connection budget. */
function sender() {
  const child = spawn(process.execPath, SEND_FIXTURE_ARGS, {
    env: childEnv({
      ...process.env,
      SMTP_URL: sink.url(CONNECTIONS),
      NEWSLETTER_RETRY_DELAYS_MS: '20,50',
      NEWSLETTER_CONNECT_RETRY_SECONDS: '2',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  // A sender that never gives up is killed after a minute, so the test fails instead of hanging.
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => (clearTimeout(guard), resolve(code))),
  )
  return { child, exited, stdout: () => stdout, stderr: () => stderr }
}

/** The issue's Newsletter panel reads this endpoint (as an editor). */
async function panelStatus(issueId: number | string) {
  const editor = await makeUser(t.payload, 'editor')
  const endpoint = newsletterEndpoints.find((e) => e.path === '/newsletter/issues/:issue/status')!
  const req = (await createLocalReq({ user: editor }, t.payload)) as PayloadRequest
  req.routeParams = { issue: String(issueId) }
  Object.defineProperty(req, 'searchParams', { value: new URLSearchParams(), configurable: true })
  const res = await endpoint.handler(req)
  return (await res.json()) as { campaign: { status: string; pausedReason: string | null } }
}

beforeAll(async () => {
  t = await bootPayload('newsletter-unreachable')
  await seed(t.payload)
  for (let i = 0; i < N; i++) {
    await t.payload.db.create({
      collection: 'subscribers',
      data: { email: `gone${i}@example.com`, status: 'active', source: 'import' },
    })
  }
  await upgradeToNewsletters(t.payload) // rows written below the Local API join the first newsletter
  sink = await startSmtpSink({ dataDelayMs: 10 })
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('the SMTP server goes away mid-send', () => {
  it('pauses with the reason after the connection budget, exits 2, and resumes where it stopped', async () => {
    const first = sender()
    const deadline = Date.now() + 60_000
    while (sink.count() < 30 && Date.now() < deadline) {
      if (first.child.exitCode !== null) throw new Error(`sender exited early: ${first.stderr()}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    await sink.stop()
    const stoppedAt = sink.count()
    expect(stoppedAt).toBeLessThan(N)

    const reason = `SMTP server unreachable: ECONNREFUSED 127.0.0.1:${sink.port}`
    expect(await first.exited, first.stderr()).toBe(2)
    expect(first.stderr()).toContain(`paused: ${reason}`)

    const issue = (await findIssue(t.payload, '3-9'))!
    const campaign = (await campaignForIssue(t.payload, issue.id))!
    expect(campaign).toMatchObject({ status: 'paused', pausedReason: reason })
    expect((await panelStatus(issue.id)).campaign).toMatchObject({ status: 'paused', pausedReason: reason })
    const mid = await summarise(t.payload, campaign.id)
    expect(mid.pending).toBeGreaterThan(0)
    expect(mid.failed).toBe(0)

    await sink.restart()
    const second = sender()
    expect(await second.exited, second.stderr()).toBe(0)
    expect(second.stdout()).toMatch(new RegExp(`completed: sent ${N}, failed 0`))

    const byAddress = new Map<string, Set<string>>()
    for (const m of sink.messages) {
      const mail = await simpleParser(m.raw)
      const to = m.envelopeTo[0]
      byAddress.set(to, (byAddress.get(to) ?? new Set()).add(mail.messageId!))
    }
    expect(byAddress.size).toBe(N)
    // Repeats only for messages in flight when the server went away: at most one per connection.
    expect(sink.messages.length - N).toBeLessThanOrEqual(CONNECTIONS)
    for (const ids of byAddress.values()) expect(ids.size).toBe(1)
    expect(await summarise(t.payload, campaign.id)).toMatchObject({ total: N, sent: N, pending: 0, failed: 0 })
  }, 150_000)
})
