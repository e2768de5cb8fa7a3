import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pollChanges, pruneChanges } from '../../src/changes/feed'
import { seed } from '../../src/seed'
import { isCached } from '../../src/web/cache'
import { invalidationsSettled } from '../../src/web/invalidation'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

/**
 * Pages cached by one instance follow changes made by another process (CLI, worker, a second web
 * instance) through the database change feed, dropping exactly the pages that depend on the change.
 */
let t: TestPayload
let web: { url: string; close: () => Promise<void> }
const page = async (path: string) => (await fetch(`${web.url}${path}`)).text()
const OLD = 'Xi Jinping: Build Broad Consensus for Chinese Modernization'

const editElsewhere = (from: string, to: string) => {
  const child = spawnSync(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'tests/helpers/otherProcessEdit.ts', from, to],
    {
      env: process.env,
      encoding: 'utf8',
      timeout: 180_000,
    },
  )
  expect(child.stderr).not.toMatch(/Error/)
  expect(child.status).toBe(0)
}

beforeAll(async () => {
  process.env.CHANGE_FEED_POLL_MS = '0' // polls are driven by the test
  t = await bootPayload('change-feed')
  await seed(t.payload)
  // The seed's hooks re-invalidate once more a moment later (WEB_CACHE_RECHECK_MS): let that pass.
  await invalidationsSettled()
  web = await startWebApp(t.payload)
  await pollChanges(t.payload) // the seed's own rows: nothing to apply
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('change feed', () => {
  it("drops exactly the pages another process's change affects, and only once it is read", async () => {
    expect(await page('/issues/3-9')).toContain(OLD)
    await page('/archive')
    await page('/glossary')
    expect(isCached('/issues/3-9')).toBe(true)
    expect(await pollChanges(t.payload)).toEqual([])

    editElsewhere(OLD, 'Renamed Elsewhere')
    // Nothing in this process knew: the cached page still shows the old headline…
    expect(await page('/issues/3-9')).toContain(OLD)
    // …until the feed is read: the issue page goes, the archive and glossary (no headlines) stay.
    const applied = await pollChanges(t.payload)
    expect(applied.some((key) => key.startsWith('doc:items:'))).toBe(true)
    expect(isCached('/issues/3-9')).toBe(false)
    expect(isCached('/archive')).toBe(true)
    expect(isCached('/glossary')).toBe(true)
    const fresh = await page('/issues/3-9')
    expect(fresh).toContain('Renamed Elsewhere')
    expect(fresh).not.toContain(OLD)
    // A row is applied once: the next read finds nothing new.
    expect(await pollChanges(t.payload)).toEqual([])
  }, 240_000)

  it("does not re-apply this process's own changes (its hooks already invalidated them)", async () => {
    const item = await t.payload.find({
      collection: 'items',
      where: { headline: { equals: 'Renamed Elsewhere' } },
      limit: 1,
    })
    await t.payload.update({ collection: 'items', id: item.docs[0].id, data: { headline: 'Renamed Here' } })
    await invalidationsSettled()
    expect(await page('/issues/3-9')).toContain('Renamed Here')
    expect(isCached('/issues/3-9')).toBe(true)
    expect(await pollChanges(t.payload)).toEqual([])
    expect(isCached('/issues/3-9')).toBe(true)
  })

  it('prunes rows older than the retention, keeps newer ones', async () => {
    const all = () => t.payload.count({ collection: 'change-feed', overrideAccess: true }).then((r) => r.totalDocs)
    expect(await all()).toBeGreaterThan(0)
    expect(await pruneChanges(t.payload, 3_600_000)).toBe(0) // the file may run for minutes on a busy machine
    const before = await all()
    expect(before).toBeGreaterThan(0)
    await pruneChanges(t.payload, -1000) // everything is older than "one second in the future"
    expect(await all()).toBe(0)
  })
})
