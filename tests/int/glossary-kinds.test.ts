import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { consistencyReport } from '../../src/glossary/consistency'
import { relationKeys } from '../../src/search/text'
import { richText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

/** Glossary linking, consistency and a term's "used in" cover translations and special-issue entries (issue 14). */
let t: TestPayload
let web: { url: string; close: () => Promise<void> }
let zero: { id: number | string; slug?: string | null }
let translation: { id: number | string; slug?: string | null }
let special: { id: number | string; slug?: string | null }

beforeAll(async () => {
  t = await bootPayload('glossary-kinds')
  await seed(t.payload)
  web = await startWebApp(t.payload)
  zero = (await t.payload.find({ collection: 'glossary-terms', where: { original: { equals: '动态清零' } } })).docs[0]
  translation = await t.payload.create({
    collection: 'translations',
    data: {
      headline: 'Notice on epidemic control',
      introduction: richText('The notice restates the dynamic clearing-out (动态清零) policy.'),
      body: richText('Article 1 Adhere to dynamic zero (动态清零).'),
      _status: 'published',
    },
    overrideAccess: true,
  })
  special = await t.payload.create({
    collection: 'issues',
    data: {
      kind: 'special',
      title: 'China Insight',
      subtitle: 'Special Issue on Epidemic Control',
      entryGroups: [
        {
          heading: 'March 5',
          entries: [{ headline: 'Control measures eased', body: richText('An end to zero-COVID (动态清零) rules.') }],
        },
      ],
      _status: 'published',
    },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('glossary: translations and special issues', () => {
  it('links the terms a translation or a special-issue entry glosses as "English (汉字)"', async () => {
    const savedTranslation = await t.payload.findByID({ collection: 'translations', id: translation.id, depth: 0 })
    expect(relationKeys(savedTranslation.terms)).toEqual([String(zero.id)])
    const savedIssue = await t.payload.findByID({ collection: 'issues', id: special.id, depth: 0 })
    expect(relationKeys((savedIssue as { terms?: unknown }).terms)).toEqual([String(zero.id)])
  })

  it('reports their renderings in the consistency report, each pointing to its document', async () => {
    const report = await consistencyReport(t.payload)
    const found = report.inconsistencies.find((i) => i.original === '动态清零')
    expect(found?.preferred).toBe('dynamic zero')
    const refs = Object.fromEntries(
      found!.renderings.map((r) => [r.english, r.items.map((i) => `${i.collection}:${i.id}:${i.title}`).sort()]),
    )
    expect(refs['dynamic clearing-out']).toEqual([`translations:${translation.id}:Notice on epidemic control`])
    expect(refs['zero-COVID']).toEqual([`issues:${special.id}:Control measures eased`])
    expect(refs['dynamic zero']).toContain(`translations:${translation.id}:Notice on epidemic control`)
    expect(found!.renderings.flatMap((r) => r.items).find((i) => i.collection === 'issues')?.url).toBe(
      `/admin/collections/issues/${special.id}`,
    )
  })

  it("lists them on the term's page (used in)", async () => {
    const res = await fetch(`${web.url}/glossary/${zero.slug}`)
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain(`<a href="/translations/${translation.slug}">Notice on epidemic control</a>`)
    expect(page).toContain(`<a href="/special/${special.slug}#control-measures-eased">Control measures eased</a>`)
  })

  it('makes a term public once a published translation or special issue uses it', async () => {
    const fresh = async (english: string, original: string) =>
      t.payload.create({
        collection: 'glossary-terms',
        data: { english, original, kind: 'term', status: 'unreviewed' },
        overrideAccess: true,
      })
    const [a, b] = [await fresh('rural revitalization', '乡村振兴'), await fresh('new urbanization', '新型城镇化')]
    expect([a.public, b.public]).toEqual([false, false])
    await t.payload.create({
      collection: 'translations',
      data: { headline: 'Rural notice', body: richText('On rural revitalization (乡村振兴).'), _status: 'published' },
      overrideAccess: true,
    })
    await t.payload.create({
      collection: 'issues',
      data: {
        kind: 'special',
        title: 'China Insight',
        subtitle: 'Special Issue on Towns',
        entryGroups: [
          { heading: 'May 1', entries: [{ headline: 'Towns', body: richText('New urbanization (新型城镇化).') }] },
        ],
        _status: 'published',
      },
      overrideAccess: true,
    })
    const reread = async (id: number | string) =>
      (await t.payload.findByID({ collection: 'glossary-terms', id, depth: 0, overrideAccess: true })).public
    expect([await reread(a.id), await reread(b.id)]).toEqual([true, true])
    expect((await fetch(`${web.url}/glossary/${a.slug}`)).status).toBe(200)
  })
})
