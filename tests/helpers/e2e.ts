import type { BrowserContext, Page } from 'playwright-core'
import { inject } from 'vitest'

export const baseUrl = (): string => inject('baseUrl')
export const e2eDir = (): string => inject('e2eDir')
export const e2eDatabaseUri = (): string => inject('databaseUri')

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' }

type Json = Record<string, unknown>

/** Sign in over REST and return the JWT (creating the first admin if the database has no user). */
export async function adminToken(): Promise<string> {
  let res = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  if (res.status === 401) {
    const first = await fetch(`${baseUrl()}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ADMIN, role: 'admin' }),
    })
    if (!first.ok) throw new Error(`first-register failed: ${first.status} ${await first.text()}`)
    res = await fetch(`${baseUrl()}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
  }
  const body = (await res.json()) as Json
  if (!body.token) throw new Error(`login failed: ${JSON.stringify(body)}`)
  return body.token as string
}

/** Create (or reuse) a user of a role as the admin and return its credentials and token. */
export async function userToken(
  role: 'editor' | 'contributor',
): Promise<{ email: string; password: string; token: string }> {
  const email = `${role}@example.com`
  const password = `${role}-password-123`
  const admin = await adminToken()
  await fetch(`${baseUrl()}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${admin}` },
    body: JSON.stringify({ email, password, role }),
  })
  const res = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as Json
  return { email, password, token: body.token as string }
}

/** A new admin page signed in through the login form, as a person would. */
export async function signInThroughForm(
  context: BrowserContext,
  user: { email: string; password: string },
): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(`${baseUrl()}/admin/login`)
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin$/)
  return page
}

/**
 * Open the admin's Live Preview pane on an edit view. Whether it is open is the user's stored
 * preference (an earlier test file may have left it open), so a click may close it: then click again.
 */
export async function openLivePreview(page: Page): Promise<void> {
  const toggler = page.locator('#live-preview-toggler')
  await toggler.click({ timeout: 120_000 })
  const opened = await page
    .locator('#live-preview-iframe')
    .waitFor({ state: 'visible', timeout: 5_000 })
    .then(() => true)
    .catch(() => false)
  if (!opened) await toggler.click()
}

/** Pick an option in a Payload select or relationship (react-select) field `#field-<field>`. */
export async function pickRelation(p: Page, field: string, text: string): Promise<void> {
  const control = p.locator(`#field-${field}`)
  for (let attempt = 0; attempt < 3; attempt++) {
    await control.click()
    await p.locator('.rs__option', { hasText: text }).first().click()
    await p.waitForTimeout(300)
    if ((await control.textContent())?.includes(text)) return
  }
  throw new Error(`could not pick "${text}" in ${field}`)
}
