import fs from 'node:fs'
import path from 'node:path'

import { simpleParser, type ParsedMail } from 'mailparser'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { ADMIN, adminToken, baseUrl, e2eDir, pickRelation, signInThroughForm } from '../helpers/e2e'

/**
 * Audiences as a new user tries them, in Chromium: a second newsletter made in the admin, subscribers
 * with tags imported from a CSV through the admin, a segment, the published issue sent to the segment
 * (the confirmation names the exact count), a pixel fetched and a link clicked from the received
 * messages, then the send report read from the issue's Newsletter panel.
 */
type Browser = Awaited<ReturnType<typeof launchBrowser>>
let browser: Browser
let page: Page
let admin: string
let issueId: number
/** The segment's value in the panel's audience choice (`<newsletter slug>/<segment slug>`). */
let segmentKey = ''
const NEWSLETTER = 'Audience Desk'
const SEGMENT = 'Audience journalists'
const READERS = ['e2e-aud-1@example.com', 'e2e-aud-2@example.com']
const OTHERS = ['e2e-aud-3@example.com', 'e2e-aud-4@example.com']
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

const api = async (url: string) => {
  const res = await fetch(`${baseUrl()}/api${url}`, { headers: { authorization: `JWT ${admin}` } })
  return (await res.json()) as { docs: Array<Record<string, unknown>> }
}

const addressOf = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : '')

/** The messages the server sent to `addresses` (the e2e server has no SMTP_URL: its outbox). */
async function received(addresses: string[]): Promise<ParsedMail[]> {
  const dir = path.join(e2eDir(), 'outbox')
  const mails: ParsedMail[] = []
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file)))
    if (addresses.includes(addressOf(mail) ?? '')) mails.push(mail)
  }
  return mails
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const SEND_LABEL = `Send to ${READERS.length} recipients…`
const send = () => page.getByTestId('newsletter-send')
/** The send button's label, or null while the panel shows none. */
const sendLabel = async () => ((await send().count()) ? await send().textContent() : null)
const panelText = async () => (await page.locator('.newsletter-panel').textContent()) ?? ''

async function saveNew(collection: string) {
  await page.click('#action-save')
  await page.waitForURL(new RegExp(`/admin/collections/${collection}/\\d+`), { timeout: 120_000 })
}

beforeAll(async () => {
  admin = await adminToken()
  issueId = (await api('/issues?where[slug][equals]=3-9&limit=1')).docs[0].id as number
  browser = await launchBrowser()
  page = await signInThroughForm(browser, ADMIN)
}, 180_000)
afterAll(async () => {
  await browser?.cleanup()
})

