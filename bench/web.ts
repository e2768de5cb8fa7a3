/**
 * `npm run bench:web` — public web pages under load, side by side with a baseline, in one run.
 *
 * A child process boots Payload on a fresh SQLite file, seeds the demo content plus a generated
 * 60-item issue, and serves: the web routes with the page cache (cached), the same routes rendering
 * every request (uncached), and a plain express route returning a pre-rendered string of the same
 * size as each page (baseline). This process drives autocannon against them, one run at a time.
 *
 * Env: BENCH_DURATION (seconds per run, default 20), BENCH_CONNECTIONS (default 50),
 * BENCH_SVG (chart output path, default bench/web.svg).
 */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import cliProgress from 'cli-progress'
import Table from 'cli-table3'
import type { Payload } from 'payload'

/** The part of autocannon's API used here (the package ships no types). */
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  requests?: Array<{
    method: 'GET'
    onResponse: (status: number, body: string, ctx: unknown, headers: Record<string, string>) => void
  }>
}) => Promise<{
  requests: { average: number }
  latency: { p50: number; p99: number }
  throughput: { average: number }
  errors: number
  timeouts: number
  non2xx: number
}>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Ports = { cached: number; uncached: number; baseline: number; sizes: Record<string, number> }
type Run = { name: string; target: string; url: string; connections: number; group: string }
type Result = Run & {
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  bytes: number
  server?: { p50: number; p99: number }
}

const duration = Number(process.env.BENCH_DURATION ?? 20)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const self = fileURLToPath(import.meta.url)

async function serve(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-web-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.OUTBOX_DIR = path.join(dir, 'outbox')
  process.env.BRIEFING_JOBS_AUTORUN = '0'
  process.env.PUBLIC_URL = 'http://127.0.0.1'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const { seed } = await import('../src/seed')
  const { mountWebRoutes } = await import('../src/web/routes')
  const express = (await import('express')).default
  const payload = await getPayload({ config })
  await seed(payload)
  await generateIssue(payload, 60)

  const listen = async (app: ReturnType<typeof express>) => {
    const server = app.listen(0, '127.0.0.1')
    await new Promise<void>((r) => server.once('listening', () => r()))
    return (server.address() as { port: number }).port
  }
  const cachedApp = express()
  await mountWebRoutes(cachedApp, { payload: async () => payload })
  const uncachedApp = express()
  await mountWebRoutes(uncachedApp, { payload: async () => payload, cache: false })
  const uncached = await listen(uncachedApp)
  const cached = await listen(cachedApp)

  // Baseline: the same bytes, pre-rendered, from a bare express route.
  const baselineApp = express()
  const sizes: Record<string, number> = {}
  for (const [name, page] of [
    ['seeded', '/issues/3-9'],
    ['large', '/issues/9-1'],
  ]) {
    const res = await fetch(`http://127.0.0.1:${uncached}${page}`)
    if (res.status !== 200) throw new Error(`${page} answered ${res.status}`)
    const html = await res.text()
    sizes[name] = Buffer.byteLength(html)
    baselineApp.get(`/${name}`, (_req, res) => {
      res.type('html').send(html)
    })
  }
  const baseline = await listen(baselineApp)
  process.send?.({ cached, uncached, baseline, sizes } satisfies Ports)
}

