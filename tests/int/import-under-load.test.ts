import fs from 'node:fs'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { healthz } from '../../src/health'
import { adapterKind } from '../../src/lib/db'
import { briefing } from '../helpers/cli'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { serve } from './web-support'

/**
 * A big CLI import (a child process writing the same SQLite file) while this process serves:
 * `/healthz` (over HTTP) and `GET /api/items` (Payload's REST handler) keep answering 200, each
 * within BOUND_MS, from the start of the import to its end.
 */
const BOUND_MS = 1500
const ITEMS = 200

const SENTENCE =
  'Xi Jinping said that high-quality development remains the “top priority” (首要任务) and that each locality ' +
  'should build new industries from its own resources, industrial base and research strength. '

/** A weekly report of `items` full items in one section, each summary about 22 KB. */
function bigReport(items: number): string {
  const lines = ['Weekly Report 12|1 3.2.24-3.8.24', '', '', 'Xi Jinping spoke. (See Senior Leaders section)', '', '']
  lines.push('Senior Leaders', '')
  for (let k = 0; k < items; k++) {
    lines.push(`Xi Jinping: Develop New Industries, Part ${k + 1}`, '', `3.${2 + (k % 7)} ${SENTENCE.repeat(110)}`, '')
  }
  return lines.join('\n')
}

let t: TestPayload
let rest: Awaited<ReturnType<typeof restClient>>
let base: string
let close: () => Promise<void>

beforeAll(async () => {
  t = await bootPayload('import-under-load')
  const editor = await makeUser(t.payload, 'editor')
  rest = await restClient(t.payload)
  await rest('GET', 'items?limit=1', { as: editor }) // sign in before the import starts
  const app = express()
  app.get(
    '/healthz',
    healthz(async () => t.payload),
  )
  ;({ url: base, close } = await serve(app))
})
afterAll(async () => {
  await close?.()
  await t?.close()
})

/**
 * What shows another process writing. SQLite: the sizes of the database's journal files (they change
 * while it writes). PostgreSQL: how many other sessions hold a transaction id (a transaction that has
 * written), with a counter so that every probe during one long import transaction counts.
 */
let reads = 0
async function journal(): Promise<string> {
  if (adapterKind(t.payload) === 'postgres') {
    const db = t.payload.db as unknown as { drizzle: unknown; execute: (a: unknown) => Promise<{ rows: Row[] }> }
    const { rows } = await db.execute({
      db: db.drizzle,
      sql: sql.raw(`SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`),
    })
    return Number(rows[0]?.n ?? 0) > 0 ? `writing ${reads++}` : 'idle'
  }
  const file = String(process.env.DATABASE_URI).replace(/^file:/, '')
  return ['-wal', '-journal']
    .map((suffix) => (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : -1))
    .join()
}
type Row = Record<string, unknown>

type Probe = { what: string; status: number; ms: number; at: number }

async function probe(what: string, call: () => Promise<number>): Promise<Probe> {
  const started = Date.now()
  const status = await call().catch(() => 0)
  return { what, status, ms: Date.now() - started, at: started }
}

describe('a CLI import while the server answers', () => {
  it('/healthz and /api/items keep answering 200 within the bound throughout', async () => {
    // One big report (one import transaction): many items with long summaries, as old archives have.
    const file = path.join(t.dir, 'weekly-report-big.txt')
    fs.writeFileSync(file, bigReport(ITEMS))
    expect(fs.statSync(file).size).toBeGreaterThan(4_000_000)
    const files = [file]
    let done = false
    const run = briefing(['import', ...files, '--publish']).finally(() => (done = true))
    const probes: Probe[] = []
    let whileWriting = 0
    let last = await journal()
    while (!done) {
      const now = await journal()
      if (now !== last) whileWriting++
      last = now
      probes.push(await probe('/healthz', async () => (await fetch(`${base}/healthz`)).status))
      probes.push(
        await probe('/api/items', async () => {
          const res = await rest('GET', 'items?limit=5&depth=1')
          return res.status
        }),
      )
      await new Promise((r) => setTimeout(r, 50))
    }
    const result = await run
    expect(result.status, result.stderr).toBe(0)
    expect((await t.payload.count({ collection: 'items' })).totalDocs).toBe(ITEMS)
    // The probes overlapped the writes: the journal changed between many of them.
    expect(whileWriting).toBeGreaterThan(10)
    const bad = probes.filter((p) => p.status !== 200 || p.ms > BOUND_MS)
    expect(bad).toEqual([])
  }, 600_000)
})
