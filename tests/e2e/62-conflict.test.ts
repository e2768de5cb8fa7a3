import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { ADMIN, adminToken, baseUrl, signInThroughForm, userToken } from '../helpers/e2e'

/**
 * No lost edits in the admin: two people edit the same item in two browsers. The first one's saves
 * (autosave, again and again) go through; the second one's save, based on the version both opened,
 * is refused with a message naming who changed it and when, and the second one's text stays in the form.
 */
type Browser = Awaited<ReturnType<typeof launchBrowser>>
let first: Browser
let second: Browser
let token: string
let itemId: string

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api/${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await res.json()) as T
}

const stored = async () => (await api<{ headline: string }>('GET', `items/${itemId}?draft=true&depth=0`)).headline

async function waitForHeadline(expected: string): Promise<void> {
  for (let i = 0; i < 60 && (await stored()) !== expected; i++) await new Promise((r) => setTimeout(r, 1000))
  expect(await stored()).toBe(expected)
}

async function openItem(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/admin/collections/items/${itemId}`)
  await page.waitForSelector('#field-headline', { timeout: 120_000 })
  await page.waitForTimeout(1500)
}

beforeAll(async () => {
  token = await adminToken()
  const editor = await userToken('editor')
  const issues = await api<{ docs: Array<{ id: string }> }>('GET', 'issues?draft=true&where[slug][equals]=3-10')
  const sections = await api<{ docs: Array<{ id: string }> }>('GET', 'sections?where[style][equals]=full&limit=1')
  const created = await api<{ doc: { id: string } }>('POST', 'items?draft=true', {
    issue: issues.docs[0]!.id,
    section: sections.docs[0]!.id,
    headline: 'Opened by both',
    date: '2024-03-05T12:00:00.000Z',
  })
  itemId = created.doc.id
  first = await launchBrowser()
  second = await launchBrowser()
  const a = await signInThroughForm(first, ADMIN)
  const b = await signInThroughForm(second, { email: editor.email, password: editor.password })
  await Promise.all([openItem(a), openItem(b)])
})
afterAll(async () => {
  await first?.cleanup()
  await second?.cleanup()
})

describe('two people save the same item', () => {
  it('the first one saves twice; the second one, on the stale version, is refused with the message; nothing is lost', async () => {
    const [a] = first.pages().filter((p) => p.url().includes(`/items/${itemId}`))
    const [b] = second.pages().filter((p) => p.url().includes(`/items/${itemId}`))
    // The admin saves by autosave; each save moves the form's base on, so the same editor saves again.
    await a!.fill('#field-headline', 'Saved by the admin')
    await waitForHeadline('Saved by the admin')
    await a!.fill('#field-headline', 'Saved by the admin, then revised')
    await waitForHeadline('Saved by the admin, then revised')

    // The editor opened the version before both saves.
    await b!.fill('#field-headline', 'The editor’s stale change')
    const takeOver = b!.locator('[id$="-take-over"]')
    const refusal = b!.locator('text=/was changed by/')
    await Promise.race([refusal.first().waitFor({ timeout: 60_000 }), takeOver.first().waitFor({ timeout: 60_000 })])
    if (await takeOver.first().isVisible()) {
      // Payload's lock (held since the admin's edit) offers to take over; the editor does.
      await takeOver.first().click()
      await b!.fill('#field-headline', 'The editor’s stale change, again')
    }
    await refusal.first().waitFor({ timeout: 60_000 })
    const message = await refusal.first().textContent()
    expect(message).toContain(ADMIN.email)
    expect(message).toMatch(/at \d{4}-\d\d-\d\dT/)
    expect(message).toContain(`/admin/collections/items/${itemId}/versions`)
    await b!.screenshot({ path: artifactPath('conflict-refused.png'), fullPage: true })

    // Nothing lost: the stored item is the admin's; the editor's text is still in the editor's form.
    expect(await stored()).toBe('Saved by the admin, then revised')
    expect(await b!.inputValue('#field-headline')).toMatch(/^The editor’s stale change/)
  })
})
