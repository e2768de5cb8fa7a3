import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { isCached } from '../../src/web/cache'
import { invalidationsSettled } from '../../src/web/invalidation'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { parseXml, startWebApp } from './web-support'

let t: TestPayload
let web: { url: string; close: () => Promise<void> }
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${web.url}${path}`, { headers })
const text = async (path: string) => {
  const res = await get(path)
  return { status: res.status, body: await res.text(), res }
}

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://briefing.example.com'
  t = await bootPayload('web-routes')
  await seed(t.payload)
  web = await startWebApp(t.payload)
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

const itemsOf = async (slug: string, draft = false) => {
  const issue = (await t.payload.find({ collection: 'issues', where: { slug: { equals: slug } }, draft: true })).docs[0]
  const items = await t.payload.find({
    collection: 'items',
    where: { issue: { equals: issue.id } },
    draft,
    sort: 'position',
  })
  return { issue, items: items.docs }
}
const byHeadline = <T extends { headline?: string | null }>(items: T[], start: string): T =>
  items.find((i) => i.headline?.startsWith(start))!

describe('public pages', () => {
  it('renders the issue page in the report format with meta', async () => {
    const { status, body } = await text('/issues/3-9')
    expect(status).toBe(200)
    expect(body).toContain('<h1>Weekly Report 3|9</h1>')
    expect(body).toContain('<time datetime="2024-03-02">3.2.24</time>–<time datetime="2024-03-08">3.8.24</time>')
    expect(body).toContain('<link rel="canonical" href="https://briefing.example.com/issues/3-9">')
    expect(body).toMatch(/<meta property="og:title" content="Weekly Report 3\|9/)
    expect(body).toContain('<meta name="twitter:card"')
    expect(body).toMatch(/<meta name="description" content="Xi Jinping joined the Jiangsu delegation/)
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1])
    expect(ld).toMatchObject({ '@type': 'PublicationIssue', name: 'Weekly Report 3|9', issueNumber: '9' })
    // every highlight link lands on an element with that id
    const targets = [...body.matchAll(/class="see" href="#([^"]+)"/g)].map((m) => m[1])
    expect(targets).toEqual(['senior-leaders', 'senior-leaders', 'propaganda-work'])
    for (const id of targets) expect(body).toContain(`id="${id}"`)
    expect(body).toContain('(<a class="see" href="#senior-leaders">See Senior Leaders section</a>)')
    // briefs: date-prefixed, no headline
    const briefs = body.slice(body.indexOf('id="international-liaison-work"'))
    expect(briefs).toMatch(
      /<li class="brief" id="item-[\w-]+"><p><time datetime="2024-03-04" class="date">3.4<\/time> CCP International/,
    )
    expect(briefs.slice(0, briefs.indexOf('</section>'))).not.toContain('<h3')
    expect(body).toContain('<blockquote class="excerpt" lang="zh-Hans">')
    expect(body).toMatch(/<dfn>top priority<\/dfn><\/a><span class="term-tip" role="tooltip"/)
    expect(body).toContain('<span lang="zh-Hans">社会信用</span>')
  })

  it('serves home with the subscribe form, archive, glossary, person, section and source pages', async () => {
    const home = await text('/')
    expect(home.status).toBe(200)
    expect(home.body).toContain('<form method="post" action="/subscribe">')
    for (const name of ['email', 'name', 'website']) expect(home.body).toContain(`name="${name}"`)
    const archive = await text('/archive')
    expect(archive.body).toMatch(/<h2 id="y2024">2024<\/h2><h3>Volume 3<\/h3>/)
    const glossary = await text('/glossary')
    expect(glossary.body).toContain('<span lang="zh-Hans">王沪宁</span>')
    expect(glossary.body).toContain('id="letter-W"')
    const person = await text('/glossary/wang-huning')
    expect(person.status).toBe(200)
    expect(person.body).toContain('Every published item mentioning Wang Huning, in date order')
    expect(person.body).toContain('Xi Jinping: Build Broad Consensus for Chinese Modernization')
    const section = await text('/sections/senior-leaders')
    const headlines = [...section.body.matchAll(/<h3><a href="\/items\/[\w-]+">([^<]+)<\/a>/g)].map((m) => m[1])
    expect(headlines[0]).toBe('Xi Jinping: Build Broad Consensus for Chinese Modernization') // newest first
    expect((await get('/sections/senior-leaders?page=2')).status).toBe(404)
    expect((await get('/sections/senior-leaders?page=x')).status).toBe(404)
    const source = await text('/sources/xinhua')
    expect(source.body).toContain('<h1>Xinhua <span lang="zh-Hans">新华社</span></h1>')
    expect((await get('/sources/nope')).status).toBe(404)
    const robots = await text('/robots.txt')
    expect(robots.body).toContain('Sitemap: https://briefing.example.com/sitemap.xml')
  })

  it('gives every item a permalink with related postings', async () => {
    const { items: all } = await itemsOf('3-9')
    const items = [byHeadline(all, 'Xi Jinping: Develop'), null, byHeadline(all, 'People’s Daily')] as const
    await t.payload.update({ collection: 'items', id: items[0].id, data: { related: [items[2].id] } })
    const page = await text(`/items/${items[0].id}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<link rel="canonical" href="https://briefing.example.com/items/${items[0].id}">`)
    expect(page.body).toContain('Related postings')
    expect(page.body).toContain(`href="/items/${items[2].id}">People’s Daily Commentator Article`)
    expect((await get('/items/999999')).status).toBe(404)
  })
})

describe('site icon', () => {
  it('every page names its icon, served at that address and at /favicon.ico (browsers logged a 404 on every page)', async () => {
    const home = await text('/')
    expect(home.body).toContain('<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">')
    for (const path of ['/assets/icon.svg', '/favicon.ico']) {
      const icon = await text(path)
      expect(icon.status, path).toBe(200)
      expect(icon.res.headers.get('content-type'), path).toMatch(/^image\/svg\+xml/)
      expect(icon.body, path).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    }
  })
})

describe('drafts', () => {
  it('404s draft issues and items and keeps them out of feeds and the sitemap', async () => {
    const { items } = await itemsOf('3-10', true)
    expect((await get('/issues/3-10')).status).toBe(404)
    expect((await get(`/items/${items[0].id}`)).status).toBe(404)
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/', '/archive']) {
      const { body } = await text(path)
      expect(body, path).not.toContain('3-10')
      expect(body, path).not.toContain('Li Qiang Closes the Sessions')
    }
    expect((await text('/sitemap.xml')).body).not.toContain(`/items/${items[0].id}<`)
  })
})

describe('feeds', () => {
  it('serve RSS 2.0, Atom and JSON Feed 1.1 with one full entry per issue', async () => {
    const rss = await text('/feed.xml')
    expect(rss.res.headers.get('content-type')).toMatch(/application\/rss\+xml/)
    const rssDoc = parseXml(rss.body)
    expect(rssDoc.documentElement.getAttribute('version')).toBe('2.0')
    const rssItems = rssDoc.getElementsByTagName('item')
    expect(rssItems.length).toBe(1)
    expect(rssItems[0].getElementsByTagName('content:encoded')[0].textContent).toContain('Senior Leaders')
    const atom = parseXml((await text('/atom.xml')).body)
    expect(atom.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom')
    expect(atom.getElementsByTagName('entry').length).toBe(1)
    const json = JSON.parse((await text('/feed.json')).body)
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.items).toHaveLength(1)
    expect(json.items[0]).toMatchObject({
      id: 'https://briefing.example.com/issues/3-9',
      title: 'Weekly Report 3|9 3.2.24–3.8.24',
    })
    expect(json.items[0].content_html).toContain('Xi Jinping: Develop New Quality Productive Forces')
    const sitemap = parseXml((await text('/sitemap.xml')).body)
    const locNodes = sitemap.getElementsByTagName('loc')
    const locs = Array.from({ length: locNodes.length }, (_, i) => locNodes[i].textContent)
    expect(locs).toContain('https://briefing.example.com/issues/3-9')
    expect(locs).toContain('https://briefing.example.com/glossary/wang-huning')
  })
})

describe('caching', () => {
  it('answers conditional requests with 304', async () => {
    await invalidationsSettled()
    const first = await get('/issues/3-9')
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(etag).toMatch(/^".+"$/)
    expect(isCached('/issues/3-9')).toBe(true)
    expect((await get('/issues/3-9', { 'if-none-match': etag })).status).toBe(304)
    expect((await get('/issues/3-9', { 'if-modified-since': lastModified })).status).toBe(304)
    expect((await get('/issues/3-9', { 'if-none-match': '"other"' })).status).toBe(200)
  })

  it('invalidates exactly the pages showing a changed document', async () => {
    const { items: all } = await itemsOf('3-9')
    const items = [byHeadline(all, 'Xi Jinping: Develop')]
    const paths = [
      '/issues/3-9',
      `/items/${items[0].id}`,
      '/sections/senior-leaders?page=1',
      '/archive',
      '/glossary',
      '/sources/qiushi?page=1',
    ]
    await invalidationsSettled()
    for (const p of paths) await get(p.replace('?page=1', ''))
    for (const p of paths) expect(isCached(p), p).toBe(true)
    const etag = (await get('/issues/3-9')).headers.get('etag')!

    await t.payload.update({
      collection: 'items',
      id: items[0].id,
      data: { headline: 'Xi Jinping: A Changed Headline' },
    })
    expect(isCached('/issues/3-9')).toBe(false)
    expect(isCached(`/items/${items[0].id}`)).toBe(false)
    expect(isCached('/sections/senior-leaders?page=1')).toBe(false)
    expect(isCached('/archive')).toBe(true)
    expect(isCached('/glossary')).toBe(true)
    expect(isCached('/sources/qiushi?page=1')).toBe(true)
    const after = await get('/issues/3-9', { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(await after.text()).toContain('Xi Jinping: A Changed Headline')

    await invalidationsSettled()
    await get('/issues/3-9')
    await get('/glossary')
    expect(isCached('/glossary')).toBe(true)
    const term = (await t.payload.find({ collection: 'glossary-terms', where: { slug: { equals: 'cai-qi' } } })).docs[0]
    await t.payload.update({
      collection: 'glossary-terms',
      id: term.id,
      data: { definition: 'A new definition of Cai Qi.' },
    })
    expect(isCached('/glossary')).toBe(false)
    expect(isCached('/issues/3-9')).toBe(false)
    expect(isCached('/archive')).toBe(true)
    expect((await text('/issues/3-9')).body).toContain('A new definition of Cai Qi.')
  })
})
