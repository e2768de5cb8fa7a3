/**
 * `npm run bench:send`: 10,000 subscribers to a loopback SMTP sink (a separate process), Briefing's
 * crash-safe campaign pipeline side by side with raw nodemailer pooled sending of the same
 * pre-rendered message, and the same campaign again with tracking `individual` (open pixel, links
 * rewritten, one signed token per message) against tracking `off`. Prints msg/s, the ratios, and peak
 * RSS of the sender process.
 *
 * Env: BENCH_SUBSCRIBERS (10000), BENCH_CONNECTIONS (20), BENCH_BATCH (the app's default), BENCH_DB_DIR (where the
 * SQLite file goes: the OS temp dir, i.e. disk, by default; /dev/shm to take fsync out of the picture),
 * BENCH_SENDER_PROFILE (a folder: write a CPU profile of the sender process there).
 */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
/** A folder for a V8 CPU profile of the Briefing sender process (optional). */
const PROFILE = process.env.BENCH_SENDER_PROFILE
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)

async function runSink() {
  const { startSmtpSink } = await import('../src/newsletter/smtpSink')
  const sink = await startSmtpSink({ keep: false })
  process.send?.({ port: sink.port })
  process.on('disconnect', () => process.exit(0))
  process.on(
    'message',
    (m: { count?: boolean }) => m.count && process.send?.({ count: sink.count(), cpu: process.cpuUsage() }),
  )
}

