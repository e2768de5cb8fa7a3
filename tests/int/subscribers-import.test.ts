import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSubscribers, importSubscribers, parseCsv } from '../../src/newsletter/csv'
import { ensureFirstNewsletter } from '../../src/newsletter/newsletters'
import { subscriberStats } from '../../src/newsletter/stats'
import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('subscribers-import')
  await t.payload.create({
    collection: 'subscribers',
    data: { email: 'already@example.com', status: 'active' },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await t?.close()
})

const CSV = [
  'email,name',
  'Ada@Example.com,Ada Lovelace',
  '"grace@example.com","Hopper, Grace"',
  'not-an-email,Nobody',
  'already@example.com,Old Friend',
  'ada@example.com,Ada again',
  '',
  ',Missing Address',
  'linus@example.com,',
].join('\r\n')

describe('CSV import and export', () => {
  it('parses quoted fields', () => {
    expect(parseCsv('a,"b, c","d ""e"""\n1,2,3')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['1', '2', '3'],
    ])
  })

  it('imports new addresses as pending, and reports skipped and invalid rows with line numbers', async () => {
    const report = await importSubscribers(t.payload, CSV)
    expect(report.imported).toBe(3)
    expect(report.skipped).toEqual([
      { line: 5, email: 'already@example.com', reason: expect.stringMatching(/already/) },
      { line: 6, email: 'ada@example.com', reason: expect.stringMatching(/already|earlier/) },
    ])
    expect(report.invalid).toEqual([
      { line: 4, value: 'not-an-email', reason: 'not a valid email address' },
      { line: 8, value: '', reason: 'missing email' },
    ])
    const ada = (
      await t.payload.find({
        collection: 'subscribers',
        where: { email: { equals: 'ada@example.com' } },
        overrideAccess: true,
      })
    ).docs
    expect(ada).toHaveLength(1)
    expect(ada[0]).toMatchObject({ name: 'Ada Lovelace', status: 'pending', source: 'import' })
    const grace = (
      await t.payload.find({
        collection: 'subscribers',
        where: { email: { equals: 'grace@example.com' } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(grace.name).toBe('Hopper, Grace')
  })

  it('exports every subscriber as CSV, and counts them by status over time', async () => {
    const rows = parseCsv(await exportSubscribers(t.payload)).filter((r) => r.length > 1)
    expect(rows[0]).toEqual([
      'email',
      'name',
      'status',
      'newsletters',
      'tags',
      'source',
      'confirmedAt',
      'unsubscribedAt',
      'createdAt',
    ])
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['ada@example.com', 'already@example.com', 'grace@example.com', 'linus@example.com'])
    expect(rows.find((r) => r[0] === 'grace@example.com')?.[1]).toBe('Hopper, Grace')
    const stats = await subscriberStats(t.payload)
    expect(stats.counts).toMatchObject({ total: 4, active: 1, pending: 3 })
    expect(stats.timeline.at(-1)).toMatchObject({ active: 1, total: 4 })
  })

  it('`briefing subscribers import <file> --confirmed` marks rows active and prints the report', async () => {
    const file = path.join(t.dir, 'list.csv')
    fs.writeFileSync(
      file,
      'email,name\nnew1@example.com,New One\nnew2@example.com,New Two\nbroken,\nnew1@example.com,dup\n',
    )
    const run = await briefing(['subscribers', 'import', file, '--confirmed'])
    expect(run.status, run.stderr + run.stdout).toBe(0)
    expect(run.stdout).toContain('imported 2, skipped 1, invalid 1')
    expect(run.stdout).toContain('line 4: invalid "broken"')
    expect(run.stdout).toContain('line 5: skipped new1@example.com')
    const exported = await briefing(['subscribers', 'export'])
    expect(exported.status, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/^email,name,status/)
    expect(exported.stdout).toMatch(/new2@example\.com,New Two,active,[a-z0-9-]+,,import,20\d\d-/)
  }, 240_000)

  it('imports `newsletters` and `tags` columns (`;`-separated) and exports them back', async () => {
    const first = await ensureFirstNewsletter(t.payload)
    await t.payload.create({
      collection: 'newsletters',
      data: { name: 'Markets', slug: 'markets', tracking: 'off' },
      overrideAccess: true,
    })
    const report = await importSubscribers(
      t.payload,
      [
        'email,name,newsletters,tags',
        `both@example.com,Both,markets; ${first.slug},Press;vip`,
        'markets@example.com,,markets,',
        'plain@example.com,,,press',
        'wrong@example.com,,nope;markets,',
      ].join('\n'),
      { confirmed: true },
    )
    expect(report).toMatchObject({ imported: 3, skipped: [] })
    expect(report.invalid).toEqual([{ line: 5, value: 'wrong@example.com', reason: 'unknown newsletter "nope"' }])
    const rows = parseCsv(await exportSubscribers(t.payload))
    const row = (email: string) => rows.find((r) => r[0] === email)!
    expect(row('both@example.com').slice(2, 5)).toEqual(['active', `${first.slug};markets`, 'press;vip'])
    expect(row('markets@example.com').slice(2, 5)).toEqual(['active', 'markets', ''])
    expect(row('plain@example.com').slice(2, 5)).toEqual(['active', first.slug, 'press'])
    expect(rows.some((r) => r[0] === 'wrong@example.com')).toBe(false)
    const both = await t.payload.find({
      collection: 'subscribers',
      where: { tags: { in: ['vip'] } },
      overrideAccess: true,
    })
    expect(both.docs.map((d) => d.email)).toEqual(['both@example.com'])
  })
})
