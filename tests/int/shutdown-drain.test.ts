import { spawn } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { summarise } from '../../src/newsletter/ledger'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { upgradeToNewsletters } from '../../src/newsletter/newsletters'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { childEnv } from '../helpers/schemaReady'

/**
 * SIGTERM drains a `briefing worker` (a real child process) within SHUTDOWN_TIMEOUT_SECONDS: it stops
 * claiming, finishes and records the messages in flight, releases its batches and exits 0. Nothing is
 * lost (every delivered message is recorded as sent, the rest are pending for the next worker) and
 * nothing is delivered twice.
 */
let t: TestPayload
let sink: SmtpSink
const N = 400
const CONNECTIONS = 5

beforeAll(async () => {
  t = await bootPayload('shutdown-drain')
  await seed(t.payload)
  for (let i = 0; i < N; i++)
    await t.payload.db.create({
      collection: 'subscribers',
      data: { email: `drain${i}@example.com`, status: 'active', source: 'import' },
    })
  await upgradeToNewsletters(t.payload) // rows written below the Local API join the first newsletter
  sink = await startSmtpSink({ dataDelayMs: 40 })
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('SIGTERM', () => {
  it('drains a worker mid-send: exit 0 in time, every delivery recorded, the rest released, none twice', async () => {
    const campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
    const child = spawn(process.execPath, ['--conditions=development', 'bin/briefing.mjs', 'worker'], {
      env: childEnv({ ...process.env, SMTP_URL: sink.url(CONNECTIONS), SHUTDOWN_TIMEOUT_SECONDS: '20' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    const deadline = Date.now() + 180_000
    while (sink.count() < 20 && Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`worker exited early: ${output}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    const signalled = Date.now()
    child.kill('SIGTERM')
    expect(await exited, output).toBe(0)
    expect(Date.now() - signalled).toBeLessThan(20_000)
    expect(output).toContain('draining')

    const delivered = sink.count()
    expect(delivered).toBeLessThan(N)
    const addresses = new Set(sink.messages.map((m) => m.envelopeTo[0]))
    expect(addresses.size).toBe(delivered)
    const ledger = await summarise(t.payload, campaign.id)
    expect(ledger).toMatchObject({ total: N, sent: delivered, sending: 0, failed: 0 })
    expect(ledger.pending).toBe(N - delivered)
  }, 240_000)
})