async function main() {
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_DB_DIR ?? os.tmpdir(), 'briefing-bench-send-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.OUTBOX_DIR = path.join(dir, 'outbox')
  process.env.BRIEFING_JOBS_AUTORUN = '0'
  process.env.PUBLIC_URL ??= 'https://briefing.example.com'

  const sinkProcess: ChildProcess = fork(fileURLToPath(import.meta.url), ['--sink'], { execArgv: ['--import', 'tsx'] })
  const port = await new Promise<number>((resolve) =>
    sinkProcess.once('message', (m: { port: number }) => resolve(m.port)),
  )
  const smtpUrl = `smtp://127.0.0.1:${port}?maxConnections=${CONNECTIONS}&ignoreTLS=true`

  let peakRss = 0
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)

  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const payload = await getPayload({ config })
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`
  const bootRss = process.memoryUsage().rss
  console.log(`booted Payload: RSS ${mb(bootRss)}`)
  const { seed } = await import('../src/seed')
  await seed(payload)
  const { defaultBatchSize, findIssue, startCampaign } = await import('../src/newsletter/campaign')
  const BATCH = Number(process.env.BENCH_BATCH ?? defaultBatchSize())
  const { compileMessage, personalise } = await import('../src/newsletter/mime')
  const { renderIssueEmail } = await import('../src/newsletter/render')
  const { loadNewsletterSettings, recipientFor } = await import('../src/newsletter/settings')
  const { createTransport } = await import('../src/email/transport')

  const t = Date.now()
  const now = new Date().toISOString()
  for (let i = 0; i < SUBSCRIBERS; i++) {
    await payload.db.create({
      collection: 'subscribers',
      data: {
        email: `reader${i}@example.com`,
        name: `Reader ${i}`,
        status: 'active',
        source: 'import',
        confirmedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    })
  }
  // Written below the Local API: the upgrade subscribes them to the first newsletter.
  await (await import('../src/newsletter/newsletters')).upgradeToNewsletters(payload)
  console.log(`setup: ${SUBSCRIBERS} subscribers in ${((Date.now() - t) / 1000).toFixed(1)} s`)

  const issue = (await findIssue(payload, '3-9'))!
  const settings = await loadNewsletterSettings(payload)
  const rendered = await renderIssueEmail(payload, issue.id)
  const compiled = compileMessage({
    campaignKey: 'raw',
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    from: { name: settings.fromName, address: settings.fromAddress },
    listId: settings.listId,
  })
  const raw = personalise(compiled, recipientFor(settings, { id: 0, email: 'reader@example.com' }, '<raw@example.com>'))
  console.log(`message: ${rendered.format} HTML ${rendered.htmlBytes} bytes, MIME ${Buffer.byteLength(raw)} bytes`)

  const sinkStats = () =>
    new Promise<{ count: number; cpuMs: number }>((resolve) => {
      sinkProcess.once('message', (m: { count: number; cpu: NodeJS.CpuUsage }) =>
        resolve({ count: m.count, cpuMs: (m.cpu.user + m.cpu.system) / 1000 }),
      )
      sinkProcess.send({ count: true })
    })
  /** CPU microseconds per message: of the sender, of the sink. */
  const cpu = { raw: [0, 0], briefing: [0, 0] }
  const perMessage = (ms: number) => (ms * 1000) / SUBSCRIBERS

  /**
   * Send one message per subscriber through nodemailer's pool, as fast as it goes (a window of sends
   * queued, enough to keep every connection busy). Returns msg/s and CPU µs per message of this
   * process and of the sink.
   */
  async function poolRun(message: (i: number) => Buffer) {
    const transport = createTransport(smtpUrl)
    const sinkBefore = await sinkStats()
    const cpuBefore = process.cpuUsage()
    const start = Date.now()
    let next = 0
    const worker = async () => {
      while (next < SUBSCRIBERS) {
        const i = next++
        const envelope = { from: settings.fromAddress, to: [`reader${i}@example.com`] }
        await transport.sendMail({ envelope, raw: message(i) })
      }
    }
    await Promise.all(Array.from({ length: CONNECTIONS * 4 }, worker))
    const seconds = (Date.now() - start) / 1000
    const used = process.cpuUsage(cpuBefore)
    const sinkMs = (await sinkStats()).cpuMs - sinkBefore.cpuMs
    transport.close()
    return { rate: SUBSCRIBERS / seconds, cpu: [perMessage((used.user + used.system) / 1000), perMessage(sinkMs)] }
  }

  /** Baseline: the same pre-rendered message, raw. */
  async function rawBaseline(): Promise<number> {
    const run = await poolRun(() => raw)
    cpu.raw = cpu.raw.map((v, k) => v + run.cpu[k] / 2)
    return run.rate
  }

  /** The raw pool again, but each message personalised as Briefing does it (no ledger, no campaign). */
  const personalisedOnly = async () =>
    (
      await poolRun((i) =>
        personalise(
          compiled,
          recipientFor(settings, { id: i, email: `reader${i}@example.com` }, `<p${i}@example.com>`),
        ),
      )
    ).rate

  const raw1 = await rawBaseline()
  console.log(`raw nodemailer pool: ${raw1.toFixed(0)} msg/s`)
  const personalisedRate = await personalisedOnly()
  console.log(`personalised per recipient, no ledger: ${personalisedRate.toFixed(0)} msg/s`)

  type SenderResult = {
    sent: number
    failed: number
    seconds: number
    settled: number
    cpuMs: number
    bootRss: number
    peakRss: number
  }
  /** One Briefing campaign of the issue with this tracking, sent by its own sender process. */
  async function briefingRun(tracking: 'off' | 'individual') {
    // One campaign per issue: the previous run's campaign and ledger go first.
    await payload.db.deleteMany({ collection: 'engagement-events', where: {} })
    await payload.db.deleteMany({ collection: 'delivery-batches', where: {} })
    await payload.db.deleteMany({ collection: 'campaigns', where: {} })
    const started = Date.now()
    const campaign = await startCampaign(payload, issue!, { batchSize: BATCH, tracking })
    const freeze = (Date.now() - started) / 1000
    console.log(`campaign (tracking ${tracking}): froze ${campaign.total} recipients in ${freeze.toFixed(1)} s`)
    const sinkBefore = await sinkStats()
    const senderProcess = await startSender(String(campaign.id), smtpUrl)
    const result = await new Promise<SenderResult>((resolve) => senderProcess.once('message', resolve))
    const cpuPair = [perMessage(result.cpuMs), perMessage((await sinkStats()).cpuMs - sinkBefore.cpuMs)]
    const rate = result.sent / result.seconds
    console.log(
      `briefing campaign (tracking ${tracking}): ${result.sent} sent, ${result.failed} failed in ${result.seconds.toFixed(1)} s = ${rate.toFixed(0)} msg/s`,
    )
    return { result, rate, freeze, cpuPair }
  }
  const off = await briefingRun('off')
  const tracked = await briefingRun('individual')
  cpu.briefing = off.cpuPair
  const { result, freeze: freezeSeconds } = off
  const briefing = off.rate

  const raw2 = await rawBaseline()
  console.log(`raw nodemailer pool (again): ${raw2.toFixed(0)} msg/s`)
  clearInterval(sample)
  const received = (await sinkStats()).count
  const rawMean = (raw1 + raw2) / 2
  const rows = [
    [
      'machine',
      `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`,
    ],
    ['subscribers / connections / batch', `${SUBSCRIBERS} / ${CONNECTIONS} / ${BATCH}`],
    ['database', `SQLite in ${path.dirname(dir)}`],
    ['message', `${rendered.format}, HTML ${rendered.htmlBytes} B, MIME ${Buffer.byteLength(raw)} B`],
    ['raw nodemailer pool (mean of 2 runs)', `${rawMean.toFixed(0)} msg/s (${raw1.toFixed(0)}, ${raw2.toFixed(0)})`],
    ['same pool, personalised per recipient, no ledger (bench process)', `${personalisedRate.toFixed(0)} msg/s`],
    [
      'Briefing campaign (ledger + CAS + personalise; own process, started once it was idle)',
      `${briefing.toFixed(0)} msg/s (idle after boot in ${result.settled.toFixed(1)} s)`,
    ],
    ['Briefing / raw', `${((briefing / rawMean) * 100).toFixed(0)} %`],
    [
      'Briefing campaign, tracking `individual` (pixel, rewritten links, a signed token per message)',
      `${tracked.rate.toFixed(0)} msg/s`,
    ],
    ['tracking individual / off', `${((tracked.rate / briefing) * 100).toFixed(0)} %`],
    [
      'sender CPU per message, tracking off · individual (robust on a loaded machine)',
      `${off.cpuPair[0].toFixed(0)} · ${tracked.cpuPair[0].toFixed(0)} µs (${((tracked.cpuPair[0] / off.cpuPair[0]) * 100).toFixed(0)} %)`,
    ],
    [
      'CPU per message, sender / sink: raw · Briefing',
      `${cpu.raw[0].toFixed(0)} / ${cpu.raw[1].toFixed(0)} µs · ${cpu.briefing[0].toFixed(0)} / ${cpu.briefing[1].toFixed(0)} µs`,
    ],
    ['freeze audience (render once + batches)', `${freezeSeconds.toFixed(1)} s`],
    [
      'peak RSS of the Briefing sender process',
      `${mb(result.peakRss)} (of which booting Payload: ${mb(result.bootRss)})`,
    ],
    ['peak RSS of the bench process (setup + raw runs)', `${mb(peakRss)} (after booting Payload: ${mb(bootRss)})`],
    ['messages received by the sink', `${received} (expected ${SUBSCRIBERS * 5})`],
  ]
  console.log('\n| measure | value |\n|---|---|')
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`)
  sinkProcess.kill()
  await payload.destroy?.()
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}

