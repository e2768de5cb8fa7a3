import fs from 'node:fs'
import path from 'node:path'

import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile } from '../../src/importer/run'
import { richText } from '../../src/lib/richtext'
import { isCached } from '../../src/web/cache'
import { invalidationsSettled } from '../../src/web/invalidation'
import { mountSearchRoutes } from '../../src/search/routes'
import { bootWithRest, mountPayloadApi } from '../helpers/rest'
import { paragraphWith, termMark } from './search-fixtures'
import { serve } from './web-support'

/**
 * What anonymous readers see agrees everywhere (REST, web pages, sitemap, search): drafts leak nothing,
 * not even the sections and glossary terms a draft import creates, nor a published item of a draft issue.
 */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let rest: typeof t.rest
let web: typeof t.web
let editor: typeof t.editor
let searchBase: string
let closeSearch: () => Promise<void>

/** Publishing imported, unreviewed content: an editor overrides the preflight (tests/int/publish-gate.test.ts). */
const PUBLISH = { _status: 'published', publishOverride: { reason: 'Visibility test' } }

beforeAll(async () => {
  process.env.BRIEFING_SEARCH_EAGER = '1'
  t = await bootWithRest('public-visibility')
  ;({ payload, rest, web, editor } = t)
  const app = express()
  await mountPayloadApi(app) // GET /api/search: Payload's endpoint, as the Next route serves it
  await mountSearchRoutes(app, async () => payload)
  ;({ url: searchBase, close: closeSearch } = await serve(app))
})
afterAll(async () => {
  await closeSearch?.()
  await t?.close()
})

const page = async (p: string) => {
  const res = await fetch(`${web.url}${p}`)
  return { status: res.status, text: await res.text() }
}
const anonymousSearch = async (q: string) =>
  (await (await fetch(`${searchBase}/api/search?q=${encodeURIComponent(q)}`)).json()) as {
    docs: Array<{ collection: string; title?: string }>
  }

describe('a draft import', () => {
  let issueId: number
  let termSlug: string

  it('keeps its new sections and glossary terms private until the issue is published', async () => {
    const data = fs.readFileSync(path.resolve('tests/fixtures/import/weekly-report-3-9.txt'))
    const result = await importFile(payload, 'weekly-report-3-9.txt', data)
    expect(result.ok).toBe(true)
    const issue = await payload.find({ collection: 'issues', where: { slug: { equals: '3-9' } }, draft: true })
    issueId = issue.docs[0].id
    const term = await payload.find({ collection: 'glossary-terms', where: { original: { equals: '新质生产力' } } })
    termSlug = String(term.docs[0].slug)

    expect((await page('/sections/senior-leaders')).status).toBe(404)
    expect((await page(`/glossary/${termSlug}`)).status).toBe(404)
    expect((await page('/glossary')).text).not.toContain('新质生产力')
    const sitemap = (await page('/sitemap.xml')).text
    expect(sitemap).not.toContain('/sections/')
    expect(sitemap).not.toContain('/glossary/')
    expect((await rest('GET', 'sections')).body.docs).toEqual([])
    expect((await rest('GET', 'glossary-terms')).body.docs).toEqual([])
    expect((await anonymousSearch('新质生产力')).docs).toEqual([])
    const searchPage = await (await fetch(`${searchBase}/search`)).text()
    expect(searchPage).not.toContain('Senior Leaders')

    // Staff still see and manage them.
    expect((await rest('GET', 'sections', { as: editor })).body.docs!.length).toBeGreaterThan(0)
    expect(
      (await rest('GET', `glossary-terms?where[slug][equals]=${termSlug}`, { as: editor })).body.docs,
    ).toHaveLength(1)
  })

  it('makes them public when the issue is published', async () => {
    const res = await rest('PATCH', `issues/${issueId}`, { as: editor, body: PUBLISH })
    expect(res.status).toBe(200)
    expect((await page('/sections/senior-leaders')).status).toBe(200)
    expect((await page(`/glossary/${termSlug}`)).status).toBe(200)
    expect((await page('/sitemap.xml')).text).toContain('/sections/senior-leaders')
    const sections = (await rest('GET', 'sections?limit=100')).body.docs!.map((s) => s.slug)
    expect(sections).toContain('senior-leaders')
    expect((await rest('GET', `glossary-terms?where[slug][equals]=${termSlug}`)).body.docs).toHaveLength(1)
    expect((await anonymousSearch('新质生产力')).docs.some((d) => d.collection === 'glossary-terms')).toBe(true)
  })
})

