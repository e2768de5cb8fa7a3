import fs from 'node:fs'
import path from 'node:path'

import { simpleParser, type ParsedMail } from 'mailparser'
import { beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { adminToken, baseUrl, e2eDir, userToken } from '../helpers/e2e'

type Json = Record<string, unknown>
let admin: string
let editor: string
let contributor: string
let issueId: number | string

const api = async (method: string, url: string, token: string | null, body?: unknown) => {
  const res = await fetch(`${baseUrl()}/api${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json }
}

/** Messages in the outbox (no SMTP_URL on the e2e server) addressed to e2e-nl… recipients. */
async function outbox(): Promise<ParsedMail[]> {
  const dir = path.join(e2eDir(), 'outbox')
  const mails: ParsedMail[] = []
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file)))
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : ''
    if (to?.startsWith('e2e-nl')) mails.push(mail)
  }
  return mails
}

beforeAll(async () => {
  admin = await adminToken()
  editor = (await userToken('editor')).token
  contributor = (await userToken('contributor')).token
  const found = await api('GET', '/issues?where[slug][equals]=3-9&limit=1', admin)
  issueId = (found.body.docs as Array<{ id: number }>)[0].id
})

describe('newsletter, as a new user would try it', () => {
  it('imports a CSV of subscribers and reports what it did', async () => {
    const csv =
      'email,name\ne2e-nl1@example.com,One\ne2e-nl2@example.com,Two\ne2e-nl3@example.com,Three\nnope,\ne2e-nl1@example.com,dup\n'
    const res = await api('POST', '/newsletter/subscribers/import', editor, { csv, confirmed: true })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ imported: 3, skipped: [{ line: 6 }], invalid: [{ line: 5 }] })
    expect((await api('POST', '/newsletter/subscribers/import', contributor, { csv })).status).toBe(403)
  })

  it('shows the size and previews HTML and text; sends a test to one address', async () => {
    const status = await api('GET', `/newsletter/issues/${issueId}/status`, editor)
    expect(status.body).toMatchObject({
      size: { format: 'full', htmlBytes: expect.any(Number) },
      campaign: null,
      canSend: true,
    })
    const html = await fetch(`${baseUrl()}/api/newsletter/issues/${issueId}/preview`, {
      headers: { authorization: `JWT ${editor}` },
    })
    expect(await html.text()).toContain('Weekly Report 3|9')
    const text = await fetch(`${baseUrl()}/api/newsletter/issues/${issueId}/preview?format=text`, {
      headers: { authorization: `JWT ${editor}` },
    })
    expect(await text.text()).toMatch(/^Briefing: Weekly Report 3\|9/)
    const test = await api('POST', `/newsletter/issues/${issueId}/test`, editor, { email: 'e2e-nl-test@example.com' })
    expect(test.status).toBe(200)
    const mails = await outbox()
    expect(mails.map((m) => m.subject)).toContain('[Test] Weekly Report 3|9 (3.2.24–3.8.24)')
  })

  it('refuses a contributor; an editor confirms the recipient count and the web worker sends it', async () => {
    const audience = (await api('GET', `/newsletter/issues/${issueId}/status`, editor)).body.audience as number
    expect(audience).toBeGreaterThanOrEqual(3)
    expect(
      (await api('POST', `/newsletter/issues/${issueId}/send`, contributor, { confirmRecipients: audience })).status,
    ).toBe(403)
    // The seeded issue's items are not approved: the editor overrides the preflight (publish-gate.test.ts).
    const sent = await api('POST', `/newsletter/issues/${issueId}/send`, editor, {
      confirmRecipients: audience,
      override: { reason: 'End-to-end test' },
    })
    expect(sent.status).toBe(202)
    let campaign: Json = {}
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      campaign = (await api('GET', `/newsletter/issues/${issueId}/status`, editor)).body.campaign as Json
      if (campaign?.status === 'completed') break
      await new Promise((r) => setTimeout(r, 1000))
    }
    expect(campaign).toMatchObject({ status: 'completed', total: audience, sent: audience, failed: 0 })
    const issueMails = (await outbox()).filter((m) => !m.subject?.startsWith('[Test]'))
    expect(issueMails.map((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '')).sort()).toEqual([
      'e2e-nl1@example.com',
      'e2e-nl2@example.com',
      'e2e-nl3@example.com',
    ])
  })

  it('unsubscribes with one click from a received message', async () => {
    const mail = (await outbox()).find(
      (m) =>
        m.to &&
        !Array.isArray(m.to) &&
        m.to.value[0].address === 'e2e-nl2@example.com' &&
        !m.subject?.startsWith('[Test]'),
    )!
    const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line
    const url = /<(http[^>]+)>/.exec(header)![1]
    expect(url.startsWith(baseUrl())).toBe(true)
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    const sub = await api('GET', '/subscribers?where[email][equals]=e2e-nl2@example.com', admin)
    expect((sub.body.docs as Array<{ status: string }>)[0].status).toBe('unsubscribed')
    const tampered = await fetch(
      url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      },
    )
    expect(tampered.status).toBeGreaterThanOrEqual(400)
  })

  it('shows the Newsletter panel with size, campaign progress and a mobile preview in the admin', async () => {
    const browser = await launchBrowser()
    try {
      await browser.addCookies([{ name: 'payload-token', value: admin, url: baseUrl() }])
      const page = await browser.newPage()
      page.setDefaultTimeout(120_000)
      await page.goto(`${baseUrl()}/admin/collections/issues/${issueId}`)
      await page.waitForSelector('[data-testid=newsletter-size]')
      expect(await page.textContent('[data-testid=newsletter-campaign]')).toContain('completed')
      await page.click('button:has-text("Mobile")')
      const frame = page.locator('iframe[title="Email preview"]')
      await frame.waitFor()
      expect((await frame.boundingBox())?.width).toBe(375)
      await page.frameLocator('iframe[title="Email preview"]').locator('h1', { hasText: 'Weekly Report 3|9' }).waitFor()
      await page.screenshot({ path: artifactPath('30-newsletter-preview-mobile.png') })

      // Subscribers list: counts per status (as filters), the chart, import and export.
      await page.goto(`${baseUrl()}/admin/collections/subscribers`)
      const counts = page.locator('[data-testid=subscriber-counts]')
      await counts.waitFor()
      expect(await counts.textContent()).toMatch(/unsubscribed 1/)
      await page.locator('svg[aria-label="Subscribers over time"]').waitFor()
      expect(await page.locator('a[href="/api/newsletter/subscribers/export"]').count()).toBe(1)
      await page.screenshot({ path: artifactPath('30-newsletter-subscribers.png') })
    } finally {
      await browser.cleanup()
    }
  })
})