/** Publish a generated issue 9-1 with `count` items: two thirds full items, one third briefs. */
async function generateIssue(payload: Payload, count: number): Promise<void> {
  const { richText } = await import('../src/lib/richtext')
  const sections = (await payload.find({ collection: 'sections', sort: 'position', pagination: false })).docs
  const full = sections.filter((s) => s.style === 'full')
  const brief = sections.filter((s) => s.style === 'brief')
  const terms = (await payload.find({ collection: 'glossary-terms', pagination: false })).docs
  const sources = (await payload.find({ collection: 'sources', pagination: false })).docs
  const issue = await payload.create({
    collection: 'issues',
    draft: true,
    data: {
      volume: 9,
      number: 1,
      periodStart: '2024-12-28',
      periodEnd: '2025-01-03',
      sections: sections.map((s) => ({ section: s.id })),
      highlights: full.map((s, i) => ({
        text: richText(
          `Highlight ${i + 1}: officials discussed “${terms[i % terms.length].english}” (${terms[i % terms.length].original}).`,
        ),
        section: s.id,
      })),
      _status: 'draft',
    },
  })
  for (let i = 0; i < count; i++) {
    const isBrief = i % 3 === 2
    const section = isBrief ? brief[i % brief.length] : full[i % full.length]
    const term = terms[i % terms.length]
    const day = ['2024-12-28', '2024-12-30', '2025-01-01', '2025-01-02'][i % 4]
    const sentence = `Item ${i + 1}: the meeting stressed “${term.english}” (${term.original}) and asked cadres to act according to local conditions, with more detail on implementation, supervision and the follow-up expected in the provinces.`
    await payload.create({
      collection: 'items',
      draft: true,
      data: {
        issue: issue.id,
        section: section.id,
        headline: isBrief ? undefined : `Generated Headline Number ${i + 1} on ${term.english}`,
        date: `${day}T12:00:00.000Z`,
        body: isBrief
          ? richText(sentence)
          : richText(sentence, sentence.replace('Item', 'In a second paragraph, item'), {
              list: 'number',
              items: ['First task.', 'Second task (第二).'],
            }),
        sources: [sources[i % sources.length].id],
        terms: [term.id],
        excerpt: isBrief ? undefined : '要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。',
        _status: 'draft',
      },
    })
  }
  await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
}

async function runOne(run: Run, bar: cliProgress.SingleBar, seconds: number): Promise<Result> {
  const started = Date.now()
  const tick = setInterval(() => bar.update(Math.min(seconds, (Date.now() - started) / 1000), { run: run.name }), 500)
  // Uncached runs also collect the server's own time per answer (Server-Timing: app;dur=…),
  // which is the render time without the queueing that 50 connections add.
  const serverTimes: number[] = []
  const onResponse = (_s: number, _b: string, _c: unknown, headers: Record<string, string>) => {
    const m = /dur=([\d.]+)/.exec(String(headers['Server-Timing'] ?? headers['server-timing'] ?? ''))
    if (m) serverTimes.push(Number(m[1]))
  }
  const r = await autocannon({
    url: run.url,
    connections: run.connections,
    duration: seconds,
    ...(run.target === 'uncached' ? { requests: [{ method: 'GET' as const, onResponse }] } : {}),
  })
  serverTimes.sort((a, b) => a - b)
  const pct = (q: number) => serverTimes[Math.min(serverTimes.length - 1, Math.floor(q * serverTimes.length))] ?? 0
  clearInterval(tick)
  bar.increment(0)
  return {
    ...run,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytes: r.throughput.average,
    ...(serverTimes.length ? { server: { p50: pct(0.5), p99: pct(0.99) } } : {}),
  }
}

