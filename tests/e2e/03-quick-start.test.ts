import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { briefingSync } from '../helpers/cli'
import { baseUrl, e2eDir } from '../helpers/e2e'
import { testDatabaseUri } from '../helpers/payload'

/** The README's quick start, in its order: the dev server runs, then `npx briefing seed` beside it. */
describe('quick start', () => {
  it('`briefing seed` on the dev server’s port and database finishes and exits 0 (NODE_ENV unset)', () => {
    const port = new URL(baseUrl()).port
    const started = Date.now()
    const run = briefingSync(['seed'], {
      // As a person types it: no NODE_ENV (vitest sets `test`, under which Payload opens no reload socket).
      NODE_ENV: undefined,
      PORT: port,
      PUBLIC_URL: baseUrl(),
      DATABASE_URI: testDatabaseUri(e2eDir(), 'e2e'),
      OUTBOX_DIR: path.join(e2eDir(), 'outbox'),
      MEDIA_DIR: path.join(e2eDir(), 'media'),
    })
    expect(run.stdout).toContain('seed done')
    expect(run.status, run.stderr).toBe(0)
    expect(Date.now() - started).toBeLessThan(90_000)
  }, 150_000)

  it('the admin opened at 127.0.0.1 (not the configured host name) loads its dev resources and hydrates', async () => {
    const url = new URL(baseUrl())
    url.hostname = '127.0.0.1'
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const blocked: string[] = []
      page.on('response', (res) => {
        if (res.url().includes('/_next/') && res.status() === 403) blocked.push(res.url())
      })
      await page.goto(`${url.origin}/admin/login`)
      // React marks the DOM nodes it has hydrated with `__react…` properties.
      await page.waitForFunction(
        () => {
          const field = document.querySelector('#field-email')
          return Boolean(field && Object.keys(field).some((key) => key.startsWith('__react')))
        },
        undefined,
        { timeout: 60_000 },
      )
      expect(blocked).toEqual([])
    } finally {
      await browser.cleanup()
    }
  }, 150_000)
})
