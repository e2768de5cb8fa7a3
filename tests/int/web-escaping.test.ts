import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { toBlocks } from '../../src/content/richtext'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { parseXml, startWebApp } from './web-support'

const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(2)>'
const hostile = (label: string) => `${label} ${SCRIPT} ${IMG} "quoted" 'single' & amp`

// 1×1 transparent PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

let t: TestPayload
let web: { url: string; close: () => Promise<void> }
const paths: string[] = []

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://briefing.example.com'
  t = await bootPayload('web-escaping')
  web = await startWebApp(t.payload)
  const { payload } = t
  const full = await payload.create({
    collection: 'sections',
    data: { name: hostile('Full'), style: 'full', slug: 'full' },
  })
  const brief = await payload.create({
    collection: 'sections',
    data: { name: hostile('Brief'), style: 'brief', slug: 'brief' },
  })
  const source = await payload.create({
    collection: 'sources',
    data: {
      name: hostile('Source'),
      slug: 'source',
      originalName: hostile('来源'),
      homepage: 'https://example.com/?q="><script>',
    },
  })
  const term = await payload.create({
    collection: 'glossary-terms',
    data: {
      english: hostile('Term'),
      slug: 'term',
      original: `词语${SCRIPT}`,
      pinyin: hostile('ci'),
      definition: hostile('Definition'),
      aliases: [hostile('alias')],
      kind: 'person',
      status: 'reviewed',
    },
  })
  const media = await payload.create({
    collection: 'media',
    data: { alt: hostile('Alt'), caption: hostile('Caption'), credit: hostile('Credit') },
    file: { data: PNG, mimetype: 'image/png', name: 'x.png', size: PNG.length },
  })
  const body = richText(hostile('Body'), { list: 'bullet', items: [hostile('List item')] })
  body.root.children.push({
    type: 'paragraph',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: [
      {
        type: 'inlineBlock',
        version: 1,
        fields: { id: 'g1', blockType: 'glossaryTerm', term: term.id, text: hostile('Marked') },
      } as never,
    ],
  })
  const issue = await payload.create({
    collection: 'issues',
    draft: true,
    data: {
      title: hostile('Title'),
      volume: 7,
      number: 1,
      periodStart: '2024-03-02',
      periodEnd: '2024-03-08',
      sections: [{ section: full.id }, { section: brief.id }],
      highlights: [{ text: richText(hostile('Highlight')), section: full.id }],
      coverImage: media.id,
      editorsNote: richText(hostile('Note')),
      _status: 'draft',
    },
  })
  const item = await payload.create({
    collection: 'items',
    draft: true,
    data: {
      issue: issue.id,
      section: full.id,
      headline: hostile('Headline'),
      date: '2024-03-05',
      body,
      sources: [source.id],
      terms: [term.id],
      articleUrl: 'https://example.com/a?b="><script>alert(3)</script>',
      originalTitle: hostile('标题'),
      excerpt: hostile('摘录'),
      credit: hostile('Credit line'),
      tags: [hostile('tag')],
      _status: 'draft',
    },
  })
  const briefItem = await payload.create({
    collection: 'items',
    draft: true,
    data: {
      issue: issue.id,
      section: brief.id,
      date: '2024-03-06',
      body: richText(hostile('Brief line')),
      related: [item.id],
      _status: 'draft',
    },
  })
  await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
  paths.push(
    '/',
    '/issues/7-1',
    '/archive',
    `/items/${item.id}`,
    `/items/${briefItem.id}`,
    '/sections/full',
    '/sections/brief',
    '/glossary',
    '/glossary/term',
    '/sources/source',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
  )
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('escaping hostile strings', () => {
  it('never lets a <script> or onerror= from any field become markup', async () => {
    for (const path of paths) {
      const res = await fetch(`${web.url}${path}`)
      expect(res.status, path).toBe(200)
      const raw = await res.text()
      // JSON Feed: titles are plain text by the spec; only content_html is markup.
      const body = path.endsWith('.json')
        ? JSON.parse(raw)
            .items.map((i: { content_html: string }) => i.content_html)
            .join('\n')
        : raw
      expect(body, path).not.toContain('<script>alert')
      expect(body, path).not.toContain('"><script>')
      if (path.endsWith('.xml') || path.endsWith('.json')) {
        expect(body, path).not.toMatch(/<img[^>]*onerror/i)
      } else {
        const root = parse(body)
        for (const el of root.querySelectorAll('*')) {
          const handlers = Object.keys(el.attributes).filter((a) => /^on/i.test(a))
          expect(handlers, `${path} <${el.tagName}>`).toEqual([])
        }
        const scripts = root.querySelectorAll('script').map((s) => s.getAttribute('src') ?? s.getAttribute('type'))
        expect(
          scripts.every((s) => s === '/assets/site.js' || s === 'application/ld+json'),
          path,
        ).toBe(true)
      }
      if (path.endsWith('.xml')) parseXml(body)
    }
  })

  it('shows the hostile text as text', async () => {
    const body = await (await fetch(`${web.url}/issues/7-1`)).text()
    expect(body).toContain(
      'Headline &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot; &#39;single&#39; &amp; amp',
    )
    for (const label of [
      'Title',
      'Full',
      'Brief',
      'Source',
      'Definition',
      'Marked',
      'Body',
      'List item',
      'Highlight',
      'Note',
      'Alt',
      'Caption',
      'Credit line',
      '摘录',
      '标题',
    ]) {
      expect(body, label).toContain(`${label} &lt;script&gt;alert(1)&lt;/script&gt;`)
    }
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]
    expect(ld).not.toContain('<')
    expect(JSON.parse(ld).name).toContain(SCRIPT)
  })

  it('drops script URLs from rich-text links', () => {
    const value = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'link', fields: { url: 'javascript:alert(1)' }, children: [{ type: 'text', text: 'bad' }] },
              { type: 'link', fields: { url: 'https://example.com/' }, children: [{ type: 'text', text: 'good' }] },
            ],
          },
        ],
      },
    }
    const [block] = toBlocks(value)
    expect(block.type === 'paragraph' && block.inlines).toEqual([
      { text: 'bad' },
      { text: 'good', href: 'https://example.com/' },
    ])
  })
})
