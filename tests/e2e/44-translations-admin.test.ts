import fs from 'node:fs'
import path from 'node:path'

import { simpleParser, type ParsedMail } from 'mailparser'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { ADMIN, adminToken, baseUrl, e2eDir, signInThroughForm } from '../helpers/e2e'

/**
 * Translations in the admin, as a new editor would use them: create one with an aligned bilingual
 * original, publish it, read it on the site (side by side at 1280 px, stacked at 360 px) and in the
 * feed, send it to its publication's newsletter; compare two editions in the Compare tab; and see
 * both new emails (a translation, a special issue) at 600 px.
 */
type Browser = Awaited<ReturnType<typeof launchBrowser>>
type Json = Record<string, unknown>
let browser: Browser
let page: Page
let token: string
const HEADLINE = 'Opinions on Rural Governance'

async function api<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api/${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await res.json()) as T
}

/** Messages in the server's outbox (the e2e server has no SMTP_URL) to `address`. */
async function outboxTo(address: string): Promise<ParsedMail[]> {
  const dir = path.join(e2eDir(), 'outbox')
  if (!fs.existsSync(dir)) return []
  const mails = await Promise.all(fs.readdirSync(dir).map((f) => simpleParser(fs.readFileSync(path.join(dir, f)))))
  return mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address)
}

beforeAll(async () => {
  token = await adminToken()
  const publication = await api<{ doc: { id: string } }>('POST', 'publications', {
    name: 'Translations',
    kind: 'translations',
  })
  const newsletter = await api<{ doc: { id: string } }>('POST', 'newsletters', {
    name: 'Translations e2e',
    slug: 'translations-e2e',
    publication: publication.doc.id,
    doubleOptIn: false,
    tracking: 'off',
  })
  const reader = await api<{ doc: { id: string } }>('POST', 'subscribers', {
    email: 'e2e-tr-reader@example.com',
    status: 'active',
  })
  await api('POST', 'subscriptions', { subscriber: reader.doc.id, newsletter: newsletter.doc.id, status: 'active' })
  browser = await launchBrowser()
  page = await signInThroughForm(browser, ADMIN)
}, 300_000)
afterAll(async () => {
  await browser?.cleanup()
})

describe('a new editor’s translation', () => {
  let slug = ''
  let id = ''

  it('is created in the admin with aligned pairs (one row unmatched) and published', async () => {
    await page.goto(`${baseUrl()}/admin/collections/translations/create`)
    await page.fill('#field-headline', HEADLINE, { timeout: 120_000 })
    await page.fill('#field-originalTitle', '关于加强乡村治理的意见')
    const pairs: Array<[string, string]> = [
      ['Article 1 Rural governance is the foundation of national governance.', '第一条 乡村治理是国家治理的基石。'],
      ['Article 2 Party leadership is upheld.', '第二条 坚持党的领导。'],
      ['A translator’s note without an original paragraph.', ''],
    ]
    // The first autosave creates the draft and moves the form to its own address.
    await page.waitForURL(/\/admin\/collections\/translations\/\d+/, { timeout: 60_000 })
    const draftPairs = async () =>
      (
        await api<{ docs: Array<{ bilingual?: Array<{ en?: string | null; zh?: string | null }> }> }>(
          'GET',
          `translations?draft=true&depth=0&where[headline][equals]=${encodeURIComponent(HEADLINE)}`,
        )
      ).docs[0]?.bilingual?.map((p) => [p.en ?? '', p.zh ?? '']) ?? []
    for (const [n, [en, zh]] of pairs.entries()) {
      // A new row's fields come from the server's form state: text typed before it arrives is replaced
      // (Payload's array rows), so type once it has arrived, as a person would see the row settle.
      await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'POST' && /\/admin\/collections\/translations\/\d+/.test(r.url()),
        ),
        page.getByRole('button', { name: 'Add Pair' }).click(),
      ])
      await page.fill(`#field-bilingual__${n}__en`, en)
      if (zh) await page.fill(`#field-bilingual__${n}__zh`, zh)
      // Autosave keeps the draft as the editor types: go on once it holds this pair.
      for (let i = 0; i < 30 && JSON.stringify((await draftPairs())[n]) !== JSON.stringify([en, zh]); i++)
        await page.waitForTimeout(1000)
      // Add the next row once the form has no request in flight (autosave, then the form's state): in a
      // full run on a loaded machine the second pair came back empty after the third row was added
      // while the form was still busy. A person adds the next row once the form has settled.
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
    }
    expect(await draftPairs()).toEqual(pairs)
    await page.getByRole('button', { name: /^Publish/ }).click()
    await page.waitForURL(/\/admin\/collections\/translations\/\w+/, { timeout: 60_000 })
    id = /translations\/(\w+)/.exec(page.url())![1]
    let doc: Json = {}
    for (let i = 0; i < 30 && doc._status !== 'published'; i++) {
      doc = await api('GET', `translations/${id}?depth=0`)
      if (doc._status !== 'published') await page.waitForTimeout(1000)
    }
    expect(doc).toMatchObject({ headline: HEADLINE, _status: 'published' })
    slug = String(doc.slug)
  }, 400_000)

  it('reads side by side at 1280 px and stacked at 360 px, each side with its lang; it is in the feed', async () => {
    const reader = await browser.newPage()
    for (const width of [1280, 360]) {
      await reader.setViewportSize({ width, height: 900 })
      await reader.goto(`${baseUrl()}/translations/${slug}`)
      const row = reader.locator('.bilingual-row').first()
      const en = await row.locator('[lang="en"]').boundingBox()
      const zh = await row.locator('[lang="zh-Hans"]').boundingBox()
      expect(await row.locator('[lang="zh-Hans"]').innerText()).toBe('第一条 乡村治理是国家治理的基石。')
      if (width === 1280) expect(zh!.x).toBeGreaterThan(en!.x + en!.width - 1)
      else expect(zh!.y).toBeGreaterThanOrEqual(en!.y + en!.height - 1)
      expect(await reader.locator('.bilingual-row').count()).toBe(3)
      const unmatched = reader.locator('.bilingual-row').nth(2)
      expect(await unmatched.locator('[lang="en"]').innerText()).toBe(
        'A translator’s note without an original paragraph.',
      )
      expect(await unmatched.locator('[lang="zh-Hans"]').innerText()).toBe('')
      await reader.screenshot({ path: artifactPath(`translation-try-${width}.png`), fullPage: true })
    }
    const feed = await (await fetch(`${baseUrl()}/translations/feed.xml`)).text()
    expect(feed).toContain(`${baseUrl()}/translations/${slug}`)
    await reader.close()
  })

  it('is sent from its Newsletter panel to its publication’s newsletter', async () => {
    await page.goto(`${baseUrl()}/admin/collections/translations/${id}`)
    const send = page.getByTestId('newsletter-send')
    await send.waitFor({ timeout: 120_000 })
    expect(await send.innerText()).toBe('Send to 1 recipients…')
    page.once('dialog', (d) => void d.accept())
    await send.click()
    await page
      .getByTestId('newsletter-campaign')
      .getByText(/Campaign completed/)
      .waitFor({ timeout: 120_000 })
    const [mail] = await outboxTo('e2e-tr-reader@example.com')
    expect(mail?.subject).toBe(HEADLINE)
    expect(String(mail?.html)).toMatch(/lang="zh-Hans"[^>]*>关于加强乡村治理的意见</)
    expect(String(mail?.html)).toMatch(/<p lang="zh-Hans"[^>]*>第二条 坚持党的领导。<\/p>/)
  }, 240_000)
})

