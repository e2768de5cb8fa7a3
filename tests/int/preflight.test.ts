import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { makeUser } from '../helpers/payload'
import { bootWithRest } from '../helpers/rest'

/** Preflight of an issue on a real SQLite Payload, through `GET /api/issues/:id/preflight`. */
type Problem = { code: string; severity: string; message: string; item?: number; section?: number }

let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let full: number
let brief: number
let empty: number
let source: number
let issue: number
let links: { url: string; close: () => Promise<void> }
const ids: Record<string, number> = {}

/** A paragraph with links, as Lexical stores them. */
const withLinks = (...urls: string[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: urls.map((url) => ({
          type: 'link',
          version: 3,
          direction: 'ltr',
          format: '',
          indent: 0,
          fields: { url, linkType: 'custom', newTab: false },
          children: [{ type: 'text', text: `see ${url}`, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
        })),
      },
    ],
  },
})

const item = async (name: string, data: Record<string, unknown>) => {
  const doc = await payload.create({
    collection: 'items',
    data: { issue, section: full, date: '2024-03-05', sources: [source], status: 'approved', ...data } as never,
    draft: true,
  })
  ids[name] = doc.id
  return doc.id
}

const preflight = async (id: number | string = issue, query = '') => {
  const res = await t.rest('GET', `issues/${id}/preflight${query}`, { as: t.editor })
  return { status: res.status, body: res.body, problems: (res.body.problems ?? []) as Problem[] }
}
const about = (problems: Problem[], name: string) => problems.filter((p) => p.item === ids[name])
/** A stored image whose alt text is blank. */
const mediaWithoutAlt = async (name: string) => {
  const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#333' } })
    .jpeg()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt: ' ' },
    file: { data: jpeg, mimetype: 'image/jpeg', name, size: jpeg.length },
  })
}
const codes = (problems: Problem[]) => problems.map((p) => p.code).sort()

beforeAll(async () => {
  t = await bootWithRest('preflight')
  const server = http.createServer((req, res) => {
    res.statusCode = req.url === '/gone' ? 404 : req.url === '/broken' ? 500 : 200
    res.end('page')
  })
  server.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  links = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r(undefined))),
  }
  payload = t.payload
  const section = (name: string, style: 'full' | 'brief') =>
    payload.create({ collection: 'sections', data: { name, style } }).then((s) => s.id)
  full = await section('Senior Leaders', 'full')
  brief = await section('Organization Work', 'brief')
  empty = await section('Party Discipline', 'full')
  source = (await payload.create({ collection: 'sources', data: { name: "People's Daily" } })).id
  issue = (
    await payload.create({
      collection: 'issues',
      data: {
        volume: 4,
        periodStart: '2024-03-02',
        periodEnd: '2024-03-08',
        sections: [{ section: full }, { section: brief }, { section: empty }],
      },
      draft: true,
    })
  ).id
  const term = (english: string, original: string, status: string) =>
    payload.create({ collection: 'glossary-terms', data: { english, original, status } as never }).then((d) => d.id)
  ids.dynamicZero = await term('dynamic zero', '动态清零', 'reviewed')
  ids.commonProsperity = await term('common prosperity', '共同富裕', 'unreviewed')
  await item('firstUse', {
    headline: 'Dynamic zero holds',
    body: richText('Officials said dynamic zero would hold.'),
    terms: [ids.dynamicZero],
  })
  await item('clean', {
    headline: 'Xi on dynamic zero',
    body: richText('Xi stressed dynamic zero (动态清零) again.'),
    terms: [ids.dynamicZero],
  })
  await item('placeholder', { headline: 'Plan TK', body: richText('TODO: check the quote [...] here.') })
  await item('empty', { date: null, sources: [] })
  await item('longBrief', { section: brief, body: richText('3.4 '.padEnd(400, 'x')), sources: [] })
  await item('noSource', { headline: 'No source or date', body: richText('Text.'), date: null, sources: [] })
  await item('outside', { headline: 'Old news', body: richText('Text.'), date: '2024-02-01' })
  await item('links', {
    headline: 'Links',
    body: withLinks('javascript:alert(1)', '/admin/collections/items/1', `${links.url}/ok`),
  })
  await item('rendering', {
    headline: 'Shared wealth',
    body: richText('The plenum urged shared prosperity (共同富裕) for all.'),
  })
  await item('drafting', { headline: 'Still drafting', body: richText('Text.'), status: 'drafting' })
})
afterAll(async () => {
  await links?.close()
  await t?.close()
})

