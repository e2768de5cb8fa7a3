import type { Page, Response } from 'playwright-core'
import { expect } from 'vitest'

import { adminToken, baseUrl } from './e2e'

/** Helpers of the composer's browser tests (tests/e2e/60-composer.test.ts): REST calls and the board's controls. */
export type Doc = { id: number | string; [key: string]: unknown }
export type Account = { email: string; password: string; token: string; id: number | string }

export const api = async (who: Account | string, method: string, route: string, body?: unknown) => {
  const token = typeof who === 'string' ? who : who.token
  const res = await fetch(`${baseUrl()}/api/${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as Record<string, unknown>
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

/** A staff account of this role (made by the admin if missing), signed in over REST. */
export async function staff(email: string, role: 'editor' | 'contributor'): Promise<Account> {
  const password = `${role}-password-123`
  await fetch(`${baseUrl()}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${await adminToken()}` },
    body: JSON.stringify({ email, password, role }),
  })
  const login = (await (
    await fetch(`${baseUrl()}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).json()) as { token: string; user: Doc }
  return { email, password, token: login.token, id: login.user.id }
}

/** A save and the reload after it, on a loaded machine (expect.poll's own default is one second). */
export const SLOW = { timeout: 60_000 }

/** Picked up, or already over its own place (the next announcement comes at once). */
export const pickedUp = (label: string) => new RegExp(`Picked up “${label}”\\.|“${label}”: where it was\\.`)

export const headlinesInOrder = (html: string, names: string[]) =>
  names.map((n) => html.indexOf(`>${n}<`)).every((at, i, all) => at > -1 && (i === 0 || at > all[i - 1]))

type Moved = { dropped: number; answered: number }

/** The composer's controls on the page `current()` returns (the test's page is made in its beforeAll). */
export function composerDriver(current: () => Page) {
  return {
    status: () => status(current()),
    saved: (what: string) => saved(current(), what),
    announced: (text: string | RegExp) => announced(current(), text),
    arrangeSaved: () => arrangeSaved(current()),
    card: (label: string) => card(current(), label),
    cardById: (id: number | string) => current().locator(`li.composer-card[data-item="${id}"]`),
    handle: (label: string) => handle(current(), label),
    titles: () => current().locator('li.composer-card strong.composer-card__title').allTextContents(),
    dragCard: (label: string, target: string, expectAnnounced: string) =>
      dragCard(current(), label, target, expectAnnounced),
    keyboardMove: (label: string, keys: Array<'ArrowUp' | 'ArrowDown'>, expectAnnounced: string) =>
      keyboardMove(current(), label, keys, expectAnnounced),
    dropToSaved: (move: () => Promise<Moved>, label: string, place: string, what: string) =>
      dropToSaved(current(), move, label, place, what),
  }
}

const status = (page: Page) => page.locator('.composer-live')

/** Wait until the composer's live region says this change was saved. */
async function saved(page: Page, what: string) {
  try {
    await page.locator('.composer-live[data-saving="false"]', { hasText: what }).filter({ hasText: 'Saved.' }).waitFor()
  } catch (err) {
    throw new Error(`not saved (${what}); the composer says: ${await status(page).textContent()}`, { cause: err })
  }
}

/** dnd-kit's live region (the screen reader's announcements while moving; each replaces the one before). */
async function announced(page: Page, text: string | RegExp) {
  try {
    await page.locator('[id^="DndLiveRegion-"]', { hasText: text }).waitFor({ state: 'attached' })
  } catch (err) {
    const said = await page.locator('[id^="DndLiveRegion-"]').allTextContents()
    throw new Error(`not announced: ${String(text)}; the live regions say ${JSON.stringify(said)}`, { cause: err })
  }
}

const arrangeSaved = (page: Page) =>
  page.waitForResponse((r: Response) => r.url().includes('/arrange') && r.request().method() === 'POST')

const card = (page: Page, label: string) =>
  page.locator('li.composer-card', { has: page.locator(`[aria-label^="Move ${label} ("]`) })
const handle = (page: Page, label: string) => page.locator(`button[aria-label^="Move ${label} ("]`)

/**
 * Drag a card by its handle with the pointer until its centre is on `target`'s centre, then drop. Both
 * cards are brought to the middle of the window first: near its edges dnd-kit scrolls the page.
 */
async function dragCard(page: Page, label: string, target: string, expectAnnounced: string): Promise<Moved> {
  const mid = async () => {
    const [a, b] = [(await card(page, label).boundingBox())!, (await card(page, target).boundingBox())!]
    return (a.y + a.height / 2 + b.y + b.height / 2) / 2
  }
  const by = (await mid()) - (page.viewportSize()?.height ?? 900) / 2
  await page.evaluate((dy) => window.scrollBy(0, dy), by)
  await expect.poll(async () => Math.abs((await mid()) - (page.viewportSize()?.height ?? 900) / 2)).toBeLessThan(2)
  const grip = (await handle(page, label).boundingBox())!
  const from = (await card(page, label).boundingBox())!
  const to = (await card(page, target).boundingBox())!
  const [x, y] = [grip.x + grip.width / 2, grip.y + grip.height / 2]
  const dy = to.y + to.height / 2 - (from.y + from.height / 2)
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x, y - 8, { steps: 4 }) // past the 5 px activation distance
  await announced(page, pickedUp(label))
  await page.mouse.move(x, y + dy, { steps: 12 })
  await announced(page, expectAnnounced)
  const response = arrangeSaved(page)
  const dropped = performance.now()
  await page.mouse.up()
  expect((await response).status()).toBe(200)
  return { dropped, answered: performance.now() }
}

/**
 * Move a card by keyboard only: focus its handle, Space picks it up, the arrows move it (each step
 * announced), Space drops it and the move is saved with one /arrange.
 */
async function keyboardMove(
  page: Page,
  label: string,
  keys: Array<'ArrowUp' | 'ArrowDown'>,
  expectAnnounced: string,
): Promise<Moved> {
  await handle(page, label).focus()
  await page.keyboard.press('Space')
  await announced(page, pickedUp(label))
  for (const key of keys) await page.keyboard.press(key)
  await announced(page, expectAnnounced)
  const response = arrangeSaved(page)
  const dropped = performance.now()
  await page.keyboard.press('Space')
  expect((await response).status()).toBe(200)
  return { dropped, answered: performance.now() }
}

/** Milliseconds from a drop to its save's answer, to the card shown in place and to "Saved." shown. */
async function dropToSaved(page: Page, move: () => Promise<Moved>, label: string, place: string, what: string) {
  // Watched from before the drop: the card takes its place before the save answers (optimistic).
  const inPlace = page
    .waitForFunction(
      ([name, at]) =>
        document.querySelector(`button[aria-label^="Move ${name} ("]`)?.getAttribute('aria-label') ===
        `Move ${name} (${at})`,
      [label, place] as const,
      { polling: 'raf', timeout: 120_000 },
    )
    .then(() => performance.now())
  const { dropped, answered } = await move()
  const shown = await saved(page, what).then(() => performance.now())
  const ms = (t: number) => Math.round(t - dropped)
  return { response: ms(answered), inPlace: ms(await inPlace), savedShown: ms(shown) }
}
