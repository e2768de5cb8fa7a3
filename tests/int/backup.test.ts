import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportArchive } from '../../src/exporter/archive'
import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { bootPayload, dropTestDatabase, testDatabaseUri, type TestPayload } from '../helpers/payload'

/**
 * Restore drill: `briefing backup` of a database that is being written to, `briefing restore` into a
 * new database, and the restored content is the original's at one moment (compared through the archive
 * export): everything identical, the writes a prefix of those made.
 */
let t: TestPayload
let restoredUri: string

beforeAll(async () => {
  t = await bootPayload('backup')
  await seed(t.payload)
  restoredUri = testDatabaseUri(t.dir, 'restored')
})
afterAll(async () => {
  await dropTestDatabase(restoredUri)
  await t?.close()
})

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)

describe('backup and restore', () => {
  it('backs up under writes, restores into a new database with the same content, refuses a non-empty one', async () => {
    let writing = true
    let written = 0
    const writes = (async () => {
      while (writing) {
        await t.payload.create({ collection: 'sources', data: { name: `Write ${written++}` } })
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    })()
    const out = path.join(t.dir, 'backup')
    const made = await briefing(['backup', '--out', out])
    writing = false
    await writes
    expect(made.stderr).not.toMatch(/Error/)
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toContain('backed up the')
    expect(written).toBeGreaterThan(0)

    const target = { DATABASE_URI: restoredUri, MEDIA_DIR: path.join(t.dir, 'restored-media') }
    const restored = await briefing(['restore', out], target)
    expect(restored.stderr).toBe('')
    expect(restored.status).toBe(0)
    const again = await briefing(['restore', out], target)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('the target database is not empty')

    const mine = path.join(t.dir, 'export-original')
    await exportArchive(t.payload, mine)
    const theirs = path.join(t.dir, 'export-restored')
    const exported = await briefing(['export', '--all', '--out', theirs], target)
    expect(exported.status).toBe(0)
    const files = fs.readdirSync(mine).filter((f) => f.endsWith('.jsonl') || f === 'globals.json')
    expect(fs.readdirSync(theirs).sort()).toEqual(fs.readdirSync(mine).sort())
    for (const file of files.filter((f) => f !== 'sources.jsonl'))
      expect(fs.readFileSync(path.join(theirs, file), 'utf8'), file).toBe(
        fs.readFileSync(path.join(mine, file), 'utf8'),
      )
    const before = lines(path.join(mine, 'sources.jsonl'))
    const after = lines(path.join(theirs, 'sources.jsonl'))
    expect(after.length).toBeGreaterThanOrEqual(before.length - written)
    expect(before.slice(0, after.length)).toEqual(after)
  }, 480_000)
})
