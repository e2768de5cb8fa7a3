import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { artifactPath, launchBrowser } from '../helpers/browser'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

/** The bilingual view of a translation: aligned paragraph pairs, side by side, stacked on narrow screens. */
let t: TestPayload
let web: { url: string; close: () => Promise<void> }
let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page

const AXE = path.resolve('node_modules/axe-core/axe.min.js')
type AxeResult = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://briefing.example.com'
  t = await bootPayload('translations-bilingual')
  await t.payload.create({
    collection: 'translations',
    data: {
      headline: 'Opinions on Strengthening Rural Governance',
      originalTitle: '关于加强乡村治理的意见',
      body: richText('The whole translation.'),
      bilingual: [
        {
          en: 'Article 1 Rural governance is the foundation of national governance.',
          zh: '第一条 乡村治理是国家治理的基石。',
        },
        { en: 'Article 2 Party leadership over rural work shall be upheld.', zh: '第二条 坚持党对农村工作的领导。' },
        { en: "(The translator's note on this article has no original.)" },
        { zh: '第三条 本意见自印发之日起施行。' },
      ],
      _status: 'published',
    },
  })
  web = await startWebApp(t.payload)
  browser = await launchBrowser()
  page = await browser.newPage()
  page.setDefaultTimeout(30_000)
})
afterAll(async () => {
  await browser?.cleanup()
  await web?.close()
  await t?.close()
})

const boxes = (p: Page, row: number) =>
  p.evaluate((n) => {
    const r = document.querySelectorAll('.bilingual-row')[n]
    const box = (sel: string) => {
      const b = r.querySelector(sel)!.getBoundingClientRect()
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right }
    }
    return { en: box('[lang="en"]'), zh: box('[lang="zh-Hans"]') }
  }, row)

describe('bilingual view', () => {
  it('serves aligned pairs with their lang, unmatched rows kept', async () => {
    const html = await (await fetch(`${web.url}/translations/opinions-on-strengthening-rural-governance`)).text()
    expect(html).toContain(
      '<div class="bilingual-row"><div class="en" lang="en"><p>Article 1 Rural governance is the foundation of national governance.</p></div><div class="zh" lang="zh-Hans"><p>第一条 乡村治理是国家治理的基石。</p></div></div>',
    )
    expect(html.match(/class="bilingual-row"/g)).toHaveLength(4)
    expect(html).toContain('<div class="zh empty" lang="zh-Hans"></div>')
    expect(html).toContain('<div class="en empty" lang="en"></div>')
  })

  it('shows the pairs side by side at 1280 px and stacked at 360 px, with no serious axe violation', async () => {
    const url = `${web.url}/translations/opinions-on-strengthening-rural-governance`
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(url)
    const wide = await boxes(page, 0)
    expect(Math.abs(wide.en.top - wide.zh.top)).toBeLessThan(2)
    expect(wide.zh.left).toBeGreaterThanOrEqual(wide.en.right)
    await page.screenshot({ path: artifactPath('translation-bilingual-1280.png'), fullPage: true })

    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(url)
    const narrow = await boxes(page, 0)
    expect(narrow.zh.top).toBeGreaterThanOrEqual(narrow.en.bottom)
    expect(Math.abs(narrow.zh.left - narrow.en.left)).toBeLessThan(2)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: artifactPath('translation-bilingual-360.png'), fullPage: true })

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(url)
      await page.evaluate(fs.readFileSync(AXE, 'utf8'))
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe.run(document),
      )) as AxeResult
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      expect(serious, scheme).toEqual([])
    }
  })
})
