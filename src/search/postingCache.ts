import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { searchCacheBytes } from '../env'
import { BYTES_PER_POSTING, PUBLISHED, rankLists, SHADOWED, type List, type RankFilters } from './cacheRank'
import { readLog, startCursor, type Cursor, type LogRow } from './changeLog'
import { exec, type Row } from './sql'
import { POSTINGS } from './tables'

/**
 * Each instance's cache of long posting lists (SEARCH_CACHE_MB, least recently used dropped first).
 * Two unselective English words at 50,000 items read, intersect and score two lists of ~20,000
 * postings; SQL does that at about half a microsecond a posting, typed arrays an order of magnitude
 * faster (BENCHMARKS.md, issue 12). Before every answer the cache applies the index's change log
 * (changeLog.ts): the postings of every key written since are read again, so the cache answers what
 * the database holds at that moment, on this instance and on every other.
 */

/** Queries whose longest list has fewer postings are left to SQL (cheap there). */
const MIN_POSTINGS = 2000
/** Memory counted for each distinct key the cache numbers (its string and map entry). */
const BYTES_PER_KEY = 64
/** Distinct keys numbered before the cache starts again (keys of deleted versions stay numbered). */
const MAX_KEYS = 1_000_000
/** At most this many query tokens are ranked here. */
const MAX_TOKENS = 8

type State = {
  lists: Map<string, List>
  numbers: Map<string, number>
  names: string[]
  bytes: number
  cursor?: Cursor
  lock: Promise<void>
}

const options: { maxBytes?: number; minPostings: number } = { minPostings: MIN_POSTINGS }
const counters = { hits: 0, loads: 0 }
const states = new WeakMap<object, State>()

const newState = (): State => ({ lists: new Map(), numbers: new Map(), names: [], bytes: 0, lock: Promise.resolve() })
const maxBytes = () => options.maxBytes ?? searchCacheBytes()

function stateOf(payload: Payload): State {
  let s = states.get(payload.db)
  if (!s) states.set(payload.db, (s = newState()))
  return s
}

/** Change the cap or the threshold of this process's caches (tests and the bench); empties them. */
export function configurePostingCache(next: { maxBytes?: number; minPostings?: number }): void {
  if (next.maxBytes !== undefined) options.maxBytes = next.maxBytes
  if (next.minPostings !== undefined) options.minPostings = next.minPostings
  for (const s of all) Object.assign(s, newState())
}
const all = new Set<State>()

/** What the caches hold and how often they answered (tests and the bench). */
export function postingCacheStats(): { tokens: string[]; bytes: number; hits: number; loads: number } {
  const tokens = [...all].flatMap((s) => [...s.lists.keys()])
  const bytes = [...all].reduce((n, s) => n + s.bytes, 0)
  return { tokens, bytes, ...counters }
}

function numberOf(s: State, key: string): number {
  let n = s.numbers.get(key)
  if (n === undefined) {
    n = s.names.push(key) - 1
    s.numbers.set(key, n)
    s.bytes += BYTES_PER_KEY
  }
  return n
}

/** A list from postings rows (key, tf, doc_length, date, published, shadowed). */
function toList(s: State, rows: Row[]): List {
  const n = rows.length
  const list: List = {
    ord: new Int32Array(n),
    tf: new Uint16Array(n),
    len: new Int32Array(n),
    date: new Float64Array(n),
    flags: new Uint8Array(n),
    n,
  }
  rows.forEach((r, i) => {
    list.ord[i] = numberOf(s, String(r.key))
    list.tf[i] = Number(r.tf)
    list.len[i] = Number(r.doc_length)
    list.date[i] = Number(r.date)
    list.flags[i] = (Number(r.published) === 1 ? PUBLISHED : 0) | (Number(r.shadowed) === 1 ? SHADOWED : 0)
  })
  return list
}

/** The list without the postings `drop` picks, plus `rows`. */
function replaced(s: State, list: List, drop: (ord: number) => boolean, rows: Row[]): List {
  const kept: number[] = []
  for (let i = 0; i < list.n; i++) if (!drop(list.ord[i])) kept.push(i)
  const added = toList(s, rows)
  const out = toList(s, [])
  const n = kept.length + added.n
  out.n = n
  out.ord = new Int32Array(n)
  out.tf = new Uint16Array(n)
  out.len = new Int32Array(n)
  out.date = new Float64Array(n)
  out.flags = new Uint8Array(n)
  kept.forEach((from, to) => copy(list, from, out, to))
  for (let i = 0; i < added.n; i++) copy(added, i, out, kept.length + i)
  return out
}

function copy(from: List, i: number, to: List, j: number): void {
  to.ord[j] = from.ord[i]
  to.tf[j] = from.tf[i]
  to.len[j] = from.len[i]
  to.date[j] = from.date[i]
  to.flags[j] = from.flags[i]
}

