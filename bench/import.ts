/**
 * `npm run bench:import` — import 500 generated weekly reports (the sample report with varied
 * volume/number, periods, item counts and dates) into a fresh SQLite database, through the same
 * code as `briefing import` (parse → recognise → one transaction per file).
 *
 * Side by side in the same run:
 * - recognise only: parse + recognise each file, no database (the importer's own cost);
 * - baseline: the same issues and items created with plain Local API calls (no parsing, no
 *   matching of sections/sources/terms, no transaction), i.e. what the writes alone cost.
 *
 * Options: REPORTS=500 BASELINE_REPORTS=100 WAL=1 (the same config with the SQLite adapter's
 * `wal: { synchronous: 'NORMAL' }`, to show what the journal mode costs at each commit).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import cliProgress from 'cli-progress'
import Table from 'cli-table3'

const REPORTS = Number(process.env.REPORTS ?? 500)
const BASELINE_REPORTS = Number(process.env.BASELINE_REPORTS ?? 100)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-import-'))
process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.OUTBOX_DIR = path.join(dir, 'outbox')
process.env.BRIEFING_JOBS_AUTORUN = '0'

const { getPayload } = await import('payload')
const { default: foundationConfig } = await import('../src/payload.config')
const WAL = process.env.WAL === '1'
const config = WAL
  ? await (async () => {
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      const wal = { synchronous: 'NORMAL', journalSizeLimit: 64 * 1024 * 1024 } as const
      const db = sqliteAdapter({ client: { url: process.env.DATABASE_URI! }, push: true, wal })
      return { ...(await foundationConfig), db } as unknown as Awaited<typeof foundationConfig>
    })()
  : foundationConfig
const { parseFile } = await import('../src/importer/formats')
const { recogniseReport } = await import('../src/importer/recognise/report')
const { importFile } = await import('../src/importer/run')
const { richText } = await import('../src/lib/richtext')
const { generateReport } = await import('./importReports')

const reports = Array.from({ length: REPORTS }, (_, i) => generateReport(i))
const bytes = reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0)
const itemsTotal = reports.reduce((n, r) => n + r.items, 0)
console.log(
  `${REPORTS} generated reports, ${itemsTotal} items, ${(bytes / 1024).toFixed(0)} KB; database ${process.env.DATABASE_URI}`,
)

const bar = (label: string, total: number) => {
  const b = new cliProgress.SingleBar({
    format: `${label.padEnd(16)} [{bar}] {value}/{total} {rate}`,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  })
  b.start(total, 0, { rate: '' })
  return b
}

const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

// 1. Recognise only.
let c0 = cpu()
let t0 = performance.now()
for (const r of reports) recogniseReport((await parseFile(r.name, Buffer.from(r.text))).blocks)
const recogniseSeconds = (performance.now() - t0) / 1000
const recogniseCpu = cpu() - c0

const payload = await getPayload({ config })

// 2. Full import, one transaction per file.
const progress = bar('import', REPORTS)
c0 = cpu()
t0 = performance.now()
let failed = 0
for (const [i, r] of reports.entries()) {
  const result = await importFile(payload, r.name, Buffer.from(r.text))
  if (!result.ok) {
    failed++
    console.error(result.error)
  }
  const secs = (performance.now() - t0) / 1000
  progress.update(i + 1, { rate: `${((i + 1) / secs).toFixed(1)} reports/s` })
}
progress.stop()
const importSeconds = (performance.now() - t0) / 1000
const importCpu = cpu() - c0
const itemsInDb = (await payload.count({ collection: 'items' })).totalDocs

// 3. Baseline: the same documents through plain Local API calls.
const sections = await payload.find({ collection: 'sections', pagination: false, depth: 0 })
const sectionIds = sections.docs.map((s) => s.id)
const base = bar('baseline', BASELINE_REPORTS)
c0 = cpu()
t0 = performance.now()
for (let i = 0; i < BASELINE_REPORTS; i++) {
  const r = reports[i]
  const issue = await payload.create({
    collection: 'issues',
    draft: true,
    depth: 0,
    data: {
      volume: 900 + Math.floor(i / 50),
      number: (i % 50) + 1,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      sections: sectionIds.map((section) => ({ section })),
      _status: 'draft',
    },
  })
  for (let k = 0; k < r.items; k++) {
    await payload.create({
      collection: 'items',
      draft: true,
      depth: 0,
      data: {
        issue: issue.id,
        section: sectionIds[k % sectionIds.length],
        headline: `Item ${k}`,
        date: r.periodEnd,
        position: k,
        body: richText('A paragraph of the item.'),
        _status: 'draft',
      },
    })
  }
  base.update(i + 1, { rate: `${((i + 1) / ((performance.now() - t0) / 1000)).toFixed(1)} reports/s` })
}
base.stop()
const baselineSeconds = (performance.now() - t0) / 1000
const baselineCpu = cpu() - c0

const table = new Table({
  head: ['run', 'reports', 'wall s', 'reports/s', 'items/s', 'CPU s', 'reports per CPU-s'],
  style: { head: [], border: [] },
})
table.push(
  [
    'recognise only (no database)',
    REPORTS,
    recogniseSeconds.toFixed(2),
    (REPORTS / recogniseSeconds).toFixed(0),
    (itemsTotal / recogniseSeconds).toFixed(0),
    recogniseCpu.toFixed(2),
    (REPORTS / recogniseCpu).toFixed(0),
  ],
  [
    `briefing import (SQLite${WAL ? ' WAL' : ''}, 1 transaction/file)`,
    REPORTS,
    importSeconds.toFixed(2),
    (REPORTS / importSeconds).toFixed(1),
    (itemsInDb / importSeconds).toFixed(0),
    importCpu.toFixed(2),
    (REPORTS / importCpu).toFixed(1),
  ],
  [
    `baseline: plain Local API creates${WAL ? ' (WAL)' : ''}`,
    BASELINE_REPORTS,
    baselineSeconds.toFixed(2),
    (BASELINE_REPORTS / baselineSeconds).toFixed(1),
    (reports.slice(0, BASELINE_REPORTS).reduce((n, r) => n + r.items, 0) / baselineSeconds).toFixed(0),
    baselineCpu.toFixed(2),
    (BASELINE_REPORTS / baselineCpu).toFixed(1),
  ],
)
console.log(table.toString())
console.log(
  `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
console.log(
  `failed: ${failed}; items in database after import: ${itemsInDb} (expected ${itemsTotal}); target ≥ 20 reports/s: ${REPORTS / importSeconds >= 20 ? 'met' : 'NOT met'}`,
)
await payload.destroy?.()
fs.rmSync(dir, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
