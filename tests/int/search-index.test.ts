import { sql } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adapterKind } from '../../src/lib/db'
import { SearchEngine } from '../../src/search/engine'
import { rankingPlan } from '../../src/search/store'
import { rebuild, reset, search } from '../../src/search/service'
import { parseQuery } from '../../src/search/tokenize'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { buildArchive, type Archive } from './search-fixtures'

let t: TestPayload
let a: Archive
type Row = Record<string, unknown>

beforeAll(async () => {
  t = await bootPayload('search-index')
  a = await buildArchive(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const ids = async (q: string, extra: Record<string, unknown> = {}) =>
  (await search(t.payload, { q, collection: 'items', ...extra })).docs.map((d) => String(d.id)).sort()
const sorted = (...values: Array<number | string>) => values.map(String).sort()

describe('search over the archive (index built lazily on the first query)', () => {
  it('finds a Chinese two-character word inside longer words (清零 in 动态清零)', async () => {
    expect(await ids('清零')).toEqual(sorted(a.zeroFull, a.zeroBrief))
  })

  it('finds a four-character term and any substring of it', async () => {
    expect(await ids('动态清零')).toEqual(sorted(a.zeroFull, a.zeroBrief))
    expect(await ids('态清')).toEqual(sorted(a.zeroFull, a.zeroBrief))
    expect(await ids('新质生产力')).toEqual(sorted(a.forces))
    expect(await ids('动态生产')).toEqual([]) // every bigram exists somewhere, but not as one substring
  })

  it('finds English words stemmed and case-folded, all words required', async () => {
    expect(await ids('DYNAMIC')).toEqual(sorted(a.zeroFull, a.zeroBrief))
    expect(await ids('policy')).toEqual(sorted(a.zeroFull)) // "policies" in the headline, "policy" in the body
    expect(await ids('dynamic shanghai')).toEqual(sorted(a.zeroBrief))
    expect(await ids('productive 生产力')).toEqual(sorted(a.forces))
  })

  it('finds the words of inline glossary marks and of linked terms', async () => {
    expect(await ids('qīnglíng')).toEqual([]) // pinyin lives on the term, not the items
    const terms = await search(t.payload, { q: 'qīnglíng' })
    expect(terms.docs.map((d) => d.collection)).toEqual(['glossary-terms'])
    expect(terms.docs[0].url).toMatch(/^\/glossary\//)
  })

  it('filters by section, source, term, issue and date range (ids or slugs)', async () => {
    expect(await ids('动态清零', { section: 'organization-work' })).toEqual(sorted(a.zeroBrief))
    expect(await ids('动态清零', { source: 'xinhua' })).toEqual(sorted(a.zeroFull))
    expect(await ids('动态清零', { source: String(a.daily) })).toEqual(sorted(a.zeroBrief))
    expect(await ids('xi', { term: String(a.productive) })).toEqual(sorted(a.forces))
    expect(await ids('xi', { issue: '1-15' })).toEqual(sorted(a.zeroFull))
    expect(await ids('xi', { from: Date.parse('2024-01-01'), to: Date.parse('2024-12-31') })).toEqual(sorted(a.forces))
    expect(await ids('xi')).toEqual(sorted(a.zeroFull, a.forces))
  })

  it('ranks title matches first, then by recency', async () => {
    const res = await search(t.payload, { q: 'dynamic zero', collection: 'items' })
    expect(String(res.docs[0].id)).toBe(String(a.zeroFull))
    const engine = new SearchEngine()
    const doc = (id: string, date: string, title = 'Notice') =>
      ({
        collection: 'items',
        id,
        title,
        text: 'The plenum communiqué on 动态清零.',
        extra: '',
        url: `/${id}`,
        published: true,
        date: Date.parse(date),
      }) as const
    engine.put('a', doc('old', '2019-01-01'))
    engine.put('b', doc('new', '2023-01-01'))
    engine.put('c', doc('mid', '2021-01-01'))
    engine.put('d', doc('titled', '2010-01-01', 'Plenum'))
    const order = engine.search(parseQuery('plenum'), () => true, 10).hits.map((h) => h.doc.id)
    expect(order).toEqual(['titled', 'new', 'mid', 'old'])
  })

  it('keeps drafts out of public search and shows them to staff', async () => {
    expect(await ids('zebrafish')).toEqual([])
    expect((await search(t.payload, { q: 'zebrafish', staff: true })).docs.map((d) => String(d.id))).toEqual([
      String(a.draftItem),
    ])
    const staff = await search(t.payload, { q: '清零', collection: 'items', staff: true })
    expect(staff.docs.map((d) => String(d.id)).sort()).toEqual(sorted(a.zeroFull, a.zeroBrief, a.draftItem))
    expect(staff.docs.find((d) => String(d.id) === String(a.draftItem))?.url).toBe(
      `/admin/collections/items/${a.draftItem}`,
    )
  })

  it('escapes snippets and marks the matches', async () => {
    const res = await search(t.payload, { q: '动态清零 shanghai', collection: 'items' })
    expect(res.docs).toHaveLength(1)
    expect(res.docs[0].snippet).toContain('&lt;script&gt;')
    expect(res.docs[0].snippet).not.toContain('<script>')
    expect(res.docs[0].snippet).toContain('<mark>动态清零</mark>')
    expect(res.docs[0].snippet).toContain('<mark>Shanghai</mark>')
    expect(res.docs[0].url).toBe(`/items/${a.zeroBrief}`)
  })

  it('answers hostile queries with nothing, quickly', async () => {
    for (const q of ['', '   ', '.*+?^${}()|[]\\', '"" OR -- ;', '$where', 'the of and']) {
      expect(await search(t.payload, { q })).toEqual({ docs: [], totalDocs: 0 })
    }
    const long = await search(t.payload, { q: '清零 '.repeat(4000) })
    expect(long.totalDocs).toBeGreaterThanOrEqual(0)
  })
})

describe('keeping the index in sync through hooks', () => {
  it('indexes new, changed, unpublished and deleted documents', async () => {
    await ids('warmup')
    const created = await t.payload
      .create({
        collection: 'items',
        overrideAccess: true,
        data: {
          _status: 'published',
          issue: a.i2024,
          section: a.senior,
          date: '2024-03-06',
          headline: 'Pangolin Policy Paper',
          body: { root: { type: 'root', children: [] } } as never,
        },
      })
      .catch(() => undefined)
    expect(created).toBeUndefined() // empty body cannot be published: nothing indexed either
    expect(await ids('pangolin')).toEqual([])

    await t.payload.update({
      collection: 'items',
      id: a.forces,
      data: { headline: 'Develop Quokka Forces' },
      overrideAccess: true,
    })
    expect(await ids('quokka')).toEqual(sorted(a.forces))

    // A draft edit of a published item: the public still finds the published text; staff see the draft.
    await t.payload.update({
      collection: 'items',
      id: a.forces,
      draft: true,
      data: { headline: 'Develop Wombat Forces' },
      overrideAccess: true,
    })
    expect(await ids('quokka')).toEqual(sorted(a.forces))
    expect(await ids('wombat')).toEqual([])
    expect(await ids('wombat', { staff: true })).toEqual(sorted(a.forces))
    expect(await ids('quokka', { staff: true })).toEqual([])

    await t.payload.update({
      collection: 'glossary-terms',
      id: a.wang,
      data: { definition: 'Chairman of the CPPCC; a platypus fancier.' },
      overrideAccess: true,
    })
    expect((await search(t.payload, { q: 'platypus' })).docs.map((d) => d.collection)).toEqual(['glossary-terms'])

    await t.payload.delete({ collection: 'items', id: a.zeroBrief, overrideAccess: true })
    expect(await ids('shanghai')).toEqual([])
  })

  it('rebuilds from the database to the same answers', async () => {
    const before = await ids('清零', { staff: true })
    reset()
    const { documents } = await rebuild(t.payload)
    expect(documents).toBeGreaterThan(5)
    expect(await ids('清零', { staff: true })).toEqual(before)
    expect(await ids('quokka')).toEqual(sorted(a.forces))
  })

  it("leaves the planner's statistics of the index tables after a rebuild (joins of long posting lists are planned on them)", async () => {
    const run = async (text: string) => {
      const db = t.payload.db as unknown as { drizzle: unknown; execute: (a: unknown) => Promise<{ rows?: Row[] }> }
      return (await db.execute({ db: db.drizzle, sql: sql.raw(text) })).rows ?? []
    }
    await rebuild(t.payload)
    // PostgreSQL: without ANALYZE a freshly filled index is planned as a few rows (a nested loop of
    // index probes, 80× slower on 6,000 items); SQLite: ANALYZE writes sqlite_stat1.
    const analysed =
      adapterKind(t.payload) === 'postgres'
        ? await run(`SELECT relname AS name FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL`)
        : (await run(`SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'`)).length
          ? await run(`SELECT DISTINCT tbl AS name FROM sqlite_stat1`)
          : []
    expect(analysed.map((r) => String(r.name))).toEqual(
      expect.arrayContaining(['briefing_search_docs', 'briefing_search_postings']),
    )
  })

  it('ranks unfiltered queries on the postings alone: no document row read per match (SQLite plan)', async () => {
    if (adapterKind(t.payload) !== 'sqlite') return // the plan is SQLite's; PostgreSQL runs the same SQL
    for (const q of ['xi', 'dynamic policy', 'xi dynamic policy']) {
      for (const staff of [false, true]) {
        const plan = await rankingPlan(t.payload, parseQuery(q), { staff })
        expect(plan.length, q).toBeGreaterThan(0)
        // The page's rows are read by key after ranking; the ranking itself never touches the documents.
        const perMatch = plan.filter((step) => step.includes('briefing_search_docs') && !step.includes('(key=?)'))
        expect(perMatch, `${q} ${staff ? 'staff' : 'public'}: ${plan.join(' | ')}`).toEqual([])
        expect(plan.join(' | ')).toMatch(/briefing_search_postings_rank_idx/)
      }
    }
  })

  it('counts every match whatever the page, one token or several, with filters, past the last page', async () => {
    for (const [q, extra] of [
      ['xi', {}],
      ['xi quokka', {}],
      ['xi', { from: Date.parse('2024-01-01'), to: Date.parse('2024-12-31') }],
      ['xi', { collection: 'items' }],
    ] as const) {
      const all = await search(t.payload, { q, ...extra })
      expect(all.totalDocs, q).toBeGreaterThan(0)
      for (const offset of [0, 1, all.totalDocs, all.totalDocs + 5]) {
        const page = await search(t.payload, { q, ...extra, limit: 1, offset })
        expect(page.totalDocs, `${q} at ${offset}`).toBe(all.totalDocs)
        expect(page.docs.map((d) => d.id)).toEqual(all.docs.slice(offset, offset + 1).map((d) => d.id))
      }
    }
  })
})
