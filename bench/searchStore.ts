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
    const table = new Table({
      head: ['query', 'in-memory p95 (old)', 'database p50', 'database p95 (new)', 'FlexSearch p95'],
    })
    const rows: string[] = []
    for (const c of categories) {
      const queries = Array.from({ length: iterations }, c.make)
      for (const q of queries.slice(0, 10)) await service.search(payload, { ...q, limit: 10 })
      const times: number[] = []
      for (const q of queries) {
        const t = performance.now()
        await service.search(payload, { ...q, limit: 10 })
        times.push(performance.now() - t)
      }
      times.sort((a, b) => a - b)
      const [p50, p95] = [quantile(times, 0.5), quantile(times, 0.95)]
      table.push([c.name, ms(memory.p95[c.name]), ms(p50), ms(p95), flexP95(c.name)])
      rows.push(`| ${c.name} | ${ms(memory.p95[c.name])} | ${ms(p50)} | **${ms(p95)}** | ${flexP95(c.name)} |`)
    }
    console.log(
      `\nDatabase index (${postgres ? 'PostgreSQL' : 'SQLite'}) beside the in-memory engine and FlexSearch, same documents and queries:`,
    )
    console.log(table.toString())
    console.log(
      [
        `build: in-memory ${(memory.buildMs / 1000).toFixed(1)} s (again in every process at start) vs database ${(buildMs / 1000).toFixed(1)} s (once; then kept by the save hooks)`,
        `index heap per instance: in-memory ${mb(memory.heapBytes)} vs database ${mb(Math.max(0, heapBytes))}; on disk ${mb(bytes)}`,
        flex
          ? `FlexSearch: build ${(flex.buildMs / 1000).toFixed(1)} s in every process, or import of its export (${mb(flex.exportBytes)}) ${ms(flex.importMs)}; heap ${mb(flex.heapBytes)}`
          : 'FlexSearch: not run (FLEX_ITERATIONS=0)',
        `instance start (getPayload) ${ms(bootMs)}; first answer of a fresh instance: in-memory after its ${(memory.buildMs / 1000).toFixed(1)} s build vs database ${ms(firstAnswerMs)} (indexes nothing)`,
      ].join('\n'),
    )
    console.log(
      '\nMarkdown rows:\n| query | in-memory p95 (old) | database p50 | database p95 (new) | FlexSearch p95 |\n|---|---|---|---|---|',
    )
    console.log(rows.join('\n'))
  } finally {
    await (await import('../src/lib/db')).closeDatabase(payload)
    if (!kept || postgres) fs.rmSync(dir, { recursive: true, force: true })
  }
}
