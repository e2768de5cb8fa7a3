import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generalise, linePattern } from '../../src/importer/correct/rules'
import type { ImportedReport, RoledBlock } from '../../src/importer/types'
import { briefingSync } from '../helpers/cli'
import { serveImportApi } from '../helpers/importApi'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { NEXT_REPORT, REPORT } from './import-correction-text'

let t: TestPayload
let api: Awaited<ReturnType<typeof serveImportApi>>

beforeAll(async () => {
  t = await bootPayload('import-profiles')
  api = await serveImportApi(t.payload)
})
afterAll(async () => {
  await api?.close()
  await t?.close()
})

const blocksOf = (body: Record<string, unknown>) => (body.recognised as ImportedReport).blocks as RoledBlock[]
const sectionsOf = (body: Record<string, unknown>) =>
  (body.recognised as ImportedReport).sections.map((s) => [s.name, s.items.map((i) => [i.headline, i.sources])])
const briefing = (...args: string[]) => briefingSync(args, { BRIEFING_JOBS_AUTORUN: '0', NO_COLOR: '1' })

describe('corrections generalised into profile rules', () => {
  it('finds lines by their words, any number standing for any number; a long line by its first words', () => {
    expect(linePattern('Harbour Evening Gazette')).toBe('^Harbour\\s+Evening\\s+Gazette$')
    expect(linePattern('Posted on March 3, 2016')).toBe('^Posted\\s+on\\s+March\\s+\\d+,\\s+\\d+$')
    expect(linePattern('Share this: a very long line of page chrome (1 of 2) here')).toBe(
      '^Share\\s+this:\\s+a\\s+very\\s+long\\s+line',
    )
    const blocks: RoledBlock[] = [
      { line: 1, role: 'body', text: 'Harbour Evening Gazette' },
      { line: 2, role: 'body', text: 'First half. Second half' },
      { line: 3, role: 'body', text: 'tail' },
    ]
    expect(
      generalise(blocks, [
        { op: 'role', block: 0, role: 'source' },
        { op: 'split', block: 1, offset: 12 },
        { op: 'join', block: 2 },
      ]),
    ).toEqual([
      { op: 'role', match: '^Harbour\\s+Evening\\s+Gazette$', role: 'source' },
      { op: 'split', match: '^First\\s+half\\.\\s+Second\\s+half$', before: 'Second\\s+half' },
      { op: 'join', match: '^Second\\s+half$' },
    ])
  })

  it('refuses a profile whose rules are not valid, naming the rule', async () => {
    const bad = [
      [{ op: 'role', match: '(', role: 'source' }, /Rule 1: "match" must be plain text with \\d\+ for a number/],
      // Patterns run on the server against every line: nested quantifiers (catastrophic backtracking) are refused.
      [{ op: 'role', match: '^(a+)+$', role: 'source' }, /Rule 1: "match" must be plain text/],
      [{ op: 'split', match: 'x', before: '(\\w|\\d)*z' }, /Rule 1: "before" must be plain text/],
      [{ op: 'role', match: 'x', role: 'footer' }, /Rule 1: unknown role "footer"/],
      [{ op: 'dance', match: 'x' }, /Rule 1: unknown op "dance"/],
    ] as const
    for (const [rule, message] of bad) {
      const data = { name: 'Bad', kind: 'report' as const, rules: [rule] }
      const err = await t.payload.create({ collection: 'import-profiles', data }).catch((e: unknown) => e)
      expect((err as { data: { errors: Array<{ message: string }> } }).data.errors[0].message).toMatch(message)
    }
    const err = await t.payload
      .create({ collection: 'import-profiles', data: { name: 'Bad', kind: 'report', match: '(x+x+)+y', rules: [] } })
      .catch((e: unknown) => e)
    expect((err as { data: { errors: Array<{ message: string }> } }).data.errors[0].message).toMatch(
      /pattern must be plain text/,
    )
    expect((await t.payload.count({ collection: 'import-profiles' })).totalDocs).toBe(0)
  })

  it('a catastrophic pattern stored below validation matches nothing: the import does not hang', async () => {
    const evil = {
      name: 'Evil',
      kind: 'report' as const,
      match: '^(a+)+$',
      rules: [{ op: 'role', match: '^(a+)+$', role: 'chrome' }],
    }
    const doc = await t.payload.db.create({ collection: 'import-profiles', data: evil })
    try {
      const res = await api.upload('evil.txt', `${'a'.repeat(40)}!\n\n${REPORT}`, { dryRun: true, profile: 'Evil' })
      expect(res.status).toBe(200)
      expect(res.body.profile).toBe('Evil')
    } finally {
      await t.payload.db.deleteOne({ collection: 'import-profiles', where: { id: { equals: doc.id } } })
    }
  })
})

