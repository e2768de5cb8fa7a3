/**
 * `npm run bench:csv`: import 100,000 CSV rows (email, name, newsletters, tags) into a fresh SQLite
 * database through `importSubscribers` (bulk inserts), beside the per-row Local API path the import
 * used before (one `payload.create` per subscriber, on BENCH_CSV_BASELINE rows). Prints rows/s and
 * the peak RSS of this process.
 *
 * Env: BENCH_CSV_ROWS (100000), BENCH_CSV_BASELINE (2000), BENCH_DB_DIR (the OS temp dir by default).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 100_000)
const BASELINE = Number(process.env.BENCH_CSV_BASELINE ?? 2_000)
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`

async function main() {
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_DB_DIR ?? os.tmpdir(), 'briefing-bench-csv-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.OUTBOX_DIR = path.join(dir, 'outbox')
  process.env.BRIEFING_JOBS_AUTORUN = '0'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const payload = await getPayload({ config })
  const { ensureFirstNewsletter } = await import('../src/newsletter/newsletters')
  const { importSubscribers } = await import('../src/newsletter/csv')
  const first = await ensureFirstNewsletter(payload)
  await payload.create({
    collection: 'newsletters',
    data: { name: 'Markets', slug: 'markets', tracking: 'off' },
    overrideAccess: true,
  })
  console.log(`booted: RSS ${mb(process.memoryUsage().rss)}`)

  // Baseline: the import before (one Local API create per row, hooks and validation included).
  let t = performance.now()
  for (let i = 0; i < BASELINE; i++)
    await payload.create({
      collection: 'subscribers',
      data: { email: `old${i}@example.com`, name: `Old ${i}`, status: 'active', source: 'import' },
      overrideAccess: true,
    })
  const baselineSeconds = (performance.now() - t) / 1000

  const lines = ['email,name,newsletters,tags']
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `reader${i}@example.com,Reader ${i},${i % 3 ? first.slug : `${first.slug};markets`},${i % 10 ? 'press' : 'press;vip'}`,
    )
  const csv = lines.join('\n')
  let peak = process.memoryUsage().rss
  const before = peak
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  t = performance.now()
  const report = await importSubscribers(payload, csv, { confirmed: true })
  const seconds = (performance.now() - t) / 1000
  clearInterval(sample)
  const subscriptions = await payload.count({ collection: 'subscriptions', overrideAccess: true })
  console.table({
    [`per-row Local API (before), ${BASELINE} rows`]: {
      seconds: baselineSeconds.toFixed(1),
      'rows/s': Math.round(BASELINE / baselineSeconds),
    },
    [`bulk import, ${ROWS} rows`]: {
      seconds: seconds.toFixed(1),
      'rows/s': Math.round(ROWS / seconds),
      imported: report.imported,
      'RSS before': mb(before),
      'peak RSS': mb(peak),
    },
  })
  console.log(`subscriptions now: ${subscriptions.totalDocs}; CSV ${mb(csv.length)}; node ${process.version}`)
  await payload.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(report.imported === ROWS ? 0 : 1)
}

void main()