// `length` is aliased: libsql's rows are array-like, their own `length` is the number of columns.
const COLUMNS = sql.raw('token, key, tf, length AS doc_length, date, published, shadowed')
const prefixLike = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Apply the log's rows: drop the cached postings of every key they name and read those keys again. */
async function apply(payload: Payload, s: State, rows: LogRow[]): Promise<void> {
  if (!rows.length || !s.lists.size) return
  const exact = [...new Set(rows.filter((r) => !r.prefix).map((r) => r.key))]
  const prefixes = [...new Set(rows.filter((r) => r.prefix).map((r) => r.key))]
  const gone = new Set(exact.map((k) => s.numbers.get(k)).filter((n) => n !== undefined))
  const drop = (o: number) => gone.has(o) || prefixes.some((p) => s.names[o].startsWith(p))
  const where = [
    ...(exact.length
      ? [
          sql`key IN (${sql.join(
            exact.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        ]
      : []),
    ...prefixes.map((p) => sql`key LIKE ${prefixLike(p)} ESCAPE '\\'`),
  ]
  const fresh = await exec(
    payload,
    undefined,
    sql`SELECT ${COLUMNS} FROM ${sql.raw(POSTINGS)} WHERE ${sql.join(where, sql` OR `)}`,
  )
  const byToken = new Map<string, Row[]>()
  for (const r of fresh) {
    const token = String(r.token)
    if (!s.lists.has(token)) continue
    const mine = byToken.get(token)
    if (mine) mine.push(r)
    else byToken.set(token, [r])
  }
  for (const [token, list] of s.lists) {
    const next = replaced(s, list, drop, byToken.get(token) ?? [])
    s.bytes += (next.n - list.n) * BYTES_PER_POSTING
    s.lists.set(token, next)
  }
}

/** Bring the cache up to the log's latest committed rows (empty it when it must start again). */
async function sync(payload: Payload, s: State): Promise<void> {
  if (!s.cursor) {
    s.cursor = await startCursor(payload)
    return
  }
  const rows = await readLog(payload, s.cursor)
  // A cleared index, a rebuild, or more numbered keys than a few indexes' worth: start again.
  if (!rows || rows.some((r) => r.prefix && r.key === '*') || s.names.length > MAX_KEYS) {
    const cursor = s.cursor
    Object.assign(s, newState(), { cursor })
    return
  }
  await apply(payload, s, rows)
}

/** Read a token's list into the cache, dropping the least recently used ones to stay under the cap. */
async function load(payload: Payload, s: State, token: string): Promise<List | undefined> {
  const rows = await exec(
    payload,
    undefined,
    sql`SELECT key, tf, length AS doc_length, date, published, shadowed FROM ${sql.raw(POSTINGS)} WHERE token = ${token}`,
  )
  const cap = maxBytes()
  if (rows.length * (BYTES_PER_POSTING + BYTES_PER_KEY) > cap) return undefined
  for (const [old, list] of s.lists) {
    if (s.bytes + rows.length * BYTES_PER_POSTING <= cap) break
    s.lists.delete(old)
    s.bytes -= list.n * BYTES_PER_POSTING
  }
  const list = toList(s, rows)
  s.bytes += list.n * BYTES_PER_POSTING
  s.lists.set(token, list)
  counters.loads++
  return list
}

async function locked<T>(s: State, fn: () => Promise<T>): Promise<T> {
  const before = s.lock
  let release = () => {}
  s.lock = new Promise<void>((r) => (release = r))
  await before
  try {
    return await fn()
  } finally {
    release()
  }
}

export type CacheAnswer = { keys: string[]; scores: number[]; total: number }

/**
 * Rank a query on cached lists, or `undefined` to leave it to SQL: the cache is off, the query has
 * many tokens, or its lists are short (`df` gives each token's document frequency; a token in no
 * document is left to SQL, which answers nothing at once).
 */
export async function rankFromCache(
  payload: Payload,
  tokens: string[],
  df: () => Promise<Map<string, number>>,
  corpus: () => Promise<{ live: number; avg: number }>,
  filters: RankFilters,
  want: number,
): Promise<CacheAnswer | undefined> {
  if (!(maxBytes() > 0) || tokens.length > MAX_TOKENS) return undefined
  const s = stateOf(payload)
  all.add(s)
  if (!tokens.every((t) => s.lists.has(t))) {
    const counts = await df()
    if (tokens.some((t) => !counts.has(t))) return undefined
    if (Math.max(...tokens.map((t) => counts.get(t) ?? 0)) < options.minPostings) return undefined
  }
  const lists = await locked(s, async () => {
    await sync(payload, s)
    const out: List[] = []
    for (const token of tokens) {
      const list = s.lists.get(token) ?? (await load(payload, s, token))
      if (!list) return undefined
      s.lists.delete(token) // most recently used last
      s.lists.set(token, list)
      out.push(list)
    }
    return out
  })
  if (!lists) return undefined
  counters.hits++
  lists.sort((a, b) => a.n - b.n)
  const ranked = rankLists(lists, await corpus(), filters, want, (o) => s.names[o], s.names.length)
  return { keys: ranked.ords.map((o) => s.names[o]), scores: ranked.scores, total: ranked.total }
}
