import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { ADMIN, adminToken, baseUrl, pickRelation, signInThroughForm, userToken } from '../helpers/e2e'

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

async function rest<T = Record<string, unknown>>(path: string, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}/api/${path}`, { headers: token ? { authorization: `JWT ${token}` } : {} })
  return (await res.json()) as T
}

describe('admin: first user, an item with a Chinese term, publish an issue', () => {
  it('creates the first user, who lands on the dashboard with the draft-issue panel', async () => {
    await page.goto(`${baseUrl()}/admin`)
    await page.waitForURL(/create-first-user/)
    await page.waitForSelector('#field-email')
    // The first account is always made admin: the form offers no Role (it showed "Contributor").
    expect(await page.locator('#field-role').count()).toBe(0)
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
    const token = await adminToken()
    // Autosave collections create the draft as soon as the create view opens.
    await page.goto(`${baseUrl()}/admin/collections/issues/create`)
    await page.waitForURL(/\/admin\/collections\/issues\/\w+$/)
    const issueId = page.url().split('/').pop()
    const issue = await rest<{ label: string; slug: string }>(`issues/${issueId}?draft=true`, token)
    expect(issue.label).toMatch(/^Weekly Report 3\|\d+$/)

    await page.goto(`${baseUrl()}/admin/collections/items/create`)
    await page.waitForURL(/\/admin\/collections\/items\/\w+$/)
    const itemId = page.url().split('/').pop()
    await page.fill('#field-headline', 'Xi Jinping Calls for Common Prosperity')
    await pickRelation(page, 'issue', issue.label)
    await pickRelation(page, 'section', 'Senior Leaders')
    const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await editor.click()
    await page.keyboard.type('Xi called for “common prosperity” (共同富裕) in the coming years.')
    // Wait for autosave to store what was typed.
    let saved: Record<string, unknown> = {}
    const stored = () =>
      JSON.stringify(saved.body ?? '').includes('共同富裕') && String(saved.issue) === String(issueId)
    for (let i = 0; i < 90 && !stored(); i++) {
      await page.waitForTimeout(1000)
      saved = await rest(`items/${itemId}?draft=true&depth=0`, token)
      // On a cold dev server an autosave answer that left before the pick can reset the field in the
      // form (seen once in a full run); an editor would see it empty and pick again.
      if (i % 15 === 14 && !(await page.locator('#field-issue').textContent())?.includes(issue.label))
        await pickRelation(page, 'issue', issue.label)
    }
    expect(saved.headline).toBe('Xi Jinping Calls for Common Prosperity')
    expect(String(saved.issue)).toBe(String(issueId))
    expect(JSON.stringify(saved.body)).toContain('“common prosperity” (共同富裕)')
    await page.screenshot({ path: artifactPath('admin-item.png'), fullPage: true })
    // The event date picker is locale-dependent; the date is set over REST, with the review's approval
    // (the preflight blocks publishing an issue whose items are not approved).
    await fetch(`${baseUrl()}/api/items/${itemId}?draft=true`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ date: '2022-04-15T12:00:00.000Z', status: 'approved' }),
    })

    await page.goto(`${baseUrl()}/admin/collections/issues/${issueId}`)
    await page.click('#action-save')
    await page.waitForSelector('text=/published successfully|Updated successfully/i', { timeout: 60_000 })

    const anonIssues = await rest<{ docs: Array<{ _status: string }> }>(`issues?where[slug][equals]=${issue.slug}`)
    expect(anonIssues.docs.map((d) => d._status)).toEqual(['published'])
    const anonItems = await rest<{ docs: Array<{ headline: string }> }>(`items?where[id][equals]=${itemId}`)
    expect(anonItems.docs.map((d) => d.headline)).toEqual(['Xi Jinping Calls for Common Prosperity'])
  })
})

describe('admin: a contributor', () => {
  it('sees no way to publish an item or an issue', async () => {
    const contributor = await userToken('contributor')
    const second = await launchBrowser()
    const p = await signInThroughForm(second, contributor)
    await p.goto(`${baseUrl()}/admin/collections/items/create`)
    await p.waitForURL(/\/admin\/collections\/items\/\w+$/)
    await p.waitForSelector('#field-headline')
    await p.waitForTimeout(1500)
    expect(await p.locator('#action-save').count()).toBe(0)
    expect(await p.locator('#schedule-publish').count()).toBe(0)
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
