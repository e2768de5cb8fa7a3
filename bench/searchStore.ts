/**
 * The database index half of `npm run bench:search` (see bench/search.ts): the generated documents
 * written into the search tables of a temporary SQLite file, queried through `search()` as the API does.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import cliProgress from 'cli-progress'
import Table from 'cli-table3'

import type { Payload } from 'payload'

import type { SearchDoc } from '../src/search/engine'
import type { SearchRequest } from '../src/search/service'
import { bulkWrite } from './searchBulk'
import type { FlexRun } from './searchFlex'

type Options = {
  items: number
  iterations: number
  makeDoc: (n: number) => SearchDoc
  categories: Array<{ name: string; make: () => SearchRequest }>
  memory: { buildMs: number; heapBytes: number; p95: Record<string, number> }
  /** FlexSearch's figures from the same run, when it ran. */
  flex?: FlexRun
  gc: () => void
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const ms = (v: number) => `${v.toFixed(2)} ms`
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const heap = (gc: () => void) => {
  gc()
  return process.memoryUsage().heapUsed
}

/** Bytes of the two index tables with their indexes on PostgreSQL. */
async function postgresBytes(payload: Payload): Promise<number> {
  const { sql } = await import('@payloadcms/db-postgres')
  const db = payload.db as unknown as {
    drizzle: unknown
    execute: (a: unknown) => Promise<{ rows: Array<{ n: string }> }>
  }
  const out = await db.execute({
    db: db.drizzle,
    sql: sql.raw(
      `SELECT pg_total_relation_size('briefing_search_postings') + pg_total_relation_size('briefing_search_docs') AS n`,
    ),
  })
  return Number(out.rows[0]?.n ?? 0)
}

