import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { ADMIN, baseUrl, userToken } from '../helpers/e2e'

let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
  page.setDefaultTimeout(60_000)
})
afterAll(async () => {
  await browser?.cleanup()
})

/** Pick an option in a Payload relationship (react-select) field. */
async function pickRelation(p: Page, field: string, text: string) {
  await p.locator(`#field-${field}`).click()
  await p.locator('.rs__option', { hasText: text }).first().click()
}

async function api(path: string, token?: string) {
  const res = await fetch(`${baseUrl()}/api/${path}`, { headers: token ? { authorization: `JWT ${token}` } : {} })
  return (await res.json()) as { docs: Array<Record<string, unknown>> }
}

describe('admin: first user, an item with a Chinese term, publish an issue', () => {
  it('creates the first user, who lands on the dashboard with the draft-issue panel', async () => {
    await page.goto(`${baseUrl()}/admin`)
    await page.waitForURL(/create-first-user/)
    await page.fill('#field-email', ADMIN.email)
    await page.fill('#field-password', ADMIN.password)
    await page.fill('#field-confirm-password', ADMIN.password)
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-testid=draft-issue-panel]', { timeout: 120_000 })
    const panel = await page.textContent('[data-testid=draft-issue-panel]')
    expect(panel).toContain('Weekly Report 3|10')
    expect(panel).toMatch(/Still missing: .*incomplete item/)
    await page.screenshot({ path: artifactPath('admin-dashboard.png'), fullPage: true })
  })

  it('creates an issue and an item with a Chinese term, then publishes the issue', async () => {
    await page.goto(`${baseUrl()}/admin/collections/issues/create`)
    await page.fill('#field-volume', '5')
    await page.fill('#field-number', '1')
    await page.click('#action-save-draft')
    await page.waitForURL(/\/admin\/collections\/issues\/\w+$/)

    await page.goto(`${baseUrl()}/admin/collections/items/create`)
    await page.fill('#field-headline', 'Xi Jinping Stresses “Dynamic Zero”')
    await pickRelation(page, 'issue', 'Weekly Report 5|1')
    await pickRelation(page, 'section', 'Senior Leaders')
    await page.fill('#field-date input', '04/15/2022').catch(() => undefined)
    const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await editor.click()
    await page.keyboard.type('Xi said the policy of “dynamic zero” (动态清零) would continue.')
    await page.click('#action-save-draft')
    await page.waitForURL(/\/admin\/collections\/items\/\w+$/)
    await page.screenshot({ path: artifactPath('admin-item.png'), fullPage: true })

    const staff = await fetch(`${baseUrl()}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    }).then((r) => r.json() as Promise<{ token: string }>)
    const items = await api('items?draft=true&where[headline][like]=Dynamic&depth=0', staff.token)
    expect(items.docs).toHaveLength(1)
    expect(JSON.stringify(items.docs[0].body)).toContain('动态清零')
    const itemId = items.docs[0].id
    if (!items.docs[0].date) {
      // The date picker is locale-dependent; set the event date over REST when typing did not take.
      await fetch(`${baseUrl()}/api/items/${itemId}?draft=true`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${staff.token}` },
        body: JSON.stringify({ date: '2022-04-15T12:00:00.000Z' }),
      })
    }

    const issues = await api('issues?draft=true&where[slug][equals]=5-1', staff.token)
    await page.goto(`${baseUrl()}/admin/collections/issues/${issues.docs[0].id}`)
    await page.click('#action-save')
    await page.waitForSelector('text=/published successfully|Updated successfully/i', { timeout: 60_000 })

    const anonIssues = await api('issues?where[slug][equals]=5-1')
    expect(anonIssues.docs.map((d) => d._status)).toEqual(['published'])
    const anonItems = await api(`items?where[id][equals]=${itemId}`)
    expect(anonItems.docs).toHaveLength(1)
  })
})

describe('admin: a contributor', () => {
  it('sees no way to publish an item or an issue', async () => {
    const contributor = await userToken('contributor')
    const second = await launchBrowser()
    const p = await second.newPage()
    p.setDefaultTimeout(60_000)
    await p.goto(`${baseUrl()}/admin/login`)
    await p.fill('#field-email', contributor.email)
    await p.fill('#field-password', contributor.password)
    await p.click('button[type=submit]')
    await p.waitForURL(/\/admin$/)
    await p.goto(`${baseUrl()}/admin/collections/items/create`)
    await p.waitForSelector('#action-save-draft')
    expect(await p.locator('#action-save').count()).toBe(0)
    await p.screenshot({ path: artifactPath('admin-contributor-item.png'), fullPage: true })

    const res = await fetch(`${baseUrl()}/api/issues?draft=true&where[slug][equals]=3-10`, {
      headers: { authorization: `JWT ${contributor.token}` },
    })
    const draft = ((await res.json()) as { docs: Array<{ id: string }> }).docs[0]
    const publish = await fetch(`${baseUrl()}/api/issues/${draft.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${contributor.token}` },
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(publish.status).toBe(403)
    await second.cleanup()
  })
})
