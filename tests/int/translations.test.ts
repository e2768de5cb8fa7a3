import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { invalidationsSettled } from '../../src/web/invalidation'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { parseXml, startWebApp } from './web-support'

let t: TestPayload
let web: { url: string; close: () => Promise<void> }
const text = async (path: string) => {
  const res = await fetch(`${web.url}${path}`)
  return { status: res.status, body: await res.text() }
}
const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1])

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://briefing.example.com'
  t = await bootPayload('translations')
  await seed(t.payload)
  web = await startWebApp(t.payload)
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

const sourceId = async () =>
  (await t.payload.find({ collection: 'sources', where: { slug: { equals: 'qiushi' } }, limit: 1 })).docs[0].id

const lawData = async () => ({
  headline: 'Counter-Espionage Law (Second Reading Draft)',
  originalTitle: '反间谍法（修订草案二次审议稿）',
  source: await sourceId(),
  sourceUrl: 'http://www.npc.gov.cn/flcaw/',
  originalDate: '2022-12-30T00:00:00.000Z',
  originalAuthors: ['NPC Standing Committee'],
  credits: [
    { person: 'Jane Translator', role: 'translator' as const },
    { person: 'Ivan Intro', role: 'introduction' as const },
  ],
  introduction: richText('The draft widens the definition of espionage.'),
  body: richText('Article 1 This Law is formulated in order to prevent espionage.'),
  original: richText('第一条 为了防范、制止和惩治间谍行为，制定本法。'),
  excerpt: true,
  tags: ['law'],
  updateNotes: [{ date: '2023-03-26T00:00:00.000Z', text: 'The law was adopted; see the final text.' }],
})

describe('translations', () => {
  it('refuses bad input with a message and keeps drafts from anonymous readers', async () => {
    const bad = await t.payload
      .create({
        collection: 'translations',
        data: { ...(await lawData()), sourceUrl: 'javascript:alert(1)', _status: 'published' },
      })
      .catch((e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e)
    expect(bad).toMatchObject({ data: { errors: [{ path: 'sourceUrl', message: expect.stringMatching(/http/) }] } })
    const draft = await t.payload.create({ collection: 'translations', data: await lawData(), draft: true })
    expect(draft.slug).toBe('counter-espionage-law-second-reading-draft')
    expect((await text(`/translations/${draft.slug}`)).status).toBe(404)
    const anonymous = await t.payload.find({ collection: 'translations', overrideAccess: false })
    expect(anonymous.docs).toHaveLength(0)
    await makeUser(t.payload, 'admin') // the first account becomes admin whatever its role
    const contributor = await makeUser(t.payload, 'contributor')
    const refused = await t.payload
      .update({
        collection: 'translations',
        id: draft.id,
        data: { _status: 'published' },
        user: contributor,
        overrideAccess: false,
      })
      .catch((e: Error) => e)
    expect(refused).toBeInstanceOf(Error)
  })

  it('publishes the page with its original, credits, notes, JSON-LD and OG, in the listing, feed and sitemap', async () => {
    const [doc] = (await t.payload.find({ collection: 'translations', draft: true, limit: 1 })).docs
    await t.payload.update({ collection: 'translations', id: doc.id, data: { _status: 'published' } })
    await invalidationsSettled()
    const page = await text(`/translations/${doc.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>Counter-Espionage Law (Second Reading Draft)</h1>')
    expect(page.body).toContain('<p lang="zh-Hans" class="original-title">反间谍法（修订草案二次审议稿）</p>')
    expect(page.body).toMatch(/<section class="original" lang="zh-Hans"[^>]*>[\s\S]*第一条/)
    expect(page.body).toContain('Excerpt of the original')
    expect(page.body).toContain('Translated by Jane Translator')
    expect(page.body).toContain('Introduction by Ivan Intro')
    expect(page.body).toContain('Update <time datetime="2023-03-26">26 March 2023</time>:</strong> The law was adopted')
    expect(page.body).toContain('<meta property="og:type" content="article">')
    expect(page.body).toContain(`<link rel="canonical" href="https://briefing.example.com/translations/${doc.slug}">`)
    expect(page.body).toContain('<a href="/translations" aria-current="page">Translations</a>')
    expect(jsonLd(page.body)).toMatchObject({
      '@type': 'Article',
      headline: 'Counter-Espionage Law (Second Reading Draft)',
      inLanguage: 'en',
      isBasedOn: 'http://www.npc.gov.cn/flcaw/',
      translationOfWork: {
        '@type': 'CreativeWork',
        name: '反间谍法（修订草案二次审议稿）',
        inLanguage: 'zh-Hans',
        url: 'http://www.npc.gov.cn/flcaw/',
      },
      translator: [{ '@type': 'Person', name: 'Jane Translator' }],
    })
    const list = await text('/translations')
    expect(list.body).toContain(`<a href="/translations/${doc.slug}">Counter-Espionage Law (Second Reading Draft)</a>`)
    const feed = parseXml((await text('/translations/feed.xml')).body)
    const nodes = feed.getElementsByTagName('link')
    const links = Array.from({ length: nodes.length }, (_, i) => nodes.item(i)?.textContent)
    expect(links).toContain(`https://briefing.example.com/translations/${doc.slug}`)
    expect((await text('/sitemap.xml')).body).toContain(
      `<loc>https://briefing.example.com/translations/${doc.slug}</loc>`,
    )
    expect((await text('/')).body).toContain('<a href="/translations">Translations</a>')
  })

  it('links an item to its full translation, and the translation lists the issues that summarised it', async () => {
    const [doc] = (await t.payload.find({ collection: 'translations', limit: 1 })).docs
    const issue = (await t.payload.find({ collection: 'issues', where: { slug: { equals: '3-9' } } })).docs[0]
    const item = (
      await t.payload.find({ collection: 'items', where: { issue: { equals: issue.id } }, sort: 'position', limit: 1 })
    ).docs[0]
    await t.payload.update({ collection: 'items', id: item.id, data: { translation: doc.id } })
    await invalidationsSettled()
    const itemPage = await text(`/items/${item.id}`)
    expect(itemPage.body).toContain(`<a href="/translations/${doc.slug}">Full translation</a>`)
    expect((await text('/issues/3-9')).body).toContain(`<a href="/translations/${doc.slug}">Full translation</a>`)
    const page = await text(`/translations/${doc.slug}`)
    expect(page.body).toMatch(/Summarised in[\s\S]*<a href="\/issues\/3-9">Weekly Report 3\|9<\/a>/)

    await t.payload.update({ collection: 'translations', id: doc.id, data: { headline: 'Counter-Espionage Law' } })
    await invalidationsSettled()
    expect((await text(`/translations/${doc.slug}`)).body).toContain('<h1>Counter-Espionage Law</h1>')
    expect((await text(`/items/${item.id}`)).body).toContain('Full translation')
  })
})
