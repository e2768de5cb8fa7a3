import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser, seriousViolations } from '../helpers/browser'
import { adminToken, baseUrl } from '../helpers/e2e'

const REAL = path.resolve('../shared/samples/real')

let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page
let headers: Record<string, string> = {}
const created: Array<[string, number | string]> = []

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
  headers = { authorization: `JWT ${await adminToken()}` }
})
afterAll(async () => {
  await browser?.cleanup()
  // Leave the shared e2e server as the seed made it.
  for (const [collection, id] of created.reverse())
    await fetch(`${baseUrl()}/api/${collection}/${id}`, { method: 'DELETE', headers })
})

type Written = { kind?: string; issue: string; issueId: number; slugs?: string[] }

/** POST /api/import of a real sample (read by path: fail clearly when it is missing), published. */
async function importSample(name: string): Promise<{ written: Written; warnings: string[] }> {
  const file = path.join(REAL, name)
  if (!fs.existsSync(file)) throw new Error(`the real sample is missing: ${file}`)
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), name)
  body.append('_payload', JSON.stringify({ publish: true }))
  const res = await fetch(`${baseUrl()}/api/import`, { method: 'POST', body, headers })
  const json = (await res.json()) as { written: Written; warnings: string[]; errors?: unknown }
  expect(res.status, JSON.stringify(json.errors)).toBe(200)
  return json
}

/** An image with alt text, uploaded as an editor would. */
async function uploadPhoto(alt: string): Promise<number> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336' } })
    .png()
    .toBuffer()
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(png)]), `${alt.replace(/\W+/g, '-').slice(0, 40)}.png`)
  body.append('_payload', JSON.stringify({ alt }))
  const res = await fetch(`${baseUrl()}/api/media`, { method: 'POST', body, headers })
  const doc = ((await res.json()) as { doc: { id: number } }).doc
  created.push(['media', doc.id])
  return doc.id
}

/** Open a page at 360 and 1280 px: it answers 200, shows `text`, has no serious axe violation. */
async function readOnWeb(url: string, name: string, text: string[]): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    const res = await page.goto(url)
    expect(res?.status(), url).toBe(200)
    const content = (await page.textContent('main')) ?? ''
    for (const t of text) expect(content).toContain(t)
    await page.screenshot({ path: artifactPath(`import-${name}-${width}.png`), fullPage: true })
    expect(await seriousViolations(page), `${name} at ${width}px`).toEqual([])
  }
}

/** The email of `what` (`issues/<id>` or `translations/<id>`) in Chromium at 600 px: fits, shows `text`. */
async function readInEmail(what: string, name: string, text: string[]): Promise<void> {
  const res = await fetch(`${baseUrl()}/api/newsletter/${what}/preview`, { headers })
  expect(res.status, what).toBe(200)
  await page.setViewportSize({ width: 600, height: 900 })
  await page.setContent(await res.text())
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600)
  const content = (await page.textContent('body')) ?? ''
  for (const t of text) expect(content).toContain(t)
  await page.screenshot({ path: artifactPath(`import-${name}-email-600.png`), fullPage: true })
}

describe('the real samples import as a special issue and translations, and read right on the web and in the email', () => {
  it('the special issue: 3 dated groups with their entries and captioned photos at /special/<slug>', async () => {
    const { written } = await importSample('special-issue-two-sessions-2024.txt')
    expect(written).toMatchObject({ kind: 'special', status: 'draft' })
    created.push(['issues', written.issueId])
    // Photos arrive without their image: the editor adds each (with alt text), then publishes.
    const res = await fetch(`${baseUrl()}/api/issues/${written.issueId}?draft=true&depth=0`, { headers })
    const issue = (await res.json()) as {
      entryGroups: Array<{ entries: Array<{ photos: Array<{ caption: string; image?: number }> }> }>
    }
    for (const g of issue.entryGroups)
      for (const e of g.entries) for (const p of e.photos) p.image = await uploadPhoto(p.caption.slice(0, 120))
    const published = await fetch(`${baseUrl()}/api/issues/${written.issueId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ entryGroups: issue.entryGroups, _status: 'published' }),
    })
    expect(published.status, await published.clone().text()).toBe(200)
    await readOnWeb(`${baseUrl()}/special/${written.issue}`, 'special', [
      'March 5',
      'March 6',
      'March 7',
      'Xi Stresses Developing New Quality Productive Forces',
      'XINHUA',
    ])
    await readInEmail(`issues/${written.issueId}`, 'special', ['March 5', 'March 7', 'XINHUA'])
  })

  it('the listing: 20 translations, one read at /translations/<slug>', async () => {
    const { written } = await importSample('translations-blog-listing.txt')
    expect(written).toMatchObject({ kind: 'translations', items: 20, status: 'published' })
    const found = await fetch(
      `${baseUrl()}/api/translations?limit=30&depth=0&where[slug][in]=${written.slugs!.join(',')}`,
      { headers },
    )
    const docs = ((await found.json()) as { docs: Array<{ id: number; slug: string; headline: string }> }).docs
    expect(docs).toHaveLength(20)
    for (const d of docs) created.push(['translations', d.id])
    // The post with its Chinese original (the page has a no-break space in this title).
    const speech = docs.find((d) => /^Speech at the News and Public Opinion Work\sConference$/.test(d.headline))
    expect(speech, docs.map((d) => d.headline).join('\n')).toBeDefined()
    await readOnWeb(`${baseUrl()}/translations/${speech!.slug}`, 'translation', ['Public Opinion Work'])
    await readInEmail(`translations/${speech!.id}`, 'translation', ['Public Opinion Work'])
  })
})
