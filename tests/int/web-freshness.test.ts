import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { isCached } from '../../src/web/cache'
import { checkFreshness } from '../../src/web/freshness'
import { invalidationsSettled } from '../../src/web/invalidation'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

/** Pages cached by the web process follow changes made by another process (CLI, worker, 2nd server). */
let t: TestPayload
let web: { url: string; close: () => Promise<void> }
const page = async (path: string) => (await fetch(`${web.url}${path}`)).text()
const OLD = 'Xi Jinping: Build Broad Consensus for Chinese Modernization'

beforeAll(async () => {
  process.env.WEB_FRESHNESS_SECONDS = '0' // checks are driven by the test
  t = await bootPayload('web-freshness')
  await seed(t.payload)
  // The seed's hooks re-invalidate once more a moment later (WEB_CACHE_RECHECK_MS): let that pass.
  await invalidationsSettled()
  web = await startWebApp(t.payload)
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('cross-process freshness', () => {
  it('clears cached pages when another process changes content, and only then', async () => {
    expect(await checkFreshness(t.payload)).toBe(false) // baseline
    expect(await page('/issues/3-9')).toContain(OLD)
    expect(isCached('/issues/3-9')).toBe(true)
    expect(await checkFreshness(t.payload)).toBe(false)

    const child = spawnSync(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', 'tests/helpers/otherProcessEdit.ts', OLD, 'Renamed Elsewhere'],
      {
        env: process.env,
        encoding: 'utf8',
        timeout: 120_000,
      },
    )
    expect(child.stderr).not.toMatch(/Error/)
    expect(child.status).toBe(0)
    // Nothing in this process knew: the cached page still shows the old headline…
    expect(await page('/issues/3-9')).toContain(OLD)
    // …until the freshness check notices the newer update.
    expect(await checkFreshness(t.payload)).toBe(true)
    const fresh = await page('/issues/3-9')
    expect(fresh).toContain('Renamed Elsewhere')
    expect(fresh).not.toContain(OLD)
  })

  it('does not clear for changes this process made (its hooks already invalidated them)', async () => {
    await page('/archive')
    expect(isCached('/archive')).toBe(true)
    const item = await t.payload.find({
      collection: 'items',
      where: { headline: { equals: 'Renamed Elsewhere' } },
      limit: 1,
    })
    await t.payload.update({ collection: 'items', id: item.docs[0].id, data: { headline: 'Renamed Here' } })
    await invalidationsSettled()
    expect(await checkFreshness(t.payload)).toBe(false)
    expect(isCached('/archive')).toBe(true)
    expect(await page('/issues/3-9')).toContain('Renamed Here')
  })
})
