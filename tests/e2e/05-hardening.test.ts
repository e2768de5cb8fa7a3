import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { adminToken, baseUrl, openLivePreview } from '../helpers/e2e'
import { expectResponsive, healthzWhile } from '../helpers/healthz'

/** Issue 11 through the real server: GraphQL limits with /healthz answering, headers, CSP in Chromium. */
let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.cleanup()
})

const NESTED =
  '{ Items(limit: 100) { docs { id issue { items { docs { id issue { items { docs { id issue { items { docs { id } } } } } } } } } } } }'
const ALIASES = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: Items(limit: 100) { docs { id headline } }`).join(' ')} }`

const gql = (query: string) =>
  fetch(`${baseUrl()}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })

describe('GraphQL under attack', () => {
  it('refuses the nested and the aliased query with 400 while /healthz keeps answering (median within 100 ms, all within 1 s)', async () => {
    // Warm up: the first request to a route compiles it in development.
    await (await fetch(`${baseUrl()}/healthz`)).text()
    await (await gql('{ Issues(limit: 1) { docs { slug } } }')).text()
    await (await gql(NESTED)).text()
    await (await gql(ALIASES)).text()
    const attack = Promise.all([NESTED, ALIASES, NESTED, ALIASES, NESTED, ALIASES].map(gql))
    const health = await healthzWhile(attack)
    const answers = await attack
    for (const res of answers) {
      expect(res.status).toBe(400)
      const body = (await res.json()) as { errors: Array<{ message: string }> }
      expect(body.errors[0].message).toMatch(/GraphQL query/)
    }
    expectResponsive(health)
  })

  it('still answers an ordinary query', async () => {
    const res = await gql('{ Issues(limit: 5) { docs { slug } } }')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: { Issues: { docs: unknown[] } } }).data.Issues.docs.length).toBeGreaterThan(0)
  })
})

describe('API answers', () => {
  it('marks signed-in API answers private, no-store: me, drafts, subscriber CSV', async () => {
    const headers = { authorization: `JWT ${await adminToken()}` }
    for (const path of ['/api/users/me', '/api/items?draft=true&limit=1', '/api/newsletter/subscribers/export']) {
      const res = await fetch(`${baseUrl()}${path}`, { headers })
      await res.arrayBuffer()
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('private, no-store')
    }
  })

  it('refuses an anonymous 5 MB body with 413 without reading it, and settings versions with 404', async () => {
    const res = await fetch(`${baseUrl()}/api/subscribers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.com', name: 'x'.repeat(5 * 1024 * 1024) }),
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/too large/)
    const versions = await fetch(`${baseUrl()}/api/globals/settings/versions`, {
      headers: { authorization: `JWT ${await adminToken()}` },
    })
    expect(versions.status).toBe(404)
  })
})

/** Record CSP violations in every frame of a page, and console errors that mention the policy. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window.top as unknown as { __cspViolation?: (v: string) => void }).__cspViolation
      const own = (window as unknown as { __cspViolation?: (v: string) => void }).__cspViolation
      ;(own ?? report)?.(`${e.violatedDirective} ${e.blockedURI} at ${location.pathname}`)
    })
  })
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text())
  })
  return violations
}

describe('Content-Security-Policy in Chromium', () => {
  it('the public issue page works with no violation', async () => {
    const page = await browser.newPage()
    const violations = await watchCsp(page)
    const res = await page.goto(`${baseUrl()}/issues/3-9`)
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'")
    expect(await page.textContent('h1')).toBe('Weekly Report 3|9')
    await page.locator('.term a').first().hover()
    await page.waitForLoadState('networkidle')
    expect(violations).toEqual([])
    await page.close()
  })

  it('the admin and its live preview pane work with no violation', async () => {
    const token = await adminToken()
    await browser.addCookies([{ name: 'payload-token', value: token, url: baseUrl() }])
    const page = await browser.newPage()
    page.setDefaultTimeout(120_000)
    const violations = await watchCsp(page)
    const res = await page.goto(`${baseUrl()}/admin`)
    expect(res?.headers()['content-security-policy']).toContain("object-src 'none'")
    await page.locator('nav').first().waitFor()
    const list = await fetch(`${baseUrl()}/api/issues?draft=true&where[slug][equals]=3-10`, {
      headers: { authorization: `JWT ${token}` },
    })
    const issue = ((await list.json()) as { docs: Array<{ id: number | string }> }).docs[0]
    await page.goto(`${baseUrl()}/admin/collections/issues/${issue.id}`)
    await openLivePreview(page)
    const frame = page.frameLocator('#live-preview-iframe')
    await frame.locator('h1', { hasText: 'Weekly Report 3|10' }).waitFor({ timeout: 60_000 })
    await page.waitForLoadState('load')
    await page.frame({ url: /\/preview\/issues\// })?.waitForLoadState('load')
    expect(violations).toEqual([])
    await page.goto('about:blank')
    await page.close()
  })
})