export async function databaseIndex({
  items,
  iterations,
  makeDoc,
  categories,
  memory,
  flex,
  gc,
}: Options): Promise<void> {
  // STORE_DB=<file> keeps the database (and reuses its index when it already holds the items);
  // STORE_POSTGRES_URI=postgres://…/<db> runs this half on PostgreSQL instead (kept the same way).
  const postgres = process.env.STORE_POSTGRES_URI
  const kept = postgres ?? process.env.STORE_DB
  const dir =
    kept && !postgres
      ? path.dirname(path.resolve(kept))
      : fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-store-'))
  const file = kept && !postgres ? path.resolve(kept) : path.join(dir, 'bench.db')
  process.env.DATABASE_URI = postgres ?? `file:${file}`
  process.env.BRIEFING_JOBS_AUTORUN = '0'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const store = await import('../src/search/store')
  const service = await import('../src/search/service')
  const bootStarted = performance.now()
  const payload = await getPayload({ config })
  const bootMs = performance.now() - bootStarted
  try {
    const heapBooted = heap(gc)
    const bar = new cliProgress.SingleBar(
      { format: 'writing the database index {bar} {value}/{total} items' },
      cliProgress.Presets.shades_classic,
    )
    const written = kept ? await store.indexedCount(payload) : 0
    bar.start(items, written >= items ? items : process.env.STORE_BULK === '1' ? written : 0)
    const began = performance.now()
    // STORE_BULK=1: the same rows by multi-row inserts, resuming after the documents already written.
    if (process.env.STORE_BULK === '1') await bulkWrite(payload, written, items, makeDoc, (n) => bar.update(n))
    for (let n = written >= items || process.env.STORE_BULK === '1' ? items : 0; n < items; n += 500) {
      await store.withWriteDb(payload, undefined, async (db) => {
        for (let k = n; k < Math.min(items, n + 500); k++) await store.putDoc(payload, db, `items:${k + 1}`, makeDoc(k))
      })
      bar.update(Math.min(items, n + 500))
    }
    await store.analyzeStore(payload) // as a rebuild does
    const buildMs = performance.now() - began
    bar.stop()
    const heapBytes = heap(gc) - heapBooted
    const bytes = postgres
      ? await postgresBytes(payload)
      : fs.statSync(file).size + (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)

    // A fresh instance: nothing to build, its first query answers from the stored index.
    service.reset()
    const t0 = performance.now()
    await service.search(payload, { q: 'party' })
    const firstAnswerMs = performance.now() - t0

    const flexP95 = (name: string) => (flex ? ms(flex.p95[name]) : 'not run')
    const { configurePostingCache, postingCacheStats } = await import('../src/search/postingCache')
    const { searchCacheBytes } = await import('../src/env')
    const cap = searchCacheBytes()
    // Side by side in one run: every query answered by the SQL of before (cache off) and by the
    // posting cache, alternately first, so that the machine's load hits both alike.
    const paths = { sql: 0, cache: cap } as const
    type Path = keyof typeof paths
    const table = new Table({
      head: ['query', 'in-memory p95', 'SQL p50 / p95', 'cached p50 / p95', 'CPU ms/query SQL / cached', 'list loads'],
    })
    const rows: string[] = []
    const cold: number[] = []
    const buffersBooted = process.memoryUsage().arrayBuffers
    const run = async (path: Path, q: SearchRequest) => {
      configurePostingCache({ maxBytes: paths[path] })
      const cpu = process.cpuUsage()
      const t = performance.now()
      await service.search(payload, { ...q, limit: 10 })
      const used = process.cpuUsage(cpu)
      return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 }
    }
    for (const c of categories) {
      const queries = Array.from({ length: iterations }, c.make)
      // Warm both; the cached answers that had to read a list first are the cold ones.
      for (const q of queries) {
        await run('sql', q)
        const before = postingCacheStats().loads
        const r = await run('cache', q)
        if (postingCacheStats().loads > before) cold.push(r.wall)
      }
      const loads = postingCacheStats().loads
      const times = { sql: [] as number[], cache: [] as number[] }
      const cpu = { sql: 0, cache: 0 }
      for (const [i, q] of queries.entries()) {
        for (const path of i % 2 ? (['sql', 'cache'] as const) : (['cache', 'sql'] as const)) {
          const r = await run(path, q)
          times[path].push(r.wall)
          cpu[path] += r.cpu
        }
      }
      const pq = (path: Path) => {
        const sorted = [...times[path]].sort((x, y) => x - y)
        return `${ms(quantile(sorted, 0.5))} / ${ms(quantile(sorted, 0.95))}`
      }
      const cpuPer = `${(cpu.sql / iterations).toFixed(2)} / ${(cpu.cache / iterations).toFixed(2)}`
      const loaded = postingCacheStats().loads - loads
      table.push([c.name, ms(memory.p95[c.name]), pq('sql'), pq('cache'), cpuPer, loaded])
      rows.push(`| ${c.name} | ${ms(memory.p95[c.name])} | ${pq('sql')} | **${pq('cache')}** | ${cpuPer} | ${loaded} |`)
    }
    configurePostingCache({ maxBytes: cap })
    const cached = postingCacheStats()
    const heapCached = heap(gc) - heapBooted
    const buffers = process.memoryUsage().arrayBuffers - buffersBooted
    const coldSorted = [...cold].sort((x, y) => x - y)
    console.log(
      `\nDatabase index (${postgres ? 'PostgreSQL' : 'SQLite'}): SQL (before) and the posting cache (now) side by side, same queries; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}:`,
    )
    console.log(table.toString())
    console.log(
      [
        `build: in-memory ${(memory.buildMs / 1000).toFixed(1)} s (again in every process at start) vs database ${(buildMs / 1000).toFixed(1)} s (once; then kept by the save hooks)`,
        `index heap per instance: in-memory ${mb(memory.heapBytes)} vs database before any query ${mb(Math.max(0, heapBytes))}; posting cache ${mb(cached.bytes)} counted (${cached.tokens.length} lists, cap ${mb(cap)}), heap growth after the queries ${mb(Math.max(0, heapCached))} + array buffers ${mb(Math.max(0, buffers))}; on disk ${mb(bytes)}`,
        `cold cached answers (a list read first): ${cold.length}, p50 ${ms(quantile(coldSorted, 0.5) ?? 0)} / p95 ${ms(quantile(coldSorted, 0.95) ?? 0)}`,
        flex
          ? `FlexSearch: build ${(flex.buildMs / 1000).toFixed(1)} s in every process, or import of its export (${mb(flex.exportBytes)}) ${ms(flex.importMs)}; heap ${mb(flex.heapBytes)}`
          : 'FlexSearch: not run (FLEX_ITERATIONS=0)',
        `instance start (getPayload) ${ms(bootMs)}; first answer of a fresh instance: in-memory after its ${(memory.buildMs / 1000).toFixed(1)} s build vs database ${ms(firstAnswerMs)} (indexes nothing)`,
        `FlexSearch p95 per kind: ${categories.map((c) => `${c.name} ${flexP95(c.name)}`).join('; ')}`,
      ].join('\n'),
    )
    console.log(
      '\nMarkdown rows:\n| query | in-memory p95 | SQL p50 / p95 | cached p50 / p95 | CPU ms/query SQL / cached | list loads |\n|---|---|---|---|---|---|',
    )
    console.log(rows.join('\n'))
  } finally {
    await (await import('../src/lib/db')).closeDatabase(payload)
    if (!kept || postgres) fs.rmSync(dir, { recursive: true, force: true })
  }
}