describe('the Compare tab', () => {
  it('shows the exact word-level differences between two editions an editor picks', async () => {
    const law = await api<{ doc: { id: string } }>('POST', 'translations', {
      headline: 'Counter-Espionage Law',
      editions: [
        { label: 'First reading draft', body: 'Article 1 The state protects secrets.\n\nArticle 2 Old rule.' },
        { label: 'Second reading draft', body: 'Article 1 The state guards secrets.\n\nArticle 2 Old rule.' },
        { label: 'Final', body: 'Article 1 The state guards all secrets.\n\nArticle 2 New rule.' },
      ],
    })
    await page.goto(`${baseUrl()}/admin/collections/translations/${law.doc.id}/compare`)
    await page.getByRole('heading', { name: 'Compare', exact: true }).waitFor({ timeout: 120_000 })
    await page.selectOption('select[name="a"]', { label: 'Edition: First reading draft' })
    await page.selectOption('select[name="b"]', { label: 'Edition: Second reading draft' })
    await page.getByRole('button', { name: 'Compare', exact: true }).click()
    await page.waitForURL(/a=edition%3Afirst-reading-draft&b=edition%3Asecond-reading-draft/)
    const redline = page.locator('.compare-redline')
    await redline.getByRole('heading', { name: /Changes from Edition: First reading draft/ }).waitFor()
    expect(await redline.locator('.redline-row del').allTextContents()).toEqual(['removed: protects'])
    expect(await redline.locator('.redline-row ins').allTextContents()).toEqual(['added: guards'])
    expect(await redline.locator('.legend').innerText()).toContain('was removed')
    await page.screenshot({ path: artifactPath('translation-compare-admin.png'), fullPage: true })
  }, 240_000)
})

describe('the emails at 600 px', () => {
  it('a translation and a special issue render in Chromium', async () => {
    const special = await api<{ doc: { id: string } }>('POST', 'issues', {
      kind: 'special',
      title: 'China Insight',
      subtitle: 'Special Issue on Rural Governance',
      publisherLine: 'Published by the International Department',
      entryGroups: [
        { heading: 'March 5', entries: [{ headline: 'The plenary opens', body: null }] },
        { heading: 'March 6', entries: [{ headline: 'Delegations meet', body: null }] },
      ],
      _status: 'published',
    })
    const translations = await api<{ docs: Array<{ id: string }> }>(
      'GET',
      `translations?where[headline][equals]=${encodeURIComponent(HEADLINE)}&depth=0`,
    )
    const mail = await browser.newPage()
    await mail.setViewportSize({ width: 600, height: 900 })
    for (const [name, url] of [
      ['translation', `newsletter/translations/${translations.docs[0].id}/preview`],
      ['special', `newsletter/issues/${special.doc.id}/preview`],
    ]) {
      const res = await fetch(`${baseUrl()}/api/${url}`, { headers: { authorization: `JWT ${token}` } })
      expect(res.status).toBe(200)
      await mail.setContent(await res.text())
      const width = await mail.evaluate(() => document.documentElement.scrollWidth)
      expect(width).toBeLessThanOrEqual(600)
      await mail.screenshot({ path: artifactPath(`email-${name}-600.png`), fullPage: true })
    }
    expect(await mail.locator('h1').innerText()).toBe('China Insight')
    await mail.close()
  }, 120_000)
})