describe('an editor makes a section or term public without published content', () => {
  it('a section marked public, a term marked reviewed', async () => {
    const section = await rest('POST', 'sections', { as: editor, body: { name: 'Empty Section', style: 'full' } })
    expect((await page('/sections/empty-section')).status).toBe(404)
    await rest('PATCH', `sections/${section.body.doc!.id}`, { as: editor, body: { public: true } })
    expect((await page('/sections/empty-section')).status).toBe(200)

    const term = await rest('POST', 'glossary-terms', {
      as: editor,
      body: { english: 'common prosperity', original: '共同富裕', status: 'unreviewed' } as never,
    })
    expect((await page('/glossary/common-prosperity')).status).toBe(404)
    await rest('PATCH', `glossary-terms/${term.body.doc!.id}`, { as: editor, body: { status: 'reviewed' } })
    expect((await page('/glossary/common-prosperity')).status).toBe(200)
    expect((await rest('GET', 'glossary-terms?where[slug][equals]=common-prosperity')).body.docs).toHaveLength(1)
  })
})

describe('a published item inside a draft issue', () => {
  it('is not public over REST or in search (like its page) until its issue is published', async () => {
    const section = await payload.create({ collection: 'sections', data: { name: 'Early Section', style: 'full' } })
    const issue = await payload.create({
      collection: 'issues',
      data: { volume: 9, number: 1, sections: [{ section: section.id }] },
      draft: true,
    })
    const item = await payload.create({
      collection: 'items',
      data: {
        issue: issue.id,
        section: section.id,
        headline: 'Early item',
        date: '2024-03-05',
        body: richText('Text.'),
        _status: 'published',
      },
    })
    expect(item._status).toBe('published')
    expect((await page(`/items/${item.id}`)).status).toBe(404)
    expect((await rest('GET', `items/${item.id}`)).status).toBe(404)
    const list = await rest('GET', `items?where[issue][equals]=${issue.id}`)
    expect(list.body.docs).toEqual([])
    expect((await rest('GET', `items/${item.id}`, { as: editor })).status).toBe(200)
    expect((await anonymousSearch('Early item')).docs).toEqual([])

    await rest('PATCH', `issues/${issue.id}`, { as: editor, body: PUBLISH })
    expect((await page(`/items/${item.id}`)).status).toBe(200)
    expect((await rest('GET', `items/${item.id}`)).status).toBe(200)
    expect((await page('/sections/early-section')).status).toBe(200)
    expect((await anonymousSearch('Early item')).docs.map((d) => d.title)).toEqual(['Early item'])
  })
})

/** A draft item with a headline, linked terms and a body. */
const draftItem = (issue: number, section: number, headline: string, terms: number[], body: unknown) =>
  payload.create({
    collection: 'items',
    draft: true,
    data: { issue, section, headline, date: '2024-03-05', terms, body, _status: 'draft' } as never,
  })

