import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderIssueEmail } from '../../src/newsletter/render'
import { richText } from '../../src/lib/richtext'
import { relationId } from '../../src/lib/relations'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { parseXml, startWebApp } from './web-support'

/** Special issues: a topic rather than a week, entries grouped by date, photos with captions and credits. */
let t: TestPayload
let web: { url: string; close: () => Promise<void> }
let issueId: number | string
const text = async (path: string) => {
  const res = await fetch(`${web.url}${path}`)
  return { status: res.status, body: await res.text() }
}
const SLUG = 'special-issue-on-npc-cppcc-annual-sessions-2024'

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://briefing.example.com'
  t = await bootPayload('special-issues')
  await seed(t.payload)
  web = await startWebApp(t.payload)
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

async function photo(alt: string) {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
  return t.payload.create({
    collection: 'media',
    data: { alt },
    file: { data: png, mimetype: 'image/png', name: `${alt.replace(/\W+/g, '-')}.png`, size: png.length },
  })
}

describe('special issues', () => {
  it('refuses an entry without a headline or a photo without an image, and changes nothing', async () => {
    const before = await t.payload.count({ collection: 'issues' })
    const bad = await t.payload
      .create({
        collection: 'issues',
        data: {
          kind: 'special',
          title: 'China Insight',
          // @ts-expect-error: a photo without its image
          entryGroups: [{ heading: 'March 5', entries: [{ headline: '', photos: [{ caption: 'No image' }] }] }],
          _status: 'published',
        },
      })
      .catch((e: { data?: { errors?: Array<{ path: string }> } }) => e)
    const paths = (bad as { data?: { errors?: Array<{ path: string }> } }).data?.errors?.map((e) => e.path) ?? []
    expect(paths).toEqual(
      expect.arrayContaining(['entryGroups.0.entries.0.headline', 'entryGroups.0.entries.0.photos.0.image']),
    )
    expect(await t.payload.count({ collection: 'issues' })).toEqual(before)
  })

  it('publishes at /special/<slug> with its subtitle, publisher line, dated groups in order and captioned photos', async () => {
    const xinhua = (await t.payload.find({ collection: 'sources', where: { slug: { equals: 'xinhua' } } })).docs[0]
    const opening = await photo('Deputies arrive at the Great Hall of the People')
    const issue = await t.payload.create({
      collection: 'issues',
      data: {
        kind: 'special',
        title: 'China Insight',
        subtitle: 'Special Issue on NPC & CPPCC Annual Sessions 2024',
        publisherLine: 'Published by the International Department, March 2024',
        entryGroups: [
          {
            heading: 'March 5',
            date: '2024-03-05T12:00:00.000Z',
            entries: [
              {
                headline: 'Second Session of the 14th NPC opens in Beijing',
                body: richText(
                  'The session opened on the morning of March 5.',
                  'Premier Li Qiang delivered the report.',
                ),
                photos: [{ image: opening.id, caption: 'The opening meeting, March 5, 2024', credit: 'XINHUA' }],
                sources: [xinhua.id],
              },
            ],
          },
          {
            heading: 'March 6',
            entries: [{ headline: 'Panel discussions continue', body: richText('Deputies met in delegations.') }],
          },
        ],
        _status: 'published',
      },
    })
    issueId = issue.id
    expect(issue).toMatchObject({
      slug: SLUG,
      label: 'China Insight: Special Issue on NPC & CPPCC Annual Sessions 2024',
    })
    expect(issue.volume ?? null).toBeNull()
    const publication = await t.payload.findByID({ collection: 'publications', id: relationId(issue.publication)! })
    expect(publication).toMatchObject({ kind: 'special', urlPrefix: '/special' })

    const page = await text(`/special/${SLUG}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>China Insight</h1>')
    expect(page.body).toContain('<p class="subtitle">Special Issue on NPC &amp; CPPCC Annual Sessions 2024</p>')
    expect(page.body).toContain('<p class="publisher">Published by the International Department, March 2024</p>')
    expect(page.body.indexOf('<h2 id="march-5">March 5</h2>')).toBeGreaterThan(0)
    expect(page.body.indexOf('<h2 id="march-6">March 6</h2>')).toBeGreaterThan(page.body.indexOf('March 5</h2>'))
    expect(page.body).toContain('<h3>Second Session of the 14th NPC opens in Beijing</h3>')
    expect(page.body).toMatch(/<img src="[^"]+" alt="Deputies arrive at the Great Hall of the People"/)
    expect(page.body).toContain(
      '<figcaption>The opening meeting, March 5, 2024 <span class="credit">(XINHUA)</span></figcaption>',
    )
    expect(page.body).toContain('<a href="/sources/xinhua">Xinhua</a>')
    expect(page.body).toContain('<meta property="og:type" content="article">')
    expect(page.body).toContain(`<link rel="canonical" href="https://briefing.example.com/special/${SLUG}">`)
    expect(page.body).toContain('<a href="/special" aria-current="page">Special issues</a>')
  })

  it('lists special issues beside the weekly report, in their own feed and the sitemap; weekly pages unchanged', async () => {
    expect((await text(`/issues/${SLUG}`)).status).toBe(404)
    const list = await text('/special')
    expect(list.body).toContain(
      `<a href="/special/${SLUG}">China Insight: Special Issue on NPC &amp; CPPCC Annual Sessions 2024</a>`,
    )
    const archive = await text('/archive')
    expect(archive.body).toContain(`<a href="/special/${SLUG}">`)
    expect(archive.body).toMatch(/<h3>Volume 3<\/h3>/)
    const home = await text('/')
    expect(home.body).toContain('Weekly Report 3|9')
    expect(home.body).toContain(`<a href="/special/${SLUG}">`)
    const feed = parseXml((await text('/special/feed.xml')).body)
    expect(feed.getElementsByTagName('item').length).toBe(1)
    const weeklyFeed = await text('/feed.xml')
    expect(weeklyFeed.body).not.toContain(`/issues/${SLUG}`)
    expect((await text('/sitemap.xml')).body).toContain(`<loc>https://briefing.example.com/special/${SLUG}</loc>`)
    expect((await text('/issues/3-9')).status).toBe(200)
  })

  it('renders as an email with the dated groups, entries and photo credits', async () => {
    const email = await renderIssueEmail(t.payload, issueId)
    expect(email.subject).toBe('China Insight: Special Issue on NPC & CPPCC Annual Sessions 2024')
    expect(email.html).toContain('March 5')
    expect(email.html).toContain('Second Session of the 14th NPC opens in Beijing')
    expect(email.html).toContain('alt="Deputies arrive at the Great Hall of the People"')
    expect(email.html).toContain('The opening meeting, March 5, 2024 (XINHUA)')
    expect(email.html).toContain('{{unsubscribe_url}}')
    expect(email.text).toMatch(/MARCH 5[\s\S]*Second Session of the 14th NPC opens in Beijing[\s\S]*MARCH 6/)
  })
})
