import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import type { SearchDoc } from '../../src/search/engine'
import { configurePostingCache, postingCacheStats } from '../../src/search/postingCache'
import { search } from '../../src/search/service'
import { putDoc, queryStore, withWriteDb } from '../../src/search/store'
import { parseQuery } from '../../src/search/tokenize'
import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * The search index lives in the database: two instances on one database (this process and `briefing`
 * child processes) find what the other saved, at once, and a new instance builds nothing at start.
 */
let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('search-instances')
})
afterAll(async () => {
  await t?.close()
})

const ids = async (q: string) =>
  (await search(t.payload, { q, collection: 'items' })).docs.map((d) => String(d.id)).sort()

describe('search across instances on one database', () => {
  it('finds what another process saved; a new process finds what this one saved and rebuilds nothing at start', async () => {
    expect(await ids('consensus')).toEqual([])
    const seeded = await briefing(['seed'])
    expect(seeded.status, seeded.stderr).toBe(0)
    // Written by the child's save hooks; this process indexed nothing of it.
    const found = await search(t.payload, { q: 'consensus', collection: 'items' })
    expect(found.docs.map((d) => d.title)).toContain('Xi Jinping: Build Broad Consensus for Chinese Modernization')

    const section = await t.payload.create({
      collection: 'sections',
      data: { name: 'Quokka Desk', slug: 'quokka-desk', style: 'full' },
    })
    const issue = await t.payload.create({
      collection: 'issues',
      draft: true,
      data: { volume: 9, number: 1, periodStart: '2026-11-21', periodEnd: '2026-11-27', _status: 'draft' },
    })
    const item = await t.payload.create({
      collection: 'items',
      draft: true,
      data: {
        issue: issue.id,
        section: section.id,
        date: '2026-11-25',
        headline: 'Quokka Policy Meets 动态清零',
        body: richText('The quokka policy was discussed at length.'),
        _status: 'published',
      } as never,
    })
    await t.payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })

    // A row only the index has (no document behind it): a rebuild from the documents would drop it.
    const sentinel: SearchDoc = {
      collection: 'sources',
      id: 'sentinel',
      title: 'Quokka Sentinel',
      text: 'Only in the index.',
      extra: '',
      url: '/sources/sentinel',
      published: true,
      date: 0,
    }
    await withWriteDb(t.payload, undefined, (db) => putDoc(t.payload, db, 'sources:sentinel', sentinel))

    // A new instance: finds the item saved here, and the row only the stored index has (it rebuilt nothing).
    const other = await briefing(['search', 'quokka'])
    expect(other.status, other.stderr).toBe(0)
    expect(other.stdout).toContain('2 result(s)')
    expect(other.stdout).toContain(`/items/${item.id}`)
    expect(other.stdout).toContain('Quokka Sentinel')
  }, 400_000)

  it('ranks by BM25 with title words counted three times, then by recency', async () => {
    const doc = (id: string, date: string, title = 'Notice'): SearchDoc => ({
      collection: 'sources',
      id,
      title,
      text: 'The plenum communiqué on 动态清零.',
      extra: '',
      url: `/${id}`,
      published: true,
      date: Date.parse(date),
    })
    await withWriteDb(t.payload, undefined, async (db) => {
      await putDoc(t.payload, db, 'rank:old', doc('old', '2019-01-01'))
      await putDoc(t.payload, db, 'rank:new', doc('new', '2023-01-01'))
      await putDoc(t.payload, db, 'rank:mid', doc('mid', '2021-01-01'))
      await putDoc(t.payload, db, 'rank:titled', doc('titled', '2010-01-01', 'Plenum'))
    })
    const { hits, total } = await queryStore(t.payload, parseQuery('plenum'), {}, 10, 0)
    expect(hits.map((h) => h.doc.id)).toEqual(['titled', 'new', 'mid', 'old'])
    expect(total).toBe(4)
    const page = await queryStore(t.payload, parseQuery('plenum'), {}, 2, 2)
    expect(page.hits.map((h) => h.doc.id)).toEqual(['mid', 'old'])
    expect((await queryStore(t.payload, parseQuery('plenum'), {}, 2, 10)).total).toBe(4)
  })
})

/** Another instance's save or delete in the index: a real child process on the same database. */
const elsewhere = (...args: string[]) => {
  const child = spawnSync(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'tests/helpers/storeWrite.ts', ...args],
    { env: process.env, encoding: 'utf8', timeout: 180_000 },
  )
  expect(child.status, child.stderr).toBe(0)
}

/** Poll `probe` until it holds, for at most 2 s after the other instance's write returned. */
async function within2s(probe: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  while (!(await probe())) {
    if (Date.now() - started > 2000) throw new Error('not seen within 2 s')
    await new Promise((r) => setTimeout(r, 50))
  }
  return Date.now() - started
}

describe("the posting cache follows other instances' writes", () => {
  const keysOf = async (q: string) =>
    (await queryStore(t.payload, parseQuery(q), {}, 50, 0)).hits.map((h) => `${h.doc.collection}:${h.doc.id}`)

  it('a save and a delete through another process change the results of a cached token within 2 s', async () => {
    configurePostingCache({ minPostings: 1 })
    const doc = (id: string, title: string): SearchDoc => ({
      collection: 'sources',
      id,
      title,
      text: 'A wombat report from the plains.',
      extra: '',
      url: `/${id}`,
      published: true,
      date: Date.UTC(2020, 0, 1),
    })
    await withWriteDb(t.payload, undefined, async (db) => {
      for (const id of ['w1', 'w2', 'w3']) await putDoc(t.payload, db, `sources:${id}`, doc(id, `Wombat ${id}`))
    })
    expect(await keysOf('wombat')).toEqual(['sources:w1', 'sources:w2', 'sources:w3'])
    expect(await keysOf('wombat plains')).toHaveLength(3)
    const cached = postingCacheStats()
    expect(cached.tokens).toEqual(expect.arrayContaining(['wombat', 'plain']))

    elsewhere('put', 'sources:w4', 'Wombat w4', 'Wombat wombat, a newer wombat from the plains.')
    await within2s(async () => (await keysOf('wombat'))[0] === 'sources:w4')
    expect(await keysOf('wombat plains')).toEqual(['sources:w4', 'sources:w1', 'sources:w2', 'sources:w3'])

    elsewhere('remove', 'sources:w2')
    await within2s(async () => !(await keysOf('wombat')).includes('sources:w2'))
    expect(await keysOf('wombat plains')).toEqual(['sources:w4', 'sources:w1', 'sources:w3'])

    // Answered from the cache all along: the lists were loaded once, later changes applied to them.
    const after = postingCacheStats()
    expect(after.hits).toBeGreaterThan(cached.hits + 3)
    expect(after.loads).toBe(cached.loads)
  }, 400_000)
})
