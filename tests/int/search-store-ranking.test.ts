import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SearchEngine, type SearchDoc } from '../../src/search/engine'
import { configurePostingCache, postingCacheStats } from '../../src/search/postingCache'
import { putDoc, queryStore, withWriteDb } from '../../src/search/store'
import { parseQuery } from '../../src/search/tokenize'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * The database index (src/search/store.ts) scores as the in-memory engine (src/search/engine.ts):
 * the same generated documents in both, on the run's database (SQLite, or PostgreSQL with POSTGRES_URI).
 */
let t: TestPayload

// Deterministic pseudo-random numbers, so that a failure is the same on every run.
let seed = 12
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const WORDS = ['party', 'reform', 'policy', 'market', 'village', 'energy', 'court', 'youth', 'budget', 'plenum']
const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')

function doc(n: number): SearchDoc {
  return {
    collection: 'items',
    id: `gen-${n}`,
    title: words(1 + Math.floor(random() * 3)),
    text: words(3 + Math.floor(random() * 40)),
    extra: '',
    url: `/items/gen-${n}`,
    published: random() < 0.8,
    // Few distinct dates: ties on score and date fall to the key.
    date: Date.UTC(2020 + Math.floor(random() * 3), 0, 1),
  }
}

const engine = new SearchEngine()

beforeAll(async () => {
  t = await bootPayload('search-store-ranking')
  const docs: Array<[string, SearchDoc]> = Array.from({ length: 400 }, (_, n) => [`items:gen-${n}`, doc(n)])
  // A draft hides its published version from staff.
  docs.push(['items:gen-1:draft', { ...doc(1), id: 'gen-1', published: false }])
  await withWriteDb(t.payload, undefined, async (db) => {
    for (const [key, d] of docs) await putDoc(t.payload, db, key, d)
  })
  for (const [key, d] of docs) engine.put(key, d)
})
afterAll(async () => {
  await t?.close()
})

const QUERIES = ['party', 'plenum', 'party reform', 'policy market village']
const scores = (hits: Array<{ doc: SearchDoc; score: number }>) =>
  Object.fromEntries(hits.map((h) => [h.doc.id, h.score]))
const order = (hits: Array<{ doc: SearchDoc }>) => hits.map((h) => h.doc.id)

describe('the database index ranks as the in-memory engine', () => {
  it('answers from the posting cache exactly as SQL does: same order, scores, totals and pages', async () => {
    const answers = async () => {
      const out: unknown[] = []
      for (const q of QUERIES)
        for (const staff of [false, true])
          for (const [limit, offset] of [
            [1000, 0],
            [10, 0],
            [7, 21],
            [10, 5000],
          ]) {
            const r = await queryStore(t.payload, parseQuery(q), { staff, from: Date.UTC(2021, 0, 1) }, limit, offset)
            const all = await queryStore(t.payload, parseQuery(q), { staff }, limit, offset)
            out.push([q, staff, limit, offset, r.total, order(r.hits), scores(r.hits), all.total, order(all.hits)])
          }
      return out
    }
    configurePostingCache({ maxBytes: 0 })
    const bySql = await answers()
    configurePostingCache({ maxBytes: 64 * 1024 * 1024, minPostings: 1 })
    const before = postingCacheStats().hits
    const byCache = await answers()
    expect(postingCacheStats().hits - before).toBe(QUERIES.length * 2 * 4 * 2)
    expect(byCache).toEqual(bySql)
  })

  it('scores as the in-memory engine does: BM25 in steps of 0.25, one word or several', async () => {
    for (const q of QUERIES) {
      const query = parseQuery(q)
      const memory = engine.search(query, (d) => d.published, 1000, 0, { publishedOnly: true })
      const stored = await queryStore(t.payload, query, {}, 1000, 0)
      expect(stored.total, q).toBe(memory.total)
      expect(scores(stored.hits), q).toEqual(scores(memory.hits))
      expect(
        memory.hits.some((h) => h.score % 1 !== 0),
        q,
      ).toBe(true)
    }
  })
})
