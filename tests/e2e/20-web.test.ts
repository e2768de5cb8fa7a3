import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser, seriousViolations } from '../helpers/browser'
import { adminToken, baseUrl, openLivePreview } from '../helpers/e2e'

let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
  page.setDefaultTimeout(30_000)
})
afterAll(async () => {
  await browser?.cleanup()
})

describe('web edition in Chromium', () => {
  it('renders the issue page at 375 px and 1280 px without horizontal scrolling', async () => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      const res = await page.goto(`${baseUrl()}/issues/3-9`)
      expect(res?.status()).toBe(200)
      expect(await page.textContent('h1')).toBe('Weekly Report 3|9')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0)
      await page.screenshot({ path: artifactPath(`web-issue-${width}.png`), fullPage: true })
    }
  })

  it('fits 360 px, prints without navigation, and starts keyboard users at a skip link', async () => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(`${baseUrl()}/issues/3-9`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => location.hash === '#main')
    await page.emulateMedia({ media: 'print' })
    for (const selector of ['.toc', 'header.site nav', '.issue-nav, footer.site']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false)
    }
    expect(await page.locator('#senior-leaders').isVisible()).toBe(true)
    await page.pdf({ path: artifactPath('web-issue-print.pdf'), format: 'A4' })
    await page.emulateMedia({ media: 'screen' })
  })

  it('lands on the section when a highlight link is clicked', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${baseUrl()}/issues/3-9`)
    const link = page.locator('a.see').nth(2)
    const target = (await link.getAttribute('href'))!
    expect(target).toBe('#propaganda-work')
    await link.click()
    await page.waitForFunction((hash) => location.hash === hash, target)
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, target.slice(1))
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top).toBeLessThan(200)
    expect(await page.textContent(target)).toBe('Propaganda Work')
  })

  it('shows the glossary tooltip on hover and on keyboard focus', async () => {
    await page.goto(`${baseUrl()}/issues/3-9`)
    const term = page.locator('.section .term', { hasText: 'top priority' }).first()
    const tip = term.locator('.term-tip')
    expect(await tip.isVisible()).toBe(false)
    await term.locator('a').hover()
    await tip.waitFor({ state: 'visible' })
    expect(await tip.textContent()).toContain('首要任务')
    await page.mouse.move(0, 0)
    await tip.waitFor({ state: 'hidden' })
    await term.locator('a').focus()
    await tip.waitFor({ state: 'visible' })
    const describedBy = await term.locator('a').getAttribute('aria-describedby')
    expect(await page.getAttribute(`#${describedBy}`, 'role')).toBe('tooltip')
    await page.keyboard.press('Escape')
    await tip.waitFor({ state: 'hidden' })
  })

  it('has no serious or critical axe-core violation on home, issue and glossary (light and dark)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const p of ['/', '/issues/3-9', '/glossary']) {
        await page.goto(`${baseUrl()}${p}`)
        expect(await seriousViolations(page), `${p} (${scheme})`).toEqual([])
      }
    }
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('serves feeds that parse as XML and JSON, and a sitemap without drafts', async () => {
    await page.goto(`${baseUrl()}/`)
    for (const feed of ['/feed.xml', '/atom.xml', '/sitemap.xml']) {
      const parsed = await page.evaluate(async (url) => {
        const text = await (await fetch(url)).text()
        const doc = new DOMParser().parseFromString(text, 'application/xml')
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          text,
        }
      }, feed)
      expect(parsed.error, feed).toBeNull()
      expect(parsed.root).toBe({ '/feed.xml': 'rss', '/atom.xml': 'feed', '/sitemap.xml': 'urlset' }[feed])
      expect(parsed.text).toContain('/issues/3-9')
      expect(parsed.text, feed).not.toContain('/issues/3-10')
    }
    const json = await page.evaluate(async () => (await fetch('/feed.json')).json())
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.items.map((i: { url: string }) => i.url)).toContain(`${baseUrl()}/issues/3-9`)
  })

  it('answers 404 for a draft issue', async () => {
    const res = await page.goto(`${baseUrl()}/issues/3-10`)
    expect(res?.status()).toBe(404)
    expect(await page.textContent('h1')).toBe('Not found')
  })

  it('updates the live preview when a headline changes', async () => {
    const anonymous = await fetch(`${baseUrl()}/preview/issues/3-10`)
    expect(anonymous.status).toBe(401)

    const token = await adminToken()
    await browser.addCookies([{ name: 'payload-token', value: token, url: baseUrl() }])
    const res = await page.goto(`${baseUrl()}/preview/issues/3-10`)
    expect(res?.status()).toBe(200)
    expect(await page.textContent('h1')).toBe('Weekly Report 3|10')
    const headline = 'Li Qiang Closes the Sessions With a Press Conference'
    await page.waitForSelector(`text=${headline}`)

    const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    const found = await fetch(
      `${baseUrl()}/api/items?draft=true&where[headline][equals]=${encodeURIComponent(headline)}`,
      { headers: auth },
    )
    const item = ((await found.json()) as { docs: Array<{ id: number | string }> }).docs[0]
    const changed = 'Li Qiang Meets the Press After the Sessions'
    const patch = await fetch(`${baseUrl()}/api/items/${item.id}?draft=true`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ headline: changed }),
    })
    expect(patch.status).toBe(200)
    await page.waitForSelector(`text=${changed}`, { timeout: 15_000 })
    expect(page.url()).toBe(`${baseUrl()}/preview/issues/3-10`)

    // The admin's Live Preview pane posts unsaved form data; the page renders it at once.
    const sections = await (
      await fetch(`${baseUrl()}/api/sections?where[slug][equals]=senior-leaders`, { headers: auth })
    ).json()
    const sectionId = (sections as { docs: Array<{ id: number | string }> }).docs[0].id
    await page.evaluate(
      ({ sectionId }) => {
        const text = {
          root: {
            type: 'root',
            children: [{ type: 'paragraph', children: [{ type: 'text', text: 'A highlight typed a moment ago.' }] }],
          },
        }
        window.postMessage(
          {
            type: 'payload-live-preview',
            collectionSlug: 'issues',
            data: { title: 'Weekly Report', highlights: [{ text, section: sectionId }] },
          },
          location.origin,
        )
      },
      { sectionId },
    )
    await page.waitForSelector('text=A highlight typed a moment ago.', { timeout: 15_000 })
    expect(await page.getAttribute('.highlights a.see', 'href')).toBe('#senior-leaders')
    await page.screenshot({ path: artifactPath('web-preview.png'), fullPage: true })
    // Leave the shared seeded draft as later test files expect it.
    const restore = await fetch(`${baseUrl()}/api/items/${item.id}?draft=true`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ headline }),
    })
    expect(restore.status).toBe(200)
  })

  it("shows the issue page in the admin's Live Preview pane and follows typing", async () => {
    const token = await adminToken()
    await browser.addCookies([{ name: 'payload-token', value: token, url: baseUrl() }])
    const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    const list = await fetch(`${baseUrl()}/api/issues?draft=true&where[slug][equals]=3-10`, { headers: auth })
    const issue = ((await list.json()) as { docs: Array<{ id: number | string; title: string }> }).docs[0]
    await page.setViewportSize({ width: 1400, height: 900 })
    await page.goto(`${baseUrl()}/admin/collections/issues/${issue.id}`)
    await openLivePreview(page)
    const frame = page.frameLocator('#live-preview-iframe')
    await frame.locator('h1', { hasText: 'Weekly Report 3|10' }).waitFor({ timeout: 60_000 })
    try {
      await page.fill('#field-title', 'Weekly Bulletin')
      await frame.locator('h1', { hasText: 'Weekly Bulletin 3|10' }).waitFor({ timeout: 30_000 })
      await page.screenshot({ path: artifactPath('web-admin-live-preview.png') })
    } finally {
      // Put the shared seeded draft back (autosave may have stored the typed title).
      await page.goto('about:blank')
      await fetch(`${baseUrl()}/api/issues/${issue.id}?draft=true`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ title: issue.title }),
      })
    }
    const after = await fetch(`${baseUrl()}/api/issues/${issue.id}?draft=true`, { headers: auth })
    expect(((await after.json()) as { label: string }).label).toBe('Weekly Report 3|10')
  })
})
