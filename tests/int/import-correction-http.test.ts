import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ImportedReport, RoledBlock } from '../../src/importer/types'
import { serveImportApi } from '../helpers/importApi'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { REPORT } from './import-correction-text'

let t: TestPayload
let api: Awaited<ReturnType<typeof serveImportApi>>

beforeAll(async () => {
  t = await bootPayload('import-correction-http')
  api = await serveImportApi(t.payload)
})
afterAll(async () => {
  await api?.close()
  await t?.close()
})

const counts = async () =>
  Promise.all(
    ['issues', 'items', 'sections', 'sources'].map(
      async (c) => (await t.payload.count({ collection: c as 'items' })).totalDocs,
    ),
  )

describe('POST /api/import with corrections (real HTTP)', () => {
  it('previews with the corrections, and Import writes exactly that structure', async () => {
    const first = await api.upload('report.txt', REPORT, { dryRun: true })
    expect(first.status).toBe(200)
    const blocks = (first.body.recognised as ImportedReport).blocks as RoledBlock[]
    const at = blocks.findIndex((b) => b.text === 'Harbour Evening Gazette')
    expect(blocks[at].role).toBe('section-heading')
    const corrections = [{ op: 'role', block: at, role: 'source' }]

    const preview = await api.upload('report.txt', REPORT, { dryRun: true, corrections })
    expect(preview.status).toBe(200)
    const seen = preview.body.recognised as ImportedReport
    expect(seen.sections.map((s) => s.name)).toEqual(['Leaders', 'Economy'])
    expect(seen.blocks![at].role).toBe('source')
    expect(preview.body.preview).not.toContain('Harbour Evening Gazette (')

    const written = await api.upload('report.txt', REPORT, { corrections: JSON.stringify(corrections) })
    expect(written.status).toBe(200)
    expect((written.body.recognised as ImportedReport).sections).toEqual(seen.sections)
    const issue = (await t.payload.find({ collection: 'issues', where: { slug: { equals: '6-2' } } })).docs[0]
    const items = await t.payload.find({
      collection: 'items',
      where: { issue: { equals: issue.id } },
      sort: 'position',
      depth: 1,
      draft: true,
    })
    const saved = items.docs.map((d) => [
      d.headline,
      (d.section as { name: string }).name,
      (d.sources as Array<{ name: string }>).map((s) => s.name),
    ])
    const expected = seen.sections.flatMap((s) => s.items.map((i) => [i.headline ?? null, s.name, i.sources]))
    expect(saved).toEqual(expect.arrayContaining(expected))
    expect(saved).toHaveLength(expected.length)
    expect(saved).toContainEqual(['A Council Meets on Rivers', 'Leaders', ['Harbour Evening Gazette']])
    const sections = await t.payload.find({
      collection: 'sections',
      where: { name: { equals: 'Harbour Evening Gazette' } },
    })
    expect(sections.totalDocs).toBe(0)
  })

  it('refuses bad corrections with a 400 in the error shape and writes nothing', async () => {
    const before = await counts()
    const cases: Array<[unknown, RegExp]> = [
      [[{ op: 'role', block: 99, role: 'source' }], /^report\.txt: correction 1: there is no block 99/],
      [[{ op: 'role', block: 1, role: 'footer' }], /correction 1: unknown role "footer"/],
      [[{ op: 'shuffle', block: 1 }], /correction 1: unknown op "shuffle"/],
      [{ op: 'join' }, /corrections must be a list/],
      ['not json', /corrections must be a list/],
      [[{ op: 'role', block: 0, role: 'body' }], /^report\.txt:1: a report needs exactly one header block/],
    ]
    for (const [corrections, message] of cases) {
      const answer = await api.upload('report.txt', REPORT, { corrections })
      expect(answer.status, JSON.stringify(corrections)).toBe(400)
      expect((answer.body.errors as Array<{ message: string }>)[0].message).toMatch(message)
    }
    expect(await counts()).toEqual(before)
  })
})