describe('GET /api/issues/:id/preflight', () => {
  it('answers 401 to anonymous callers and 404 for an unknown issue', async () => {
    expect((await t.rest('GET', `issues/${issue}/preflight`)).status).toBe(401)
    const missing = await preflight(999_999)
    expect(missing.status).toBe(404)
    expect(missing.body.errors?.[0]?.message).toMatch(/does not exist/)
  })

  it('lets contributors run it too, and a clean item has no problems', async () => {
    const contributor = await makeUser(payload, 'contributor', 'contrib-preflight@example.com')
    const res = await t.rest('GET', `issues/${issue}/preflight`, { as: contributor })
    expect(res.status).toBe(200)
    expect(about(res.body.problems as Problem[], 'clean')).toEqual([])
  })

  it('every problem has a code, a severity, a message and the item it concerns', async () => {
    const { problems } = await preflight()
    expect(problems.length).toBeGreaterThan(5)
    for (const p of problems) {
      expect(p.code).toMatch(/^[a-z-]+$/)
      expect(['block', 'warn']).toContain(p.severity)
      expect(p.message.length).toBeGreaterThan(5)
    }
  })
})

describe('item checks', () => {
  it('placeholder text blocks ("TK", "TODO"), "[…]" warns', async () => {
    const found = about((await preflight()).problems, 'placeholder')
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'placeholder', severity: 'block', item: ids.placeholder }),
    )
    expect(found.find((p) => p.code === 'placeholder')?.message).toMatch(/TK, TODO/)
    expect(found).toContainEqual(expect.objectContaining({ code: 'placeholder-gap', severity: 'warn' }))
  })

  it('an empty item blocks', async () => {
    expect(codes(about((await preflight()).problems, 'empty'))).toContain('empty-item')
  })

  it('a brief longer than a line warns', async () => {
    expect(about((await preflight()).problems, 'longBrief')).toEqual([
      expect.objectContaining({ code: 'brief-too-long', severity: 'warn', section: brief }),
    ])
  })

  it('a full item without date blocks, without source warns', async () => {
    const found = about((await preflight()).problems, 'noSource')
    expect(found).toContainEqual(expect.objectContaining({ code: 'missing-date', severity: 'block' }))
    expect(found).toContainEqual(expect.objectContaining({ code: 'missing-source', severity: 'warn' }))
  })

  it('an event date outside the issue period warns', async () => {
    expect(about((await preflight()).problems, 'outside')).toEqual([
      expect.objectContaining({ code: 'date-outside-period', severity: 'warn' }),
    ])
  })

  it('links that are not http(s) or point to the admin block; http(s) links pass', async () => {
    const found = about((await preflight()).problems, 'links')
    expect(codes(found)).toEqual(['link-admin', 'link-not-http'])
    expect(found.every((p) => p.severity === 'block')).toBe(true)
  })

  it('an item that is not approved blocks', async () => {
    expect(about((await preflight()).problems, 'drafting')).toEqual([
      expect.objectContaining({ code: 'item-not-approved', severity: 'block' }),
    ])
  })
})

describe('glossary checks', () => {
  it('the first use of a term without its original warns; later uses are not checked again', async () => {
    const { problems } = await preflight()
    expect(about(problems, 'firstUse')).toEqual([expect.objectContaining({ code: 'glossary-no-original' })])
    expect(about(problems, 'clean')).toEqual([])
  })

  it('a rendering other than the preferred one warns, and so does an unreviewed term', async () => {
    const found = about((await preflight()).problems, 'rendering')
    expect(codes(found)).toEqual(['glossary-rendering', 'glossary-unreviewed'])
    expect(found.find((p) => p.code === 'glossary-rendering')?.message).toContain('"common prosperity"')
  })
})

