import { spawn } from 'node:child_process'

import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { campaignForIssue, findIssue } from '../../src/newsletter/campaign'
import { summarise } from '../../src/newsletter/ledger'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { SEND_FIXTURE_ARGS } from '../helpers/cli'
import { childEnv } from '../helpers/schemaReady'

let t: TestPayload
let sink: SmtpSink
const N = 150
const CONNECTIONS = 5

/** `briefing newsletter send 3-9 --yes` as a real child process on the same database. */
function sender() {
  const child = spawn(process.execPath, SEND_FIXTURE_ARGS, {
    env: childEnv({ ...process.env, SMTP_URL: sink.url(CONNECTIONS), NEWSLETTER_RETRY_DELAYS_MS: '20,50' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

beforeAll(async () => {
  t = await bootPayload('newsletter-crash')
  await seed(t.payload)
  for (let i = 0; i < N; i++) {
    await t.payload.db.create({
      collection: 'subscribers',
      data: { email: `crash${i}@example.com`, status: 'active', source: 'import' },
    })
  }
  await upgradeToNewsletters(t.payload) // rows written below the Local API join the first newsletter
  // Slow the sink down so that the kill lands in the middle of the send.
  sink = await startSmtpSink({ dataDelayMs: 15 })
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('crash safety', () => {
  it('after kill -9 mid-send and a restart, everyone gets the issue; repeats ≤ connections, same Message-IDs', async () => {
    const first = sender()
    const deadline = Date.now() + 60_000
    while (sink.count() < 40 && Date.now() < deadline) {
      if (first.child.exitCode !== null) throw new Error(`sender exited early: ${first.output()}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    // Land inside the next batch's DATA phase: messages received but not yet acknowledged.
    await new Promise((r) => setTimeout(r, 8))
    first.child.kill('SIGKILL')
    await first.exited
    const atKill = sink.count()
    expect(atKill).toBeGreaterThanOrEqual(40)
    expect(atKill).toBeLessThan(N)

    const campaign = (await campaignForIssue(t.payload, (await findIssue(t.payload, '3-9'))!.id))!
    const mid = await summarise(t.payload, campaign.id)
    // Everything the server received is in the ledger as sent, except at most one per connection.
    expect(atKill - mid.sent).toBeLessThanOrEqual(CONNECTIONS)
    expect(mid.pending + mid.sending).toBeGreaterThan(0)

    const second = sender()
    expect(await second.exited, second.output()).toBe(0)
    expect(second.output()).toMatch(/completed: sent 150, failed 0/)

    const byAddress = new Map<string, string[]>()
    for (const m of sink.messages) {
      const mail = await simpleParser(m.raw)
      const to = m.envelopeTo[0]
      byAddress.set(to, [...(byAddress.get(to) ?? []), mail.messageId!])
    }
    expect(byAddress.size).toBe(N)
    const repeats = [...byAddress.values()].filter((ids) => ids.length > 1)
    expect(sink.messages.length - N).toBe(repeats.length)
    expect(repeats.length).toBeLessThanOrEqual(CONNECTIONS)
    for (const ids of repeats) expect(new Set(ids).size).toBe(1)
    console.log(
      `kill -9 after ${atKill} delivered; ${repeats.length} repeat(s) after the restart (bound ${CONNECTIONS})`,
    )
    expect(await summarise(t.payload, campaign.id)).toMatchObject({
      total: N,
      sent: N,
      pending: 0,
      sending: 0,
      failed: 0,
    })
  }, 120_000)
})