describe('audiences, as a new user tries them', () => {
  it('a second newsletter, a tagged CSV import and a segment, made in the admin', async () => {
    await page.goto(`${baseUrl()}/admin/collections/newsletters/create`)
    await page.fill('#field-name', NEWSLETTER, { timeout: 120_000 })
    await pickRelation(page, 'tracking', 'Individual')
    await saveNew('newsletters')
    const [newsletter] = (await api(`/newsletters?where[name][equals]=${encodeURIComponent(NEWSLETTER)}`)).docs
    expect(newsletter).toMatchObject({ tracking: 'individual' })

    await page.goto(`${baseUrl()}/admin/collections/subscribers`)
    const csv = [
      'email,name,newsletters,tags',
      ...READERS.map((e, i) => `${e},Reader ${i + 1},${newsletter.slug},journalist;policy`),
      ...OTHERS.map((e, i) => `${e},Other ${i + 1},${newsletter.slug},academic`),
    ].join('\n')
    // A click that lands before the form has hydrated is lost (the box renders unchecked again): tick until it stays.
    const consent = page.getByLabel(/consent already/)
    await until('the consent box ticked', async () => {
      await consent.check({ timeout: 120_000 }).catch(() => undefined)
      return consent.isChecked()
    })
    await page.setInputFiles('.subscribers-tools input[type=file]', {
      name: 'audience.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    })
    await expect(page.getByTestId('import-report').textContent()).resolves.toMatch(/Imported 4, skipped 0, invalid 0/)

    await page.goto(`${baseUrl()}/admin/collections/segments/create`)
    await page.fill('#field-name', SEGMENT, { timeout: 120_000 })
    await pickRelation(page, 'newsletter', NEWSLETTER)
    await page.locator('.field-tags input').first().fill('journalist')
    await page.keyboard.press('Enter')
    await saveNew('segments')
    const [segment] = (await api(`/segments?where[name][equals]=${encodeURIComponent(SEGMENT)}`)).docs
    expect(segment).toMatchObject({ tags: ['journalist'], tagRule: 'any' })
    segmentKey = `${newsletter.slug}/${segment.slug}`
  }, 600_000)

  it('keeps the chosen audience: an answer for one left behind never replaces its count', async () => {
    // The editor picks the first newsletter and, changing their mind, the segment; the first newsletter's
    // answer is held back so that it arrives last.
    let holdBack = false
    const statusUrl = /\/api\/newsletter\/issues\/[^/]+\/status/
    await page.route(statusUrl, async (route) => {
      if (holdBack && route.request().url().includes('newsletter=briefing')) await sleep(3000)
      await route.continue()
    })
    await page.goto(`${baseUrl()}/admin/collections/issues/${issueId}`)
    const target = page.getByTestId('newsletter-target')
    await target.waitFor({ timeout: 120_000 })
    holdBack = true
    const late = page.waitForResponse((r) => r.url().includes('newsletter=briefing'), { timeout: 60_000 })
    await target.selectOption({ label: 'Briefing' })
    await target.selectOption({ label: `${NEWSLETTER}: ${SEGMENT}` })
    await until(`"${SEND_LABEL}"`, async () => (await sendLabel()) === SEND_LABEL, 30_000).catch(async (err: Error) => {
      throw new Error(`${err.message}; the panel says "${await panelText()}"`)
    })
    await late
    for (let i = 0; i < 20; i++) {
      expect(await target.inputValue()).toBe(segmentKey)
      expect(await sendLabel(), await panelText()).toBe(SEND_LABEL)
      await sleep(100)
    }
    await page.unroute(statusUrl)
  }, 300_000)

  it('sends the issue to the segment, then reads the report with the opens and clicks from the messages', async () => {
    const send = page.getByTestId('newsletter-send')
    let confirmation = ''
    page.once('dialog', (d) => {
      confirmation = d.message()
      void d.accept()
    })
    await send.click()
    await page.getByTestId('newsletter-campaign').waitFor({ timeout: 120_000 })
    expect(confirmation).toBe(`Send this issue to ${READERS.length} recipient(s) of ${NEWSLETTER}: ${SEGMENT} now?`)

    const mails = await until('both messages', async () => {
      const found = await received([...READERS, ...OTHERS])
      return found.length >= READERS.length && found
    })
    expect(mails.map(addressOf).sort()).toEqual(READERS)

    // Reader 1 opens it twice and, later than a link scanner would, follows a link; reader 2 never opens.
    const html = String(mails.find((m) => addressOf(m) === READERS[0])!.html)
    const pixel = /\/o\/[^"'\s]+\.gif/.exec(html)?.[0]
    expect(pixel, 'the open pixel').toBeTruthy()
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${baseUrl()}${pixel}`, { headers: { 'user-agent': BROWSER_UA } })
      expect(res.status).toBe(200)
    }
    // Rewritten links, canary (index 0) first: a person clicks a visible one.
    const links = [...html.matchAll(/href="([^"]*\/r\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))
    const visible = links.find((l) => !/\.0$/.test(l))
    expect(visible, 'a rewritten link').toBeTruthy()
    await new Promise((r) => setTimeout(r, 11_000))
    const click = await fetch(new URL(new URL(visible!).pathname, baseUrl()), {
      redirect: 'manual',
      headers: { 'user-agent': BROWSER_UA },
    })
    expect(click.status).toBe(302)
    const destination = click.headers.get('location')!

    // The issue's Newsletter panel leads to the report of this send.
    await page.goto(`${baseUrl()}/admin/collections/issues/${issueId}`)
    await page.getByTestId('newsletter-target').selectOption({ label: `${NEWSLETTER}: ${SEGMENT}` })
    // This send's campaign: the panel shows the previous audience's campaign (another file's send of this
    // issue) until the chosen audience's status has loaded, so wait for the link to name this one.
    const [segmentDoc] = (await api(`/segments?where[name][equals]=${encodeURIComponent(SEGMENT)}`)).docs
    const [campaign] = (await api(`/campaigns?where[segment][equals]=${String(segmentDoc.id)}&depth=0`)).docs
    const reportLink = page.getByTestId('newsletter-report')
    await until('the report link of this send', async () =>
      (await reportLink.getAttribute('href', { timeout: 120_000 }))?.endsWith(`/campaigns/${String(campaign.id)}`),
    )
    await reportLink.click({ timeout: 120_000 })
    const report = page.getByRole('region', { name: 'Send report' })
    await report.waitFor({ timeout: 120_000 })
    const row = async (label: string) =>
      (
        await report
          .locator('tr', { has: page.locator('th', { hasText: label }) })
          .locator('td')
          .textContent()
      )?.trim()
    await until('the send completed', async () => {
      await page.reload()
      await report.waitFor({ timeout: 120_000 })
      return (await row('Delivered')) === '2'
    })
    expect(await row('Human opens (unique)')).toBe('2 (1)')
    expect(await row('Machine opens')).toBe('0')
    expect(await row('Human clicks (unique)')).toBe('1 (1)')
    expect(await row('Scanner clicks')).toBe('0')
    // Clicks per link: the followed link has the one human click, every other link none.
    const byLink = await report
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')))
    const linkRows = byLink.filter((cells) => cells.length === 3)
    expect(linkRows.filter(([url]) => url === destination).map((cells) => cells[2])).toEqual(['1'])
    expect(linkRows.filter(([url]) => url !== destination).every((cells) => cells[2] === '0')).toBe(true)
    await expect(report.locator('svg').count()).resolves.toBeGreaterThan(0)
    await report.scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifactPath('64-audiences-report.png'), fullPage: true })
  }, 600_000)
})
