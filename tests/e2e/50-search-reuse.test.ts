import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { artifactPath, launchBrowser } from '../helpers/browser'
import { adminToken, baseUrl, userToken } from '../helpers/e2e'

type Doc = { id: number | string; [key: string]: unknown }
type SearchDoc = { collection: string; id: number | string; title: string; snippet: string; url: string }

let token: string
const auth = () => ({ authorization: `JWT ${token}`, 'content-type': 'application/json' })
const api = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${baseUrl()}${path}`, init)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const one = async (collection: string, where: string) =>
  ((await api(`/api/${collection}?draft=true&depth=0&limit=1&${where}`, { headers: auth() })).body.docs as Doc[])[0]

let browser: Awaited<ReturnType<typeof launchBrowser>>
let copyId: number | string

beforeAll(async () => {
  token = await adminToken()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.cleanup()
})

describe('search, consistency and reuse on the seeded server (as a new user would)', () => {
  it('finds 清零: the glossary term for everyone, the draft "dynamic zero" item for staff only', async () => {
    const anonymous = await api(`/api/search?q=${encodeURIComponent('清零')}&limit=20`)
    expect(anonymous.status).toBe(200)
    const anonDocs = anonymous.body.docs as SearchDoc[]
    expect(anonDocs.map((d) => d.collection)).toEqual(['glossary-terms'])
    expect(anonDocs[0].url).toBe('/glossary/dynamic-zero')

    const staff = await api(`/api/search?q=${encodeURIComponent('清零')}&limit=20`, { headers: auth() })
    const items = (staff.body.docs as SearchDoc[]).filter((d) => d.collection === 'items')
    // The draft issue's "dynamic zero" item and its "dynamic clearing" brief (both drafts).
    expect(items).toHaveLength(2)
    expect(items.every((i) => i.snippet.includes('(动态<mark>清零</mark>)'))).toBe(true)

    const page = await fetch(`${baseUrl()}/search?q=${encodeURIComponent('新质生产力')}`).then((r) => r.text())
    expect(page).toMatch(/\d+ results? for “新质生产力”/)
    expect(page).toContain('<mark>新质生产力</mark>')
    expect(page).not.toContain('动态清零')
  })

  it('reuses a past item into the draft issue with provenance both ways; contributors only into drafts', async () => {
    const draftIssue = await one('issues', 'where[slug][equals]=3-10')
    const published = await one('issues', 'where[slug][equals]=3-9')
    const original = await one('items', `where[issue][equals]=${published.id}&where[headline][like]=Consensus`)
    const reused = await api(`/api/items/${original.id}/reuse`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ issue: draftIssue.id }),
    })
    expect(reused.status).toBe(201)
    const copy = reused.body.doc as Doc
    copyId = copy.id
    expect(copy).toMatchObject({ _status: 'draft', headline: original.headline })
    expect((copy.reusedFrom as Doc).id).toEqual(original.id)
    const back = await api(`/api/items/${original.id}?depth=0`, { headers: auth() })
    expect(
      (back.body.reusedIn as { docs: Array<Doc | number> }).docs.map((d) => (typeof d === 'object' ? d.id : d)),
    ).toContain(copy.id)

    const contributor = await userToken('contributor')
    const refused = await api(`/api/items/${original.id}/reuse`, {
      method: 'POST',
      headers: { authorization: `JWT ${contributor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issue: published.id }),
    })
    expect(refused.status).toBe(403)
    expect((refused.body.errors as Array<{ message: string }>)[0].message).toMatch(/draft issues only/)
  })

  it('lists a term translated two ways in the Consistency view, and searches drafts in the admin', async () => {
    const draftIssue = await one('issues', 'where[slug][equals]=3-10')
    const section = await one('sections', 'where[slug][equals]=organization-work')
    const planted = await api('/api/items?draft=true', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({
        issue: draftIssue.id,
        section: section.id,
        date: '2024-03-13',
        body: richText('Officials recalled “dynamic clearing” (动态清零) in Shanghai.'),
      }),
    })
    expect(planted.status).toBe(201)
    // Saved through Payload's REST route (Next), found by the express search route: one shared index.
    const found = await api('/api/search?q=shanghai', { headers: auth() })
    expect((found.body.docs as SearchDoc[]).map((d) => d.id)).toEqual([(planted.body.doc as Doc).id])
    const report = await api('/api/glossary-terms/consistency', { headers: auth() })
    const zero = (
      report.body.inconsistencies as Array<{ original: string; renderings: Array<{ english: string }> }>
    ).find((i) => i.original === '动态清零')
    expect(zero?.renderings.map((r) => r.english.toLowerCase()).sort()).toEqual(['dynamic clearing', 'dynamic zero'])

    await browser.addCookies([{ name: 'payload-token', value: token, url: baseUrl() }])
    const page = browser.pages()[0] ?? (await browser.newPage())
    await page.goto(`${baseUrl()}/admin/consistency`)
    await page.waitForSelector('[data-testid="inconsistency"]', { timeout: 120_000 })
    const text = await page.textContent('body')
    expect(text).toContain('动态清零')
    expect(text).toContain('“dynamic clearing”')
    await page.screenshot({ path: artifactPath('50-consistency.png'), fullPage: true })

    await page.goto(`${baseUrl()}/admin/search?q=${encodeURIComponent('Shanghai')}`)
    await page.waitForSelector('[data-testid="search-count"]', { timeout: 120_000 })
    expect(await page.textContent('[data-testid="search-count"]')).toBe('1 result')
    expect(await page.textContent('body')).toContain('(draft)')

    // The planted item's “dynamic clearing” (动态清零) linked the term on save.
    const saved = await api(`/api/items/${(planted.body.doc as Doc).id}?draft=true&depth=0`, { headers: auth() })
    expect(saved.body.terms).toHaveLength(1)
    // The reused copy's edit view: related past items (its original shares terms), reuse action.
    await page.goto(`${baseUrl()}/admin/collections/items/${copyId}`)
    await page.waitForSelector('[data-testid="related-panel"] li', { timeout: 120_000 })
    expect(await page.textContent('[data-testid="related-panel"]')).toMatch(/Link as related/)
    await page.waitForSelector('[data-testid="reuse-button"]')
    await page.click('[data-testid="reuse-button"] button')
    await page.waitForSelector('select[aria-label="Issue to reuse in"] option', { state: 'attached' })
    await page.screenshot({ path: artifactPath('50-item-reuse-related.png'), fullPage: true })
  })

  it('shows 汉字 and pinyin on an inline glossary mark and offers mentioned terms in the sidebar', async () => {
    const draftIssue = await one('issues', 'where[slug][equals]=3-10')
    const section = await one('sections', 'where[slug][equals]=senior-leaders')
    const term = await one('glossary-terms', 'where[original][equals]=动态清零')
    const body = richText('x')
    const para = body.root.children[0] as { children: unknown[] }
    para.children = [
      { type: 'text', text: 'Wang Huning spoke about ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
      {
        type: 'inlineBlock',
        version: 1,
        fields: { id: 'mark-1', blockType: 'glossaryTerm', term: term.id, text: 'dynamic zero' },
      },
      { type: 'text', text: ' again.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
    ]
    const created = await api('/api/items?draft=true', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({
        issue: draftIssue.id,
        section: section.id,
        headline: 'Marked Up',
        date: '2024-03-14',
        body,
      }),
    })
    expect(created.status).toBe(201)
    const doc = created.body.doc as Doc
    expect((doc.terms as Doc[]).map((t) => t.id)).toEqual([term.id]) // the inline mark linked its term

    const page = browser.pages()[0] ?? (await browser.newPage())
    await page.goto(`${baseUrl()}/admin/collections/items/${doc.id}`)
    const mark = await page.waitForSelector('.briefing-glossary-mark', { timeout: 120_000 })
    expect(await mark.getAttribute('title')).toBe('动态清零 · dòngtài qīnglíng')
    expect(await mark.textContent()).toBe('dynamic zero')
    await page.waitForSelector('[data-testid="term-suggestions"]', { timeout: 60_000 })
    expect(await page.textContent('[data-testid="term-suggestions"]')).toContain('Wang Huning')
    await page.click('[data-testid="term-suggestions"] button')
    await page.waitForSelector('[data-testid="term-suggestions"]', { state: 'detached' })
    // The terms field loads the label of the newly linked term, then autosave stores it.
    await page.waitForFunction(
      () => document.querySelector('#field-terms')?.textContent?.includes('Wang Huning'),
      null,
      {
        timeout: 30_000,
      },
    )
    await page.screenshot({ path: artifactPath('50-item-glossary.png'), fullPage: true })
  })
})