/**
 * Fork the sender and wait for it to boot. Node 20 with tsx's loader thread sometimes never finishes
 * loading the entry (seen once in ~15 runs: the child idles in epoll with no database open); such a
 * child is killed after 2 minutes and started again.
 */
async function startSender(campaignId: string, smtpUrl: string): Promise<ChildProcess> {
  for (let attempt = 1; ; attempt++) {
    const child = fork(fileURLToPath(import.meta.url), ['--send', campaignId], {
      execArgv: ['--import', 'tsx', ...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', PROFILE] : [])],
      env: { ...process.env, SMTP_URL: smtpUrl },
    })
    const booted = await new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer)
        resolve(ok)
      }
      const timer = setTimeout(() => done(false), 120_000)
      child.once('message', () => done(true))
      child.once('exit', () => done(false))
    })
    if (booted) return child
    child.kill('SIGKILL')
    if (attempt >= 3) throw new Error('the sender process did not boot (3 attempts)')
    console.error(`sender process did not boot; starting it again (attempt ${attempt + 1})`)
  }
}

/**
 * Model a running `briefing worker`, which boots long before an editor presses Send: wait at least
 * 10 s after boot and until this process has been quiet (under 5 % of a core) for a second, at most
 * 30 s. Started right after boot instead, the same send measured 1,422 msg/s (BENCHMARKS.md): V8 is
 * still optimising and collecting what booting Payload left behind. Returns the seconds waited.
 */
async function settle(): Promise<number> {
  const start = Date.now()
  let quiet = 0
  while ((quiet < 4 || Date.now() - start < 10_000) && Date.now() - start < 30_000) {
    const before = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, 250))
    const used = process.cpuUsage(before)
    quiet = (used.user + used.system) / 1000 < 0.05 * 250 ? quiet + 1 : 0
  }
  return (Date.now() - start) / 1000
}

/** The Briefing sender in its own process (as `briefing worker` would run it); reports rate and peak RSS. */
async function runSender(campaignId: string) {
  process.on('disconnect', () => process.exit(1))
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const payload = await getPayload({ config })
  const { Messenger } = await import('../src/newsletter/messenger')
  const { CampaignRunner } = await import('../src/newsletter/runner')
  const bootRss = process.memoryUsage().rss
  process.send?.({ booted: true })
  const messenger = new Messenger()
  const settled = await settle()
  const start = Date.now()
  const cpuBefore = process.cpuUsage()
  const result = await new CampaignRunner(payload, messenger).run(
    /^\d+$/.test(campaignId) ? Number(campaignId) : campaignId,
  )
  const seconds = (Date.now() - start) / 1000
  const used = process.cpuUsage(cpuBefore)
  messenger.close()
  process.send?.({
    sent: result.sent,
    failed: result.failed,
    seconds,
    settled,
    cpuMs: (used.user + used.system) / 1000,
    bootRss,
    peakRss: process.resourceUsage().maxRSS * 1024,
  })
  await payload.destroy?.()
  process.exit(0)
}

const senderArg = process.argv.indexOf('--send')
if (process.argv.includes('--sink')) void runSink()
else if (senderArg > 0) void runSender(process.argv[senderArg + 1])
else
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })

process.on('unhandledRejection', (err) => {
  console.error(err)
  process.exit(1)
})
