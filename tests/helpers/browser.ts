import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian Chromium, headless, with its own empty profile. */
export async function launchBrowser(): Promise<BrowserContext & { cleanup: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
    viewport: { width: 1280, height: 900 },
  })
  return Object.assign(context, {
    cleanup: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  })
}

/** Screenshots kept as test artifacts. */
export const artifactPath = (name: string): string => {
  const dir = path.resolve('test-results', 'screenshots')
  fs.mkdirSync(dir, { recursive: true })
  return path.join(dir, name)
}
