import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { adminToken, baseUrl, signInThroughForm, userToken } from '../helpers/e2e'

type Doc = { id: number | string; [key: string]: unknown }
type Account = Awaited<ReturnType<typeof userToken>> & { id: number | string }

const api = async (path: string, token: string, init: RequestInit = {}) => {
  const res = await fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const one = async (token: string, collection: string, where: string) =>
  ((await api(`/api/${collection}?draft=true&depth=0&limit=1&${where}`, token)).body.docs as Doc[])[0]

let browser: Awaited<ReturnType<typeof launchBrowser>>
let admin: string
let editor: Account
let contributor: Account
let brief: Doc
let otherIssue: Doc

const account = async (role: 'editor' | 'contributor'): Promise<Account> => {
  const user = await userToken(role)
  const me = await api('/api/users/me', user.token)
  return { ...user, id: (me.body.user as Doc).id }
}

beforeAll(async () => {
  admin = await adminToken()
  editor = await account('editor')
  contributor = await account('contributor')
  browser = await launchBrowser()
  const draft = await one(admin, 'issues', 'where[slug][equals]=3-10')
  const briefs = await one(admin, 'sections', 'where[slug][equals]=organization-work')
  brief = await one(admin, 'items', `where[issue][equals]=${draft.id}&where[section][equals]=${briefs.id}`)
  const assigned = await api(`/api/items/${brief.id}?draft=true`, editor.token, {
    method: 'PATCH',
    body: JSON.stringify({ assignee: contributor.id }),
  })
  expect(assigned.status).toBe(200)
  const created = await api('/api/issues?draft=true', admin, {
    method: 'POST',
    body: JSON.stringify({ volume: 3, plannedPublication: '2024-03-22' }),
  })
  otherIssue = created.body.doc as Doc
  const leaders = await one(admin, 'sections', 'where[slug][equals]=senior-leaders')
  const item = await api('/api/items?draft=true', editor.token, {
    method: 'POST',
    body: JSON.stringify({
      issue: otherIssue.id,
      section: leaders.id,
      headline: 'Next week lead',
      assignee: contributor.id,
    }),
  })
  expect(item.status).toBe(201)
})
afterAll(async () => {
  await browser?.cleanup()
})

describe('assignments, lists and the dashboard in the admin', () => {
  it('a contributor finds "My items" in the nav: their items across issues, grouped by issue, with status', async () => {
    const page = await signInThroughForm(browser, contributor)
    expect(await page.locator('nav a[href="/admin/my-items"]').textContent()).toBe('My items')
    await page.goto(`${baseUrl()}/admin/my-items`)
    await page.waitForSelector('[data-testid="my-items"]', { timeout: 120_000 })
    const groups = page.locator('[data-testid="my-items-issue"]')
    expect(await groups.count()).toBe(2)
    const text = (await page.textContent('[data-testid="my-items"]')) ?? ''
    expect(text).toContain('Weekly Report 3|10')
    expect(text).toContain(String(otherIssue.label))
    expect(text).toContain('Next week lead')
    expect(text).toContain(String(brief.title))
    expect(text).toContain('Assigned')
    await page.screenshot({ path: artifactPath('61-my-items.png'), fullPage: true })
    await page.close()
  })

  it("lists briefs by their readable title, in the items list and in the issue's table of its items", async () => {
    await browser.addCookies([{ name: 'payload-token', value: editor.token, url: baseUrl() }])
    const page = await browser.newPage()
    page.setDefaultTimeout(120_000)
    // The issue's items (the shared e2e database holds other files' items too, e2e 60's 200 among them).
    await page.goto(`${baseUrl()}/admin/collections/items?limit=100&where[issue][equals]=${String(brief.issue)}`)
    await page.waitForSelector('.table tbody tr')
    await page.waitForFunction(() => !document.querySelector('.table')?.textContent?.includes('Loading'))
    const list = (await page.textContent('.table')) ?? ''
    expect(list).toContain(String(brief.title))
    expect(list).not.toContain('<No Headline>')
    expect(list).not.toContain('<No Title>')

    // An editor opening an issue lands on its Composer; the item table is on the Edit tab.
    const issueUrl = `${baseUrl()}/admin/collections/issues/${String(brief.issue)}`
    await page.goto(issueUrl, { waitUntil: 'commit' })
    await page.waitForURL(`${issueUrl}/composer`, { waitUntil: 'commit' })
    await page.locator('a.doc-tab', { hasText: /^Edit$/ }).click()
    const join = page.locator('.relationship-table')
    await join.locator('tbody tr').first().waitFor()
    await page.waitForFunction(() => !document.querySelector('.relationship-table')?.textContent?.includes('Loading'))
    const table = (await join.textContent()) ?? ''
    expect(table).toContain(String(brief.title))
    expect(table).not.toContain('<No Headline>')
    await page.screenshot({ path: artifactPath('61-issue-items.png'), fullPage: true })
    await page.close()
  })

  it('an editor comments on an item in its edit view and resolves the thread', async () => {
    const page = await browser.newPage()
    page.setDefaultTimeout(120_000)
    await page.goto(`${baseUrl()}/admin/collections/items/${brief.id}`)
    const thread = page.locator('[data-testid="review-thread"]')
    await thread.getByText('No comments yet.').waitFor()
    await thread.locator('textarea[aria-label="Add comment"]').fill('Which outlet reported this?')
    await thread.getByRole('button', { name: 'Add comment' }).click()
    const comment = thread.locator('[data-testid="review-comment"]')
    await comment.filter({ hasText: 'Which outlet reported this?' }).waitFor()
    await comment.getByRole('button', { name: 'Resolve' }).click()
    await thread.locator('[data-testid="review-comment"][data-resolved="true"]').waitFor()
    expect(await thread.textContent()).toContain('Resolved by editor@example.com')
    const stored = await api(`/api/comments?where[item][equals]=${brief.id}&depth=0`, editor.token)
    expect(stored.body.docs).toMatchObject([
      { body: 'Which outlet reported this?', author: editor.id, resolved: true, resolvedBy: editor.id },
    ])
    await page.screenshot({ path: artifactPath('61-review-thread.png'), fullPage: true })
    await page.close()
  })

  it('editors see no delivery batches; the draft-issue panel is a styled admin table', async () => {
    const page = await browser.newPage()
    page.setDefaultTimeout(120_000)
    await page.goto(`${baseUrl()}/admin`)
    const panel = page.locator('[data-testid="draft-issue-panel"]')
    await panel.waitFor()
    expect(await panel.locator('.table table tbody tr').count()).toBeGreaterThan(0)
    expect(await page.locator('body').innerText()).not.toContain('Delivery batches')
    await page.screenshot({ path: artifactPath('61-dashboard-editor.png'), fullPage: true })

    await browser.addCookies([{ name: 'payload-token', value: admin, url: baseUrl() }])
    await page.goto(`${baseUrl()}/admin`)
    await page.locator('[data-testid="draft-issue-panel"]').waitFor()
    expect(await page.locator('nav a[href="/admin/collections/delivery-batches"]').count()).toBe(1)
    await page.close()
  })
})
