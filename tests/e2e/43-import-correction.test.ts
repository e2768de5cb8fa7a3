import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { adminToken, baseUrl, signInThroughForm, userToken } from '../helpers/e2e'

/** A report written for this test: the outlet line above a headline is misread as a section. */
const REPORT = [
  'Weekly Report 6|41 5.4.24-5.10.24',
  '',
  'Senior Leaders',
  '',
  'A Council Meets on Rivers',
  '5.6 The council met to discuss the rivers of the west.',
  'Harbour Evening Gazette',
  'A Plan for Bridges Is Issued',
  '5.7 The plan covers small bridges.',
].join('\n')

const PROFILE = 'E2E Gazette page'
let browser: Awaited<ReturnType<typeof launchBrowser>>
const get = async (path: string, token: string) =>
  (await (await fetch(`${baseUrl()}${path}`, { headers: { authorization: `JWT ${token}` } })).json()) as {
    docs: Array<Record<string, unknown> & { id: number }>
  }

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.cleanup()
  // Leave the shared e2e server as the seed made it.
  const token = await adminToken()
  const del = (path: string) =>
    fetch(`${baseUrl()}${path}`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
  const issue = (await get('/api/issues?draft=true&depth=0&where[slug][equals]=6-41', token)).docs[0]
  if (issue) {
    await del(`/api/items?where[issue][equals]=${issue.id}`)
    await del(`/api/issues/${issue.id}`)
  }
  await del(`/api/sources?where[name][equals]=${encodeURIComponent('Harbour Evening Gazette')}`)
  await del(`/api/import-profiles?where[name][equals]=${encodeURIComponent(PROFILE)}`)
})

describe('admin Import: the correction step', () => {
  it('an editor corrects a misread outlet line, sees the structure change, and imports it', async () => {
    const editor = await userToken('editor')
    const page = await signInThroughForm(browser, editor)
    await page.goto(`${baseUrl()}/admin/import`)
    await page.waitForSelector('[data-testid=import-files]', { timeout: 120_000 })
    await page.setInputFiles('[data-testid=import-files]', {
      name: 'report-6-41.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(REPORT),
    })
    await page.getByRole('button', { name: 'Preview (dry run)' }).click()
    await page.waitForSelector('[data-testid=import-blocks]')
    const results = page.locator('[data-testid=import-results]')
    expect(await results.textContent()).toContain('Harbour Evening Gazette (full, 1 item)')

    const outlet = page.locator('li[data-testid^=block-]', {
      has: page.locator('[data-testid=block-text]', { hasText: /^Harbour Evening Gazette$/ }),
    })
    expect(await outlet.getAttribute('data-role')).toBe('section-heading')
    await page.screenshot({ path: artifactPath('import-correction-before.png'), fullPage: true })
    await outlet.locator('.rs__control').first().click()
    await page.locator('.rs__option', { hasText: /^source$/ }).click()

    await page.waitForSelector('li[data-testid^=block-][data-role=source]')
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=import-results]')?.textContent?.includes('Gazette (full'),
    )
    expect(await results.textContent()).toContain('Senior Leaders (full, 2 items)')
    expect(await results.textContent()).toContain('sources: Harbour Evening Gazette')
    await page.screenshot({ path: artifactPath('import-correction-after.png'), fullPage: true })

    // Saved as a profile, the correction is applied by the profile from then on.
    await page.fill('#field-profileName', PROFILE)
    await page.getByRole('button', { name: 'Save as profile' }).click()
    await page.waitForSelector(`text=Saved the corrections as profile “${PROFILE}”`)
    await page.getByRole('button', { name: 'Preview (dry run)' }).click()
    await page.waitForFunction(
      (name) =>
        document
          .querySelector('[data-testid=import-results] pre')
          ?.textContent?.startsWith(`profile "${name}" applied`),
      PROFILE,
    )
    expect(await outlet.getAttribute('data-role')).toBe('source')
    const profile = await get(`/api/import-profiles?where[name][equals]=${encodeURIComponent(PROFILE)}`, editor.token)
    expect(profile.docs[0]).toMatchObject({ kind: 'report', format: 'txt' })

    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.waitForSelector('text=Imported into')
    expect(await results.textContent()).toMatch(/Imported into issue 6-41 \(draft\): 2 item\(s\)/)
    await page.close()

    const issue = (await get('/api/issues?draft=true&depth=0&where[slug][equals]=6-41', editor.token)).docs[0]
    const items = await get(
      `/api/items?draft=true&depth=1&sort=position&where[issue][equals]=${issue.id}`,
      editor.token,
    )
    const saved = items.docs.map((d) => [
      d.headline,
      (d.section as { name: string }).name,
      (d.sources as Array<{ name: string }>).map((s) => s.name),
    ])
    expect(saved).toEqual([
      ['A Council Meets on Rivers', 'Senior Leaders', ['Harbour Evening Gazette']],
      ['A Plan for Bridges Is Issued', 'Senior Leaders', []],
    ])
  })
})
