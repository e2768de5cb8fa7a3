import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile } from '../../src/importer/run'
import { seed } from '../../src/seed'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

/**
 * Term and source names are matched against text. Rows longer than the fields now allow (written
 * before the limit, below validation) must not break pages, feeds or imports.
 */
let t: TestPayload
let web: Awaited<ReturnType<typeof startWebApp>>
let itemId: number | string
const longWords = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ')
const LONG_TERM = longWords(6000) // ~40,000 characters
// PostgreSQL's btree index on the unique source name holds at most ~2,700 bytes per row, so rows
// longer than that could never have been written there; there the legacy row is as long as it can be.
const LONG_SOURCE = process.env.POSTGRES_URI ? longWords(330) : longWords(5500) // ~2,600 / ~39,000 characters

beforeAll(async () => {
  t = await bootPayload('long-names')
  await seed(t.payload)
  const term = await t.payload.db.create({
    collection: 'glossary-terms',
    data: {
      english: LONG_TERM,
      original: `长${'词'.repeat(8000)}`,
      slug: 'long-term',
      kind: 'term',
      status: 'reviewed',
    },
  })
  await t.payload.db.create({ collection: 'sources', data: { name: LONG_SOURCE, slug: 'long-source' } })
  const issue = (await t.payload.find({ collection: 'issues', where: { slug: { equals: '3-9' } } })).docs[0]!
  const item = (await t.payload.find({ collection: 'items', where: { issue: { equals: issue.id } }, limit: 1 }))
    .docs[0]!
  itemId = item.id
  const terms = (item.terms ?? []).map((x) => (typeof x === 'object' ? x.id : x))
  await t.payload.update({ collection: 'items', id: item.id, data: { terms: [...terms, term.id] } })
  web = await startWebApp(t.payload)
}, 120_000)
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('long term and source names', () => {
  it('pages and feeds still answer 200 with a 40,000-character term linked to a published item', async () => {
    for (const p of ['/issues/3-9', `/items/${itemId}`, '/feed.xml', '/atom.xml', '/feed.json', '/glossary']) {
      const res = await fetch(`${web.url}${p}`)
      expect(res.status, p).toBe(200)
    }
  })

  it('imports still work with a source name far over the limit (39,000 characters; ~2,600 on PostgreSQL) in the database', async () => {
    const html = fs.readFileSync(path.resolve('tests/fixtures/import/weekly-report-4-68.html'))
    const result = await importFile(t.payload, 'weekly-report-4-68.html', html, { dryRun: true })
    expect(result.error).toBeUndefined()
    expect(result.ok).toBe(true)
  })

  it('new names are limited to 200 characters with a clear message', async () => {
    const long = 'x'.repeat(201)
    await expect(
      t.payload.create({
        collection: 'glossary-terms',
        data: { english: long, original: '长词', kind: 'term', status: 'reviewed' },
      }),
    ).rejects.toThrow(/English rendering/)
    await expect(
      t.payload.create({
        collection: 'glossary-terms',
        data: { english: 'ok', original: '长'.repeat(201), kind: 'term', status: 'reviewed' },
      }),
    ).rejects.toThrow(/Original/)
    await expect(t.payload.create({ collection: 'sources', data: { name: long } })).rejects.toThrow(/Name/)
    const fine = await t.payload.create({ collection: 'sources', data: { name: 'y'.repeat(200) } })
    expect(fine.name).toHaveLength(200)
  })
})
