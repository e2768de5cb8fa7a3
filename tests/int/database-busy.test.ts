import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'

import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { healthz } from '../../src/health'
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

async function holdWriteLock(): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['-e', HOLDER], { env: process.env })
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
  expect(chunk.toString()).toContain('locked')
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
})
