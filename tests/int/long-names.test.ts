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
})
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

/**
 * PostgreSQL cuts identifiers at 63 characters. A name the schema wants that is longer is stored cut,
 * so every development start sees a difference and pushes again (parallel starts then collide on
 * the same ALTER TABLE). Every table, index, constraint and enum name must fit.
 */
const MAX_IDENTIFIER = 63
type DrizzleTables = Record<string, unknown>

async function wantedNames(payload: TestPayload['payload']): Promise<string[]> {
  const db = payload.db as unknown as { name: string; tables: DrizzleTables; enums?: Record<string, unknown> }
  const core =
    db.name === 'postgres'
      ? await import('@payloadcms/db-postgres/drizzle/pg-core')
      : await import('@payloadcms/db-sqlite/drizzle/sqlite-core')
  const getTableConfig = core.getTableConfig as (table: unknown) => unknown
  const names: string[] = []
  for (const table of Object.values(db.tables)) {
    const config = getTableConfig(table) as {
      name: string
      indexes: { config: { name: string } }[]
      foreignKeys: { getName: () => string }[]
      primaryKeys: { getName: () => string }[]
      uniqueConstraints: { getName?: () => string; name?: string }[]
    }
    names.push(config.name, ...config.indexes.map((i) => i.config.name))
    names.push(...config.foreignKeys.map((f) => f.getName()), ...config.primaryKeys.map((p) => p.getName()))
    names.push(...config.uniqueConstraints.map((u) => u.name ?? u.getName?.() ?? ''))
  }
  for (const e of Object.values(db.enums ?? {})) names.push((e as { enumName: string }).enumName)
  return names.filter(Boolean)
}

/** On PostgreSQL: names stored exactly 63 characters long that the schema does not want as such (cut ones). */
async function cutNames(payload: TestPayload['payload'], wanted: Set<string>): Promise<string[]> {
  if (payload.db.name !== 'postgres') return []
  const { rows } = (await (payload.db as unknown as { execute: (a: object) => Promise<unknown> }).execute({
    drizzle: payload.db.drizzle,
    raw: `SELECT relname AS name FROM pg_class WHERE length(relname) = ${MAX_IDENTIFIER}
       UNION ALL SELECT conname FROM pg_constraint WHERE length(conname) = ${MAX_IDENTIFIER}
       UNION ALL SELECT typname FROM pg_type WHERE length(typname) = ${MAX_IDENTIFIER}`,
  })) as { rows: { name: string }[] }
  return rows.map((r) => r.name).filter((n) => !wanted.has(n))
}

describe('schema identifiers', () => {
  it(`no table, index, constraint or enum name is over PostgreSQL's ${MAX_IDENTIFIER} characters (nor stored cut there)`, async () => {
    const names = await wantedNames(t.payload)
    expect(names.length).toBeGreaterThan(100)
    expect(names.filter((n) => n.length > MAX_IDENTIFIER)).toEqual([])
    expect(await cutNames(t.payload, new Set(names))).toEqual([])
  })
})