function svgChart(results: Result[]): string {
  const rows = results.filter((r) => r.connections === connections)
  const max = Math.max(...rows.map((r) => r.rps), 1)
  const barH = 22
  const gap = 10
  const left = 260
  const width = 760
  const height = rows.length * (barH + gap) + 40
  const bars = rows
    .map((r, i) => {
      const y = 30 + i * (barH + gap)
      const w = Math.max(1, ((width - left - 120) * r.rps) / max)
      const colour = r.target === 'baseline' ? '#8c8c8c' : r.target === 'cached' ? '#1f6feb' : '#d4760a'
      return `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${r.name}</text><rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${colour}"/><text x="${(left + w + 6).toFixed(1)}" y="${y + 15}">${Math.round(r.rps)} req/s · p99 ${r.p99} ms</text>`
    })
    .join('\n')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="13">
<title>bench:web — requests per second, ${connections} connections, ${duration} s each</title>
<text x="10" y="18" font-weight="bold">Requests per second (${connections} connections, ${duration} s each; grey = baseline)</text>
${bars}
</svg>
`
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(self, ['--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ports))
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  const at = (port: number, p: string) => `http://127.0.0.1:${port}${p}`
  const runs: Run[] = [
    {
      group: 'seeded',
      target: 'baseline',
      name: 'baseline (seeded size)',
      url: at(ports.baseline, '/seeded'),
      connections,
    },
    { group: 'seeded', target: 'cached', name: 'issue 3-9 cached', url: at(ports.cached, '/issues/3-9'), connections },
    {
      group: 'seeded',
      target: 'uncached',
      name: 'issue 3-9 uncached',
      url: at(ports.uncached, '/issues/3-9'),
      connections,
    },
    {
      group: 'large',
      target: 'baseline',
      name: 'baseline (60-item size)',
      url: at(ports.baseline, '/large'),
      connections,
    },
    {
      group: 'large',
      target: 'cached',
      name: '60-item issue cached',
      url: at(ports.cached, '/issues/9-1'),
      connections,
    },
    {
      group: 'large',
      target: 'uncached',
      name: '60-item issue uncached',
      url: at(ports.uncached, '/issues/9-1'),
      connections,
    },
    {
      group: 'large',
      target: 'uncached',
      name: '60-item uncached, 1 conn',
      url: at(ports.uncached, '/issues/9-1'),
      connections: 1,
    },
  ]
  for (const r of runs) for (let i = 0; i < 20; i++) await fetch(r.url).then((res) => res.arrayBuffer())

  const bar = new cliProgress.SingleBar(
    { format: '{bar} {value}/{total} s  {run}', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  )
  const results: Result[] = []
  for (const run of runs) {
    // Let the server finish what the previous run left queued before measuring again.
    await sleep(3000)
    await fetch(run.url).then((res) => res.arrayBuffer())
    bar.start(duration, 0, { run: run.name })
    results.push(await runOne(run, bar, duration))
    bar.stop()
  }
  child.kill('SIGTERM')

  const baselineOf = (r: Result) => results.find((b) => b.group === r.group && b.target === 'baseline')!
  const table = new Table({
    head: ['run', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'render p50/p99 ms', 'errors/non-2xx'],
  })
  const md = [
    '| run | connections | req/s | p50 ms | p99 ms | req/s vs baseline | server render p50 / p99 ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of results) {
    const ratio = r.target === 'baseline' ? '1.00' : (r.rps / baselineOf(r).rps).toFixed(2)
    const server = r.server ? `${r.server.p50} / ${r.server.p99}` : '–'
    table.push([r.name, r.connections, Math.round(r.rps), r.p50, r.p99, ratio, server, `${r.errors}/${r.non2xx}`])
    md.push(`| ${r.name} | ${r.connections} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${ratio} | ${server} |`)
  }
  const cpu = os.cpus()
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  )
  console.log(
    `Page sizes: seeded issue ${ports.sizes.seeded} B, 60-item issue ${ports.sizes.large} B; ${duration} s per run`,
  )
  console.log(table.toString())
  console.log(md.join('\n'))
  const cached = results.find((r) => r.name === 'issue 3-9 cached')!
  const single = results.find((r) => r.connections === 1)!
  const large = results.find((r) => r.name === '60-item issue uncached')!
  console.log(
    `Targets: cached ≥ 50% of baseline → ${((cached.rps / baselineOf(cached).rps) * 100).toFixed(0)}%, p99 ≤ 25 ms → ${cached.p99} ms; ` +
      `uncached 60-item render p50 ≤ 50 ms → server ${large.server?.p50 ?? '?'} ms at ${connections} connections, ` +
      `${single.p50} ms end to end with 1 connection`,
  )
  const svgPath = process.env.BENCH_SVG ?? path.join(path.dirname(self), 'web.svg')
  fs.writeFileSync(svgPath, svgChart(results))
  console.log(`Chart: ${path.relative(process.cwd(), svgPath)}`)
  const failed = results.some((r) => r.non2xx > 0)
  process.exit(failed ? 1 : 0)
}

if (process.argv.includes('--serve')) {
  serve().catch((err) => {
    console.error(err)
    process.exit(1)
  })
} else {
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