describe('a new glossary term used only by a draft item', () => {
  it('stays private until an item using it is published, whether linked or marked inline', async () => {
    const section = await payload.create({ collection: 'sections', data: { name: 'Term Section', style: 'full' } })
    const issue = await payload.create({
      collection: 'issues',
      data: { volume: 9, number: 2, sections: [{ section: section.id }], _status: 'published' } as never,
    })
    const linked = await payload.create({
      collection: 'glossary-terms',
      data: { english: 'whole-process democracy', original: '全过程人民民主', status: 'unreviewed' } as never,
    })
    const marked = await payload.create({
      collection: 'glossary-terms',
      data: { english: 'self-revolution', original: '自我革命', status: 'unreviewed' } as never,
    })
    const item = await draftItem(
      issue.id,
      section.id,
      'Draft with new terms',
      [linked.id],
      paragraphWith('Xi spoke of ', termMark(marked.id, 'self-revolution'), ' and of 全过程人民民主.'),
    )
    for (const term of [linked, marked]) {
      expect((await page(`/glossary/${term.slug}`)).status).toBe(404)
      expect((await anonymousSearch(term.original)).docs.filter((d) => d.collection === 'glossary-terms')).toEqual([])
      expect((await rest('GET', `glossary-terms/${term.id}`)).status).toBe(404)
    }
    expect((await page('/glossary')).text).not.toContain('自我革命')
    expect((await page(`/issues/${issue.slug}`)).text).not.toContain('self-revolution')

    await rest('PATCH', `items/${item.id}`, { as: editor, body: { _status: 'published' } })
    for (const term of [linked, marked]) {
      expect((await page(`/glossary/${term.slug}`)).status).toBe(200)
      expect((await rest('GET', `glossary-terms/${term.id}`)).status).toBe(200)
      expect((await anonymousSearch(term.original)).docs.some((d) => d.collection === 'glossary-terms')).toBe(true)
    }
    expect((await page(`/issues/${issue.slug}`)).text).toContain('/glossary/self-revolution')
  })

  it('is public once an editor reviews it', async () => {
    const term = await payload.create({
      collection: 'glossary-terms',
      data: { english: 'people-centred', original: '以人民为中心', status: 'unreviewed' } as never,
    })
    expect((await anonymousSearch('以人民为中心')).docs).toEqual([])
    await rest('PATCH', `glossary-terms/${term.id}`, { as: editor, body: { status: 'reviewed' } })
    expect((await page(`/glossary/${term.slug}`)).status).toBe(200)
    expect((await anonymousSearch('以人民为中心')).docs.some((d) => d.collection === 'glossary-terms')).toBe(true)
  })
})

describe('read access is the single source of truth for the public pages', () => {
  it('a term an editor makes private again disappears from the issue and item pages, not only from the glossary', async () => {
    const section = await payload.create({ collection: 'sections', data: { name: 'Access Section', style: 'full' } })
    const term = await payload.create({
      collection: 'glossary-terms',
      data: { english: 'dual circulation', original: '双循环', kind: 'term', status: 'unreviewed' } as never,
    })
    const issue = await payload.create({
      collection: 'issues',
      data: { volume: 9, number: 3, sections: [{ section: section.id }] } as never,
      draft: true,
    })
    const item = await draftItem(
      issue.id,
      section.id,
      'On dual circulation',
      [term.id],
      paragraphWith('The plan for ', termMark(term.id, 'dual circulation'), '.'),
    )
    await rest('PATCH', `issues/${issue.id}`, { as: editor, body: PUBLISH })
    expect((await page(`/items/${item.id}`)).text).toContain('/glossary/dual-circulation')

    await rest('PATCH', `glossary-terms/${term.id}`, { as: editor, body: { public: false } })
    expect((await page('/glossary/dual-circulation')).status).toBe(404)
    expect((await page(`/items/${item.id}`)).text).not.toContain('/glossary/dual-circulation')
    expect((await page(`/issues/${issue.slug}`)).text).not.toContain('/glossary/dual-circulation')
    expect((await page(`/issues/${issue.slug}`)).text).toContain('dual circulation')
  })
})

describe('prev/next links of the issue pages', () => {
  it('publishing an issue beside a draft refreshes the page of its published neighbour, not the draft', async () => {
    const section = await payload.create({ collection: 'sections', data: { name: 'Nav Section', style: 'full' } })
    const issue = (number: number, status: 'draft' | 'published') =>
      payload.create({
        collection: 'issues',
        data: { volume: 8, number, sections: [{ section: section.id }], _status: status } as never,
        draft: status === 'draft',
      })
    const first = await issue(1, 'published')
    await issue(2, 'draft')
    const third = await issue(3, 'draft')
    const fourth = await issue(4, 'published')
    await invalidationsSettled()
    // The first page links over the drafts to the next published issue, and is cached.
    expect((await page(`/issues/${first.slug}`)).text).toContain(`rel="next" href="/issues/${fourth.slug}"`)
    expect(isCached(`/issues/${first.slug}`)).toBe(true)

    // An editor (who may read drafts) publishes the third: its public neighbours are the first and
    // the fourth, so the first page must drop (its next link is now the third), not the draft's.
    const res = await rest('PATCH', `issues/${third.id}`, { as: editor, body: PUBLISH })
    expect(res.status).toBe(200)
    expect(isCached(`/issues/${first.slug}`)).toBe(false)
    expect((await page(`/issues/${first.slug}`)).text).toContain(`rel="next" href="/issues/${third.slug}"`)
  })
})
