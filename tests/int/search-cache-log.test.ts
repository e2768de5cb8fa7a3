import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adapterKind } from '../../src/lib/db'
import type { SearchDoc } from '../../src/search/engine'
import { configurePostingCache, postingCacheStats } from '../../src/search/postingCache'
import { clearAll, putDoc, queryStore, removePrefix, withWriteDb, type Db } from '../../src/search/store'
import { parseQuery } from '../../src/search/tokenize'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * The posting cache follows the index's change log exactly: a write that commits after a later one
 * (PostgreSQL: ids do not commit in order), a key prefix (a special issue's entries), a cleared index.
 */
let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('search-cache-log')
  configurePostingCache({ minPostings: 1 })
})
afterAll(async () => {
  await t?.close()
})

const doc = (id: string): SearchDoc => ({
  collection: 'sources',
  id,
  title: `Kestrel ${id}`,
  text: 'A kestrel over the steppe.',
  extra: '',
  url: `/${id}`,
  published: true,
  date: Date.UTC(2020, 0, Number(id.replace(/\D/g, '')) || 1),
})
const put = (key: string, db?: Db): Promise<void> =>
  db ? putDoc(t.payload, db, key, doc(key.split(/[:#]/).pop() ?? key)) : write((d) => put(key, d))
const write = (fn: (db: Db) => Promise<void>) => withWriteDb(t.payload, undefined, fn)
const found = async (q = 'kestrel') =>
  (await queryStore(t.payload, parseQuery(q), {}, 50, 0)).hits.map((h) => h.doc.id).sort()

type Sessions = Record<string, { db: Db }>

describe('the posting cache and the change log', () => {
  it('applies a save that commits after a later one, once both are committed', async () => {
    await put('sources:k1')
    expect(await found()).toEqual(['k1'])
    const loads = postingCacheStats().loads
    const id = await t.payload.db.beginTransaction()
    const sessions = (t.payload.db as unknown as { sessions: Sessions }).sessions
    const early = id === null || id === undefined ? undefined : sessions[String(id)].db
    await put('sources:k2', early) // logged first; committed below
    if (adapterKind(t.payload) === 'postgres') {
      // A later save commits first: its row is applied, the open one's is not visible yet.
      await put('sources:k3')
      expect(await found()).toEqual(['k1', 'k3'])
    }
    if (id !== null && id !== undefined) await t.payload.db.commitTransaction(id)
    if (adapterKind(t.payload) !== 'postgres') await put('sources:k3')
    expect(await found()).toEqual(['k1', 'k2', 'k3'])
    expect(postingCacheStats().loads).toBe(loads) // applied to the cached list, not read again
  })

  it("drops a removed prefix's keys and forgets everything on a cleared index", async () => {
    await put('issues:7#a4')
    await put('issues:7#b5')
    expect(await found()).toEqual(['a4', 'b5', 'k1', 'k2', 'k3'])
    await write((db) => removePrefix(t.payload, db, 'issues:7#', 'all'))
    expect(await found()).toEqual(['k1', 'k2', 'k3'])
    await write((db) => clearAll(t.payload, db))
    expect(await found()).toEqual([])
    await put('sources:k9')
    expect(await found()).toEqual(['k9'])
    expect(await found('kestrel steppe')).toEqual(['k9'])
  })
})
