import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { buildKinds, type Kinds } from './kinds-fixtures'

/** `briefing export` of a special issue and of a translation (issue 14), as a user runs it: a child process. */
let t: TestPayload
let k: Kinds

beforeAll(async () => {
  t = await bootPayload('export-kinds')
  await seed(t.payload)
  k = await buildKinds(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const ENV = { BRIEFING_JOBS_AUTORUN: '0' }

describe('briefing export of the new kinds', () => {
  it('exports a special issue as Markdown and text: dated groups, entries, photo captions with credits, sources', async () => {
    const [md, txt] = await Promise.all([
      briefing(['export', '--issue', k.specialSlug, '--format', 'md'], ENV),
      briefing(['export', '--issue', k.specialSlug, '--format', 'txt'], ENV),
    ])
    expect(md.status).toBe(0)
    const expected = [
      '# China Insight',
      '*Special Issue on the Two Sessions 2024*',
      '*Published by the International Department*',
      '## March 5',
      '### Second Session of the 14th NPC opens',
      'The session opened with a capybara report on 新质生产力.',
      '![Deputies arrive at the Great Hall](',
      'The opening meeting (XINHUA)',
      '*Sources: Xinhua*',
      '## March 6',
      '### Panel discussions continue',
    ]
    let at = -1
    for (const part of expected) {
      const next = md.stdout.indexOf(part, at + 1)
      expect(next, part).toBeGreaterThan(at)
      at = next
    }
    expect(txt.status).toBe(0)
    expect(txt.stdout).toMatch(/^China Insight\n\nSpecial Issue on the Two Sessions 2024\n/)
    expect(txt.stdout).toContain('\n\nMarch 5\n\nSecond Session of the 14th NPC opens\n\nThe session opened')
  }, 120_000)

  it('exports a translation as Markdown and JSON with its credits, original, aligned pairs, editions and update notes', async () => {
    const [md, json] = await Promise.all([
      briefing(['export', '--translation', k.translationSlug, '--format', 'md'], ENV),
      briefing(['export', '--translation', k.translationSlug, '--format', 'json'], ENV),
    ])
    expect(md.status).toBe(0)
    for (const part of [
      '# Regulations on Rural Revitalization Work',
      '> 乡村振兴工作条例',
      '*Source: Xinhua, 2024-03-01, Central Committee*',
      '*Translated by: Lincoln Davidson*',
      '*Edited by: Ann Editor*',
      '## Introduction\n\nThese regulations govern the pangolin stewardship of villages.',
      '## Translation\n\nArticle 1 These regulations are formulated to promote marmoset farming.',
      '## Original\n\n> 第一条 为了推进乡村振兴工作，制定本条例。',
      '## Updates\n\n2024-03-26: Update 26 March: the final text was added.',
    ])
      expect(md.stdout).toContain(part)
    expect(json.status).toBe(0)
    const data = JSON.parse(json.stdout)
    expect(data).toMatchObject({
      kind: 'translation',
      headline: 'Regulations on Rural Revitalization Work',
      credits: [expect.objectContaining({ person: 'Lincoln Davidson', role: 'translator' }), expect.anything()],
      bilingual: [expect.objectContaining({ zh: '第一条 制定本条例。' }), expect.anything()],
      editions: [
        expect.objectContaining({ label: 'First reading draft' }),
        expect.objectContaining({ label: 'Final' }),
      ],
    })
  }, 120_000)

  it('refuses an unknown translation, or an issue and a translation at once, with exit code 1', async () => {
    const [unknown, both] = await Promise.all([
      briefing(['export', '--translation', 'no-such-translation'], ENV),
      briefing(['export', '--issue', k.specialSlug, '--translation', k.translationSlug], ENV),
    ])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('there is no translation "no-such-translation"')
    expect(both.status).toBe(1)
    expect(both.stderr).toContain('--issue or --translation, not both')
  }, 120_000)
})
