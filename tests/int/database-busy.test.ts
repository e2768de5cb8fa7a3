import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'

import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { healthz } from '../../src/health'
import { briefing } from '../helpers/cli'
import { bootWithRest } from '../helpers/rest'
import { serve } from './web-support'

/**
 * Another process holds SQLite's write lock (as a long import does): a write answers 503 with a clear
 * message after the busy budget (about 5 s), never a 500 or a hang; reads and /healthz keep answering.
 */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let health: Awaited<ReturnType<typeof serve>>
let itemId: number

// A second process that takes the write lock (BEGIN IMMEDIATE) and keeps it until told to stop.
const HOLDER = `
const { createRequire } = require('node:module')
const path = require('node:path')
const load = createRequire(path.resolve('node_modules/@payloadcms/db-sqlite/dist/index.js'))
const client = load('@libsql/client').createClient({ url: process.env.DATABASE_URI })
client.execute('BEGIN IMMEDIATE').then(() => {
  process.stdout.write('locked\\n')
  process.stdin.once('data', () => client.execute('ROLLBACK').then(() => process.exit(0)))
})
`

// A second process that writes all the time (as a long import does): the write lock held for 4 s, free
// for 150 ms, again, until told to stop.
const BUSY_WRITER = `
const { createRequire } = require('node:module')
const path = require('node:path')
const load = createRequire(path.resolve('node_modules/@payloadcms/db-sqlite/dist/index.js'))
const client = load('@libsql/client').createClient({ url: process.env.DATABASE_URI })
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
let stop = false
process.stdin.once('data', () => (stop = true))
;(async () => {
  await client.execute('PRAGMA busy_timeout = 5000')
  for (let round = 0; !stop; round++) {
    await client.execute('BEGIN IMMEDIATE')
    if (round === 0) process.stdout.write('writing\\n')
    await sleep(4000)
    await client.execute('ROLLBACK')
    await sleep(150)
  }
  process.exit(0)
})()
`

async function holdWriteLock(script = HOLDER, says = 'locked'): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['-e', script], { env: process.env })
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
  expect(chunk.toString()).toContain(says)
  return child
}

beforeAll(async () => {
  t = await bootWithRest('database-busy')
  payload = t.payload
  const section = await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
  const issue = await payload.create({ collection: 'issues', data: { volume: 1, number: 1 }, draft: true })
  itemId = (
    await payload.create({
      collection: 'items',
      data: { issue: issue.id, section: section.id, headline: 'Before' },
      draft: true,
    })
  ).id
  const app = express()
  app.get(
    '/healthz',
    healthz(async () => payload),
  )
  health = await serve(app)
  await t.rest('GET', 'items?limit=1', { as: t.editor }) // signing in writes: do it before the lock is taken
})
afterAll(async () => {
  await health?.close()
  await t?.close()
})

describe('while another process holds the write lock', () => {
  it('a write answers 503 "busy" within the budget; reads and /healthz answer 200 meanwhile', async () => {
    const holder = await holdWriteLock()
    try {
      const started = Date.now()
      const write = t.rest('PATCH', `items/${itemId}?draft=true`, { as: t.editor, body: { headline: 'During' } })
      const read = await t.rest('GET', `items/${itemId}?draft=true`, { as: t.editor })
      expect(read.status).toBe(200)
      expect((await fetch(`${health.url}/healthz`)).status).toBe(200)
      const res = await write
      expect(res.status).toBe(503)
      expect(res.body.errors?.[0]?.message).toMatch(/database is busy/)
      expect(Date.now() - started).toBeLessThan(15_000)
    } finally {
      holder.stdin.write('done\n')
      await once(holder, 'exit')
    }
    const after = await t.rest('PATCH', `items/${itemId}?draft=true`, { as: t.editor, body: { headline: 'After' } })
    expect(after.status).toBe(200)
    expect(after.body.doc).toMatchObject({ headline: 'After' })
  })

  it('a command started meanwhile waits for its turn to write at start, instead of failing with SQLITE_BUSY', async () => {
    // The development schema push at start writes (payload_migrations) outside any transaction of ours.
    const writer = await holdWriteLock(BUSY_WRITER, 'writing')
    try {
      const run = await briefing(['search', 'Before'], { BRIEFING_DB_PUSH: undefined }, { timeoutMs: 240_000 })
      expect(run.stderr).not.toMatch(/SQLITE_BUSY|database is locked/)
      expect(run.status, run.stderr).toBe(0)
    } finally {
      writer.stdin.write('done\n')
      await once(writer, 'exit')
    }
  }, 300_000)

  it('another process writing 200 items while the server saves: the server then reads all 200 and saves again', async () => {
    // A long import from the CLI while editors work. Once, the web process was left on a read snapshot
    // from the middle of the import: it listed 35 of the 200 items and answered "busy" to every save
    // (SQLITE_BUSY_SNAPSHOT) until it was restarted.
    const load = spawn(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', 'tests/helpers/composerLoad.ts', '10', '20'],
      { env: process.env },
    )
    let stdout = ''
    let output = ''
    load.stdout.on('data', (d) => (stdout += d))
    load.stderr.on('data', (d) => (output += d))
    let running = true
    const exited = new Promise<number | null>((resolve) => load.on('exit', resolve)).finally(() => (running = false))
    const answers = new Map<number, number>()
    // Bounded: a load that never ends fails the test instead of keeping this loop (and the file) alive.
    const until = Date.now() + 300_000
    try {
      for (let n = 0; running && Date.now() < until; n++) {
        const res = await t.rest('PATCH', `items/${itemId}?draft=true`, {
          as: t.editor,
          body: { headline: `During ${n}` },
        })
        answers.set(res.status, (answers.get(res.status) ?? 0) + 1)
        await t.rest('GET', 'items?draft=true&limit=1&depth=0', { as: t.editor })
        // Requests come in over the network: let the event loop run between them (else the child's exit
        // is never noticed, these in-process calls resolving without ever giving the loop a turn).
        await new Promise((resolve) => setImmediate(resolve))
      }
    } finally {
      if (running) load.kill('SIGKILL')
    }
    expect(await exited, output).toBe(0)
    expect(
      [...answers.keys()].every((status) => status === 200 || status === 503),
      JSON.stringify([...answers]),
    ).toBe(true)
    const loadIssue = JSON.parse(stdout.trim().split('\n').pop()!) as { id: number | string }
    const listed = await t.rest('GET', `items?where[issue][equals]=${loadIssue.id}&draft=true&limit=1&depth=0`, {
      as: t.editor,
    })
    expect(listed.body.totalDocs).toBe(200)
    const after = await t.rest('PATCH', `items/${itemId}?draft=true`, { as: t.editor, body: { headline: 'Later' } })
    expect(after.status, JSON.stringify(after.body)).toBe(200)
    // Connections are reused, not reopened for every transaction (only after a failed statement).
    expect(fs.readdirSync('/proc/self/fd').length).toBeLessThan(5000)
  }, 600_000)
})