describe('import profiles: saved from the correction step, applied to later imports of the kind', () => {
  it('saves the corrections as "CACR Wix page" and applies it to the next report by itself', async () => {
    const first = await api.upload('report.txt', REPORT, { dryRun: true })
    const at = blocksOf(first.body).findIndex((b) => b.text === 'Harbour Evening Gazette')
    const saved = await api.upload('report.txt', REPORT, {
      dryRun: true,
      corrections: [{ op: 'role', block: at, role: 'source' }],
      saveProfile: 'CACR Wix page',
    })
    expect(saved.status).toBe(200)
    const profile = (await t.payload.find({ collection: 'import-profiles' })).docs[0]
    expect(profile).toMatchObject({
      name: 'CACR Wix page',
      kind: 'report',
      format: 'txt',
      rules: [{ op: 'role', match: '^Harbour\\s+Evening\\s+Gazette$', role: 'source' }],
    })

    const next = await api.upload('next.txt', NEXT_REPORT, { dryRun: true })
    expect(next.status).toBe(200)
    expect(next.body.profile).toBe('CACR Wix page')
    expect(next.body.preview).toMatch(/^profile "CACR Wix page" applied\n/)
    expect(sectionsOf(next.body)).toEqual([
      [
        'Leaders',
        [
          ['A Minister Visits a Dam', []],
          ['New Rules Are Issued for Ferries', ['Harbour Evening Gazette']],
          ['Buses Will Run Later at Night Now', []],
        ],
      ],
    ])
  })

  it('a profile whose "match" finds no line of the file is not applied', async () => {
    await t.payload.create({
      collection: 'import-profiles',
      data: { name: 'Chinascope post', kind: 'article', match: 'chinascope', rules: [] },
    })
    const profile = (
      await t.payload.find({ collection: 'import-profiles', where: { name: { equals: 'CACR Wix page' } } })
    ).docs[0]
    await t.payload.update({ collection: 'import-profiles', id: profile.id, data: { match: '^CACR\\b' } })
    const next = await api.upload('next.txt', NEXT_REPORT, { dryRun: true })
    expect(next.body.profile).toBeUndefined()
    expect(sectionsOf(next.body).map(([name]) => name)).toEqual(['Leaders', 'Harbour Evening Gazette'])
    const marked = await api.upload('next.txt', `CACR\n\n${NEXT_REPORT}`, { dryRun: true })
    expect(marked.body.profile).toBe('CACR Wix page')
  })

  it('the CLI applies a profile named with --profile; an unknown name is a clear error and writes nothing', async () => {
    const file = path.join(t.dir, 'next.txt')
    fs.writeFileSync(file, NEXT_REPORT)
    const run = briefing('import', file, '--dry-run', '--profile', 'cacr wix page')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^profile "CACR Wix page" applied\n/)
    expect(run.stdout).toContain('sources: Harbour Evening Gazette')
    expect(run.stdout).toMatch(/\d+\s+source\s+Harbour Evening Gazette/)

    const unknown = briefing('import', file, '--profile', 'Nope')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr.trim().split('\n').at(-1)).toBe(
      'briefing: no import profile named "Nope" (saved profiles: "CACR Wix page", "Chinascope post")',
    )
    expect((await t.payload.count({ collection: 'issues' })).totalDocs).toBe(0)
  }, 300_000)
})
