import type { Payload } from 'payload'

import { richText } from '../../src/lib/richtext'

type Id = number | string

/** A glossary inline mark node, the shape stored by the editor. */
export const termMark = (term: Id, text: string) => ({
  type: 'inlineBlock',
  version: 1,
  fields: { id: `mark-${String(term)}-${text.length}`, blockType: 'glossaryTerm', term, text },
})

/** A paragraph mixing plain text and inline marks. */
export const paragraphWith = (...parts: Array<string | ReturnType<typeof termMark>>) => {
  const doc = richText('x')
  const para = doc.root.children[0] as { children: unknown[] }
  para.children = parts.map((p) =>
    typeof p === 'string' ? { type: 'text', text: p, format: 0, detail: 0, mode: 'normal', style: '', version: 1 } : p,
  )
  return doc
}

/**
 * A small archive: two published issues (2022 and 2024) and one draft issue, items in English with
 * Chinese terms, one rendering 动态清零 as "dynamic zero" and one as "dynamic clearing".
 */
export async function buildArchive(payload: Payload) {
  const { senior, org, xinhua, daily, dynamicZero, productive, wang } = await createReferences(payload)
  const { i2022, i2024, draftIssue } = await createIssues(payload)
  const item = async (data: Record<string, unknown>) =>
    (
      await payload.create({
        collection: 'items',
        draft: true,
        overrideAccess: true,
        data: { _status: 'draft', ...data } as never,
      })
    ).id
  const zeroFull = await item({
    issue: i2022,
    section: senior,
    date: '2022-04-12',
    headline: 'Xi Jinping Stresses Dynamic Zero Policies',
    sources: [xinhua],
    terms: [dynamicZero],
    body: richText('Xi said the “dynamic zero” (动态清零) policy must be upheld while the economy is protected.'),
  })
  const zeroBrief = await item({
    issue: i2022,
    section: org,
    date: '2022-04-14',
    sources: [daily],
    body: richText(
      'Shanghai officials pledged “dynamic clearing” (动态清零) within days; <script>alert(1)</script> was in the wire copy.',
    ),
  })
  const forces = await item({
    issue: i2024,
    section: senior,
    date: '2024-03-05',
    headline: 'Develop New Quality Productive Forces',
    sources: [xinhua],
    terms: [productive],
    body: paragraphWith(
      'Xi called for ',
      termMark(productive, 'new quality productive forces'),
      ' (新质生产力); Wang Huning (王沪宁) attended.',
    ),
  })
  await payload.update({ collection: 'issues', id: i2022, data: { _status: 'published' }, overrideAccess: true })
  await payload.update({ collection: 'issues', id: i2024, data: { _status: 'published' }, overrideAccess: true })
  const draftItem = await item({
    issue: draftIssue,
    section: senior,
    date: '2024-03-11',
    headline: 'Zebrafish Memo on Ending 清零',
    sources: [daily],
    body: richText('A draft about the exit from “dynamic zero” (动态清零), not yet published.'),
  })
  return {
    senior,
    org,
    xinhua,
    daily,
    dynamicZero,
    productive,
    wang,
    i2022,
    i2024,
    draftIssue,
    zeroFull,
    zeroBrief,
    forces,
    draftItem,
  }
}

/** Two sections (one full, one brief), two sources and three reviewed glossary terms (one a person). */
async function createReferences(payload: Payload) {
  const section = async (name: string, slug: string, style: 'full' | 'brief', position: number) =>
    (await payload.create({ collection: 'sections', data: { name, slug, style, position }, overrideAccess: true })).id
  const senior = await section('Senior Leaders', 'senior-leaders', 'full', 10)
  const org = await section('Organization Work', 'organization-work', 'brief', 60)
  const source = async (name: string, slug: string, originalName: string) =>
    (await payload.create({ collection: 'sources', data: { name, slug, originalName }, overrideAccess: true })).id
  const xinhua = await source('Xinhua', 'xinhua', '新华社')
  const daily = await source("People's Daily", 'peoples-daily', '人民日报')
  const term = async (english: string, original: string, extra: Record<string, unknown> = {}) =>
    (
      await payload.create({
        collection: 'glossary-terms',
        data: { english, original, kind: 'term', status: 'reviewed', definition: `About ${english}.`, ...extra },
        overrideAccess: true,
      })
    ).id
  const dynamicZero = await term('dynamic zero', '动态清零', {
    aliases: ['dynamic clearing'],
    pinyin: 'dòngtài qīnglíng',
  })
  const productive = await term('new quality productive forces', '新质生产力')
  const wang = await term('Wang Huning', '王沪宁', { kind: 'person' })
  return { senior, org, xinhua, daily, dynamicZero, productive, wang }
}

/** Draft issues 1|15 (2022), 3|9 and 3|10 (2024); buildArchive publishes the first two once their items exist. */
async function createIssues(payload: Payload) {
  const issue = async (volume: number, number: number, periodStart: string, periodEnd: string) =>
    (
      await payload.create({
        collection: 'issues',
        draft: true,
        overrideAccess: true,
        data: { volume, number, periodStart, periodEnd, plannedPublication: periodEnd, _status: 'draft' },
      })
    ).id
  const i2022 = await issue(1, 15, '2022-04-09', '2022-04-15')
  const i2024 = await issue(3, 9, '2024-03-02', '2024-03-08')
  const draftIssue = await issue(3, 10, '2024-03-09', '2024-03-15')
  return { i2022, i2024, draftIssue }
}

export type Archive = Awaited<ReturnType<typeof buildArchive>>
