import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian Chromium, headless, with its own empty profile (and, if given, a time zone such as `Asia/Shanghai`). */
export async function launchBrowser(
  options: { timezoneId?: string } = {},
): Promise<BrowserContext & { cleanup: () => Promise<void> }> {
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
    ...options,
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

const AXE = path.resolve('node_modules/axe-core/axe.min.js')
type AxeResult = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }

/** axe-core's serious and critical violations on the page, one line each ("id (impact): targets"). */
export async function seriousViolations(p: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an injected <script> would be (rightly) refused by the
  // public pages' Content-Security-Policy.
  await p.evaluate(fs.readFileSync(AXE, 'utf8'))
  const result = (await p.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe.run(document),
  )) as AxeResult
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
