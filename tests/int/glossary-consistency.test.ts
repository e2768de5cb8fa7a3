import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { applyPreferredRendering, consistencyReport } from '../../src/glossary/consistency'
import { suggestionsForItem } from '../../src/glossary/suggestions'
import { idFromKey } from '../../src/lib/relations'
import { richText } from '../../src/lib/richtext'
import { lexicalText } from '../../src/search/text'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { buildArchive, paragraphWith, termMark, type Archive } from './search-fixtures'

let t: TestPayload
let a: Archive
let editor: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  t = await bootPayload('glossary')
  a = await buildArchive(t.payload)
  editor = await makeUser(t.payload, 'editor')
})
afterAll(async () => {
  await t?.close()
})

const editorReq = () => createLocalReq({ user: editor }, t.payload)
const bodyText = async (id: number | string, draft: boolean) =>
  lexicalText((await t.payload.findByID({ collection: 'items', id, draft, depth: 0, overrideAccess: true })).body)

describe('consistency report', () => {
  it('finds an original rendered two ways, from text patterns and inline marks, with the items', async () => {
    await t.payload.create({
      collection: 'items',
      draft: true,
      overrideAccess: true,
      data: {
        _status: 'draft',
        issue: a.draftIssue,
        section: a.senior,
        headline: 'Productivity Memo',
        body: paragraphWith('The plenum praised ', termMark(a.productive, 'new-quality productivity'), '.') as never,
      },
    })
    const report = await consistencyReport(t.payload)
    const zero = report.inconsistencies.find((i) => i.original === '动态清零')
    expect(zero).toBeDefined()
    expect(zero?.preferred).toBe('dynamic zero')
    expect(zero?.term?.id).toBe(String(a.dynamicZero))
    const groups = Object.fromEntries(
      zero!.renderings.map((r) => [r.english.toLowerCase(), r.items.map((i) => String(i.id)).sort()]),
    )
    expect(groups).toEqual({
      'dynamic zero': [String(a.zeroFull), String(a.draftItem)].sort(),
      'dynamic clearing': [String(a.zeroBrief)],
    })
    const forces = report.inconsistencies.find((i) => i.original === '新质生产力')
    expect(forces?.renderings.map((r) => r.english).sort()).toEqual([
      'new quality productive forces',
      'new-quality productivity',
    ])
    expect(report.inconsistencies.find((i) => i.original === '王沪宁')).toBeUndefined()
  })

  it('lists terms used in published items that are unreviewed or lack a definition', async () => {
    const loose = await t.payload.create({
      collection: 'glossary-terms',
      overrideAccess: true,
      data: { english: 'top priority', original: '首要任务', kind: 'term', status: 'unreviewed' },
    })
    const draftOnly = await t.payload.create({
      collection: 'glossary-terms',
      overrideAccess: true,
      data: { english: 'common prosperity', original: '共同富裕', kind: 'term', status: 'unreviewed' },
    })
    await t.payload.update({
      collection: 'items',
      id: a.forces,
      overrideAccess: true,
      data: { terms: [a.productive, loose.id] },
    })
    await t.payload.update({
      collection: 'items',
      id: a.draftItem,
      draft: true,
      overrideAccess: true,
      data: { terms: [draftOnly.id] },
    })
    const { termProblems } = await consistencyReport(t.payload)
    expect(termProblems).toEqual([
      {
        id: String(loose.id),
        english: 'top priority',
        original: '首要任务',
        problems: ['unreviewed', 'no definition'],
        items: 1,
      },
    ])
  })
})

describe('applying the preferred rendering', () => {
  it('saves chosen items as new drafts with the preferred English; the published text stays until published', async () => {
    const versionsBefore = await t.payload.countVersions({
      collection: 'items',
      where: { parent: { equals: a.zeroBrief } },
    })
    const result = await applyPreferredRendering(await editorReq(), {
      original: '动态清零',
      preferred: 'dynamic zero',
      items: [a.zeroBrief, a.zeroFull],
    })
    expect(result).toEqual({ changed: [a.zeroBrief], unchanged: [a.zeroFull] })
    expect(await bodyText(a.zeroBrief, true)).toContain('“dynamic zero” (动态清零)')
    expect(await bodyText(a.zeroBrief, false)).toContain('“dynamic clearing” (动态清零)')
    const versionsAfter = await t.payload.countVersions({
      collection: 'items',
      where: { parent: { equals: a.zeroBrief } },
    })
    expect(versionsAfter.totalDocs).toBe(versionsBefore.totalDocs + 1)
    const report = await consistencyReport(t.payload)
    expect(report.inconsistencies.find((i) => i.original === '动态清零')).toBeUndefined()
  })

  it('rewrites inline marks too', async () => {
    const report = await consistencyReport(t.payload)
    const forces = report.inconsistencies.find((i) => i.original === '新质生产力')!
    const ids = forces.renderings.flatMap((r) => r.items.map((i) => i.id))
    const result = await applyPreferredRendering(await editorReq(), {
      original: '新质生产力',
      preferred: 'new quality productive forces',
      items: ids,
    })
    expect(result.changed).toHaveLength(1)
    expect((await consistencyReport(t.payload)).inconsistencies).toEqual([])
  })

  it('changes nothing when any chosen item is missing, and refuses bad input', async () => {
    await t.payload.update({
      collection: 'items',
      id: a.zeroFull,
      draft: true,
      overrideAccess: true,
      data: { body: richText('Officials spoke of “zero-COVID” (动态清零) again.') as never },
    })
    const err = await applyPreferredRendering(await editorReq(), {
      original: '动态清零',
      preferred: 'dynamic zero',
      items: [a.zeroFull, 987654],
    }).catch((e) => e)
    expect(err.status).toBe(404)
    expect(await bodyText(a.zeroFull, true)).toContain('“zero-COVID” (动态清零)')
    await expect(
      applyPreferredRendering(await editorReq(), { original: 'zero', preferred: 'x', items: [a.zeroFull] }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      applyPreferredRendering(await editorReq(), { original: '动态清零', preferred: 'dynamic zero', items: [] }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('term suggestions and linking', () => {
  it('links inline-marked and "English (汉字)" terms on save, and suggests terms merely mentioned', async () => {
    const forces = await t.payload.findByID({ collection: 'items', id: a.forces, depth: 0, overrideAccess: true })
    expect(forces.terms).toEqual(expect.arrayContaining([a.productive, a.wang])) // Wang Huning (王沪宁) in the text
    const item = await t.payload.create({
      collection: 'items',
      draft: true,
      overrideAccess: true,
      data: {
        _status: 'draft',
        issue: a.draftIssue,
        section: a.senior,
        headline: 'Wang Huning on Dynamic Clearing',
        body: richText('Wang Huning spoke; the end of dynamic clearing was noted.') as never,
      },
    })
    expect(item.terms ?? []).toEqual([])
    const suggestions = await suggestionsForItem(t.payload, String(item.id))
    expect(suggestions?.map((s) => [s.english, s.matched])).toEqual([
      ['dynamic zero', 'dynamic clearing'],
      ['Wang Huning', 'Wang Huning'],
    ])
    await t.payload.update({
      collection: 'items',
      id: item.id,
      draft: true,
      overrideAccess: true,
      data: { terms: suggestions!.map((s) => idFromKey(s.id)) as number[] },
    })
    expect(await suggestionsForItem(t.payload, String(item.id))).toEqual([])
  })
})
