import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { adminToken, baseUrl, signInThroughForm, userToken } from '../helpers/e2e'

const FIXTURES = path.resolve('tests/fixtures/import')
const html = fs.readFileSync(path.join(FIXTURES, 'weekly-report-4-68.html'))

let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.cleanup()
  // Leave the shared e2e server as the seed made it: later files count on issue 3|10 being the latest.
  const token = await adminToken()
  const headers = { authorization: `JWT ${token}` }
  const found = await fetch(`${baseUrl()}/api/issues?draft=true&depth=0&where[slug][equals]=4-68`, { headers })
  const issue = ((await found.json()) as { docs: Array<{ id: number }> }).docs[0]
  if (issue) {
    await fetch(`${baseUrl()}/api/items?where[issue][equals]=${issue.id}`, { method: 'DELETE', headers })
    await fetch(`${baseUrl()}/api/issues/${issue.id}`, { method: 'DELETE', headers })
  }
  const created = ['全球安全倡议', '韩正', '共同富裕', '陈希']
    .map((o) => `where[original][in][]=${encodeURIComponent(o)}`)
    .join('&')
  await fetch(`${baseUrl()}/api/glossary-terms?${created}`, { method: 'DELETE', headers })
})

const upload = (name: string, data: Buffer, options: Record<string, unknown>, token?: string) => {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(data)]), name)
  body.append('_payload', JSON.stringify(options))
  return fetch(`${baseUrl()}/api/import`, {
    method: 'POST',
    body,
    headers: token ? { authorization: `JWT ${token}` } : {},
  })
}

const issueCount = async (token: string) => {
  const res = await fetch(`${baseUrl()}/api/issues?draft=true&limit=0`, { headers: { authorization: `JWT ${token}` } })
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

describe('POST /api/import', () => {
  it('is for editors and admins only', async () => {
    const anonymous = await upload('r.html', html, { dryRun: true })
    expect(anonymous.status).toBe(401)
    const contributor = await userToken('contributor')
    const refused = await upload('r.html', html, { dryRun: true }, contributor.token)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ errors: [{ message: 'Only editors and admins can import reports.' }] })
  })

  it('previews without writing, and refuses a non-report with its name and nothing changed', async () => {
    const editor = await userToken('editor')
    const before = await issueCount(editor.token)
    const preview = await upload('weekly-report-4-68.html', html, { dryRun: true }, editor.token)
    expect(preview.status).toBe(200)
    const body = (await preview.json()) as { ok: boolean; preview: string; written?: unknown }
    expect(body.ok).toBe(true)
    expect(body.written).toBeUndefined()
    expect(body.preview).toContain('issue 4-68: Weekly Report 4|68, period 2022-04-16 to 2022-04-22')
    expect(body.preview).toContain('Organization Work (brief, 2 items)')
    const bad = await upload('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), {}, editor.token)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe(
      'photo.txt: binary data, not a text report (NUL bytes found)',
    )
    expect(await issueCount(editor.token)).toBe(before)
  })
})

describe('admin: Import reports screen', () => {
  it('lets an editor preview and import a saved report page', async () => {
    const editor = await userToken('editor')
    const page = await signInThroughForm(browser, editor)
    await page.goto(`${baseUrl()}/admin/import`)
    await page.waitForSelector('[data-testid=import-files]', { timeout: 120_000 })
    expect(await page.locator('#nav-import-reports').count()).toBe(1)
    // The chooser offers every format the importer reads (a newcomer's PDF was greyed out), and the
    // screen says what becomes of each kind.
    const accept = (await page.getAttribute('[data-testid=import-files]', 'accept')) ?? ''
    expect(accept.split(',')).toEqual(
      expect.arrayContaining(['.txt', '.html', '.md', '.docx', '.pdf', '.xml', '.json', '.zip']),
    )
    const intro = await page.textContent('.briefing-import-intro')
    expect(intro).toContain('PDF')
    expect(intro).toMatch(/special issue/i)
    expect(intro).toMatch(/translation/i)
    await page.setInputFiles('[data-testid=import-files]', path.join(FIXTURES, 'weekly-report-4-68.html'))
    await page.getByRole('button', { name: 'Preview (dry run)' }).click()
    await page.waitForSelector('[data-testid=import-results] pre')
    const preview = await page.textContent('[data-testid=import-results]')
    expect(preview).toContain('Senior Leaders (full, 2 items)')
    expect(preview).toContain('Han Zheng (韩正) [person]')
    await page.screenshot({ path: artifactPath('import-preview.png'), fullPage: true })

    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.waitForSelector('text=Imported into')
    expect(await page.textContent('[data-testid=import-results]')).toMatch(
      /Imported into issue 4-68 \(draft\): 5 item\(s\)/,
    )
    await page.screenshot({ path: artifactPath('import-done.png'), fullPage: true })
    await page.close()

    const res = await fetch(`${baseUrl()}/api/issues?draft=true&where[slug][equals]=4-68&depth=0`, {
      headers: { authorization: `JWT ${editor.token}` },
    })
    const issue = ((await res.json()) as { docs: Array<{ id: number; label: string; _status: string }> }).docs[0]
    expect(issue).toMatchObject({ label: 'Weekly Report 4|68', _status: 'draft' })
    const items = await fetch(`${baseUrl()}/api/items?draft=true&limit=0&where[issue][equals]=${issue.id}`, {
      headers: { authorization: `JWT ${editor.token}` },
    })
    expect(((await items.json()) as { totalDocs: number }).totalDocs).toBe(5)
  })

  it('tells a contributor that only editors can import', async () => {
    const contributor = await userToken('contributor')
    await browser.clearCookies() // sign the editor out
    const page = await signInThroughForm(browser, contributor)
    await page.goto(`${baseUrl()}/admin/import`)
    await page.waitForSelector('text=Only editors and admins can import reports.')
    expect(await page.locator('[data-testid=import-files]').count()).toBe(0)
    await page.close()
  })
})