describe('issue checks', () => {
  it('a highlight pointing to a section without items, or to an item of another issue, blocks', async () => {
    const other = await payload.create({ collection: 'issues', data: { volume: 4 }, draft: true })
    const stray = await payload.create({
      collection: 'items',
      data: { issue: other.id, section: full, headline: 'Elsewhere' },
      draft: true,
    })
    await payload.update({
      collection: 'issues',
      id: issue,
      draft: true,
      data: {
        highlights: [
          { text: richText('Empty.'), section: empty },
          { text: richText('Stray.'), item: stray.id },
          { text: richText('Fine.'), section: full },
        ],
      },
    })
    const found = (await preflight()).problems.filter((p) => p.code.startsWith('highlight'))
    expect(found).toEqual([
      expect.objectContaining({ code: 'highlight-empty-section', severity: 'block', section: empty }),
      expect.objectContaining({ code: 'highlight-missing-item', severity: 'block' }),
    ])
  })

  it('images without alt text block and without credit warn', async () => {
    const media = await mediaWithoutAlt('cover.jpg')
    await payload.update({ collection: 'issues', id: issue, draft: true, data: { coverImage: media.id } })
    const found = (await preflight()).problems.filter((p) => p.code.startsWith('image'))
    expect(found).toEqual([
      expect.objectContaining({ code: 'image-no-alt', severity: 'block' }),
      expect.objectContaining({ code: 'image-no-credit', severity: 'warn' }),
    ])
    await payload.update({ collection: 'media', id: media.id, data: { alt: 'A hall', credit: 'XINHUA' } })
    expect((await preflight()).problems.filter((p) => p.code.startsWith('image'))).toEqual([])
  })

  it('checks a special issue’s photos: one without an image blocks, one without alt text blocks', async () => {
    const media = await mediaWithoutAlt('hall.jpg')
    const special = await payload.create({
      collection: 'issues',
      draft: true,
      data: {
        kind: 'special',
        title: 'Two Sessions',
        entryGroups: [
          {
            heading: 'March 5',
            entries: [
              { headline: 'Opening', photos: [{ image: media.id, credit: 'XINHUA' }] },
              { headline: 'Closing', photos: [{ caption: 'Not yet uploaded', credit: 'XINHUA' }] },
            ],
          },
        ],
      } as never,
    })
    const found = (await preflight(special.id)).problems.filter((p) => p.code.startsWith('image'))
    expect(found).toEqual([
      expect.objectContaining({
        code: 'image-no-alt',
        severity: 'block',
        message: 'A photo of "Opening" has no alt text.',
      }),
      expect.objectContaining({
        code: 'image-missing',
        severity: 'block',
        message: 'A photo of "Closing" has no image yet: upload it to Media and choose it, or remove the photo.',
      }),
    ])
    // Publishing with the photos chosen in the same save: the gate checks the photos being saved.
    await payload.update({ collection: 'media', id: media.id, data: { alt: 'The hall' } })
    const groups = [
      {
        heading: 'March 5',
        entries: [
          { headline: 'Opening', photos: [{ image: media.id, credit: 'XINHUA' }] },
          { headline: 'Closing', photos: [{ image: media.id, credit: 'XINHUA' }] },
        ],
      },
    ]
    const published = await t.rest('PATCH', `issues/${special.id}`, {
      as: t.editor,
      body: { entryGroups: groups, _status: 'published' },
    })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
  })

  it('an email over the size budget warns that it will go out as a digest', async () => {
    expect((await preflight()).problems.map((p) => p.code)).not.toContain('email-over-budget')
    const big = await payload.create({ collection: 'issues', data: { volume: 5 }, draft: true })
    const paragraph = 'The meeting stressed the importance of the work and its many details. '.repeat(30)
    for (let i = 0; i < 60; i++)
      await payload.create({
        collection: 'items',
        data: { issue: big.id, section: full, headline: `Item ${i}`, date: '2024-03-05', body: richText(paragraph) },
        draft: true,
      })
    const { problems } = await preflight(big.id)
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'email-over-budget',
        severity: 'warn',
        message: expect.stringMatching(/digest/),
      }),
    )
  }, 60_000)
})

describe('link checking (off by default)', () => {
  it('asks the links only with ?checkLinks=1 and reports 4xx/5xx answers', async () => {
    await payload.update({
      collection: 'items',
      id: ids.clean,
      draft: true,
      data: { articleUrl: `${links.url}/gone` },
    })
    await payload.update({
      collection: 'items',
      id: ids.outside,
      draft: true,
      data: { articleUrl: `${links.url}/broken` },
    })
    await payload.update({
      collection: 'items',
      id: ids.noSource,
      draft: true,
      data: { articleUrl: `${links.url}/ok` },
    })
    expect((await preflight()).problems.map((p) => p.code)).not.toContain('link-broken')
    const broken = (await preflight(issue, '?checkLinks=1')).problems.filter((p) => p.code === 'link-broken')
    expect(broken.map((p) => p.item).sort()).toEqual([ids.clean, ids.outside].sort())
    expect(broken.find((p) => p.item === ids.clean)?.message).toMatch(/answers 404/)
    expect(broken.find((p) => p.item === ids.outside)?.message).toMatch(/answers 500/)
  })
})
