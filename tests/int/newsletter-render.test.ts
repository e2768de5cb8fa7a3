import { parse } from 'node-html-parser'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue } from '../../src/newsletter/campaign'
import { renderIssueEmail } from '../../src/newsletter/render'
import type { Issue } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let issue: Issue

const termParagraph = (termId: number | string) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        children: [
          { type: 'text', text: 'The end of ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          {
            type: 'inlineBlock',
            version: 1,
            fields: { id: 'ib1', blockType: 'glossaryTerm', term: termId, text: 'dynamic zero' },
          },
          {
            type: 'text',
            text: ' came quietly; dynamic zero is now history.',
            format: 0,
            detail: 0,
            mode: 'normal',
            style: '',
            version: 1,
          },
        ],
      },
    ],
  },
})

beforeAll(async () => {
  t = await bootPayload('newsletter-render')
  await seed(t.payload)
  issue = (await findIssue(t.payload, '3-10'))!
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
  const media = await t.payload.create({
    collection: 'media',
    data: { alt: 'Delegates in the Great Hall' },
    file: { data: png, mimetype: 'image/png', name: 'cover.png', size: png.length },
    overrideAccess: true,
  })
  await t.payload.update({
    collection: 'issues',
    id: issue.id,
    data: { coverImage: media.id },
    draft: true,
    overrideAccess: true,
  })
  const term = (
    await t.payload.find({
      collection: 'glossary-terms',
      where: { original: { equals: '动态清零' } },
      overrideAccess: true,
    })
  ).docs[0]
  const item = (
    await t.payload.find({
      collection: 'items',
      where: { issue: { equals: issue.id }, headline: { like: 'Li Qiang' } },
      draft: true,
      overrideAccess: true,
    })
  ).docs[0]
  await t.payload.update({
    collection: 'items',
    id: item.id,
    data: { body: termParagraph(term.id) },
    draft: true,
    overrideAccess: true,
  })
})
afterAll(async () => {
  await t?.close()
})

describe('email rendering', () => {
  it('renders the published issue as a table-layout email: inline CSS, no scripts, lang on Chinese, preheader', async () => {
    const published = (await findIssue(t.payload, '3-9'))!
    const r = await renderIssueEmail(t.payload, published.id)
    expect(r).toMatchObject({ format: 'full', reason: 'auto' })
    const doc = parse(r.html)
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(doc.querySelectorAll('link')).toHaveLength(0)
    expect(doc.querySelectorAll('table[role="presentation"]').length).toBeGreaterThan(3)
    expect(r.html).toContain('<!--[if mso')
    expect(r.html).toMatch(/<meta name="color-scheme" content="light dark">/)
    expect(r.html).toContain('prefers-color-scheme: dark')
    // Preheader (hidden preview text) from the highlights.
    expect(r.html).toMatch(/display:none[^>]*>\s*Xi Jinping joined the Jiangsu delegation/)
    const chinese = doc.querySelectorAll('[lang="zh-Hans"]').map((e) => e.text)
    expect(chinese).toContain('新质生产力')
    expect(r.html).toMatch(/href="http:\/\/[^"]+\/items\/[\w-]+"/)
    expect(r.html).toContain('href="{{unsubscribe_url}}"')
    expect(r.htmlBytes).toBe(Buffer.byteLength(r.html))
    expect(r.htmlBytes).toBeLessThan(102 * 1024)
  })

  it('glosses the first use of a term as "dynamic zero (动态清零)" and puts absolute image URLs with alt text', async () => {
    const r = await renderIssueEmail(t.payload, issue.id, { draft: true })
    expect(r.html).toContain(
      'dynamic zero (<span lang="zh-Hans" xml:lang="zh-Hans">动态清零</span>) came quietly; dynamic zero is now history.',
    )
    expect(r.text).toContain('The end of dynamic zero (动态清零) came quietly; dynamic zero is now history.')
    const img = parse(r.html).querySelector('img')!
    expect(img.getAttribute('src')).toMatch(/^http:\/\/.+\/cover\.png$/)
    expect(img.getAttribute('alt')).toBe('Delegates in the Great Hall')
  })

  it('the plain-text part has the title, period, highlights, sections, dated items with sources, and listed links', async () => {
    const published = (await findIssue(t.payload, '3-9'))!
    const { text } = await renderIssueEmail(t.payload, published.id)
    expect(text).toMatch(/^Briefing: Weekly Report 3\|9\n\n3\.2\.24–3\.8\.24\n/)
    expect(text).toMatch(/HIGHLIGHTS\n=+\n\n- Xi Jinping joined/)
    expect(text).toMatch(
      /SENIOR LEADERS\n=+\n\nXi Jinping: Develop New Quality Productive Forces According to Local Conditions \[\d+\]\n3\.5 · Xinhua\n/,
    )
    expect(text).toMatch(/LINKS\n-+\n\[1\] http:\/\/\S+/)
    expect(text).toContain('Unsubscribe: {{unsubscribe_url}}')
    expect(text).not.toMatch(/<[a-z]/i)
  })

  it('switches to the digest automatically over the size budget, or when the editor chooses it', async () => {
    const published = (await findIssue(t.payload, '3-9'))!
    const full = await renderIssueEmail(t.payload, published.id)
    const auto = await renderIssueEmail(t.payload, published.id, { budgetBytes: full.htmlBytes - 1 })
    expect(auto).toMatchObject({ format: 'digest', reason: 'auto-size', fullHtmlBytes: full.htmlBytes })
    expect(auto.htmlBytes).toBeLessThan(full.htmlBytes)
    // Every item is there, linked to its page, with only its first paragraph.
    const links = new Set(
      parse(auto.html)
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href')),
    )
    const items = await t.payload.find({
      collection: 'items',
      where: { issue: { equals: published.id } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const item of items.docs) expect([...links].some((href) => href?.endsWith(`/items/${item.id}`))).toBe(true)
    expect(auto.html).toContain('Xi Jinping: Develop New Quality Productive Forces')
    expect(auto.html).not.toContain('Build a Modernized Industrial System')
    expect(auto.html).toContain('Highlights')

    await t.payload.update({
      collection: 'issues',
      id: published.id,
      data: { newsletterFormat: 'digest' },
      overrideAccess: true,
    })
    const chosen = await renderIssueEmail(t.payload, published.id)
    expect(chosen).toMatchObject({ format: 'digest', reason: 'chosen' })
  })
})
