import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { searchCacheBytes } from '../env'
import { adapterKind } from '../lib/db'
import { BYTES_PER_POSTING, PUBLISHED, rankLists, SHADOWED, type Keys, type List, type RankFilters } from './cacheRank'
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
/** Memory counted for each distinct key the cache numbers (its string, map entry and copies). */
const BYTES_PER_KEY = 80
/** Distinct keys numbered before the cache starts again (keys of deleted versions stay numbered). */
const MAX_KEYS = 1_000_000
/** At most this many query tokens are ranked here. */
const MAX_TOKENS = 8

type State = {
  lists: Map<string, List>
  numbers: Map<string, number>
  keys: Keys
  bytes: number
  cursor?: Cursor
  lock: Promise<void>
}

const options: { maxBytes?: number; minPostings: number } = { minPostings: MIN_POSTINGS }
const counters = { hits: 0, loads: 0 }
const states = new WeakMap<object, State>()
const all = new Set<State>()

const noKeys = (): Keys => ({
  len: new Int32Array(1024),
  date: new Float64Array(1024),
  flags: new Uint8Array(1024),
  names: [],
})
const newState = (): State => ({
  lists: new Map(),
  numbers: new Map(),
  keys: noKeys(),
  bytes: 0,
  lock: Promise.resolve(),
})
const maxBytes = () => options.maxBytes ?? searchCacheBytes()

function stateOf(payload: Payload): State {
  let s = states.get(payload.db)
  if (!s) states.set(payload.db, (s = newState()))
  all.add(s)
  return s
}

/**
 * Change the cap or the threshold (tests and the bench). A cap of 0 sends every query to SQL and keeps
 * what is cached (brought up to date from the log when the cap is raised again).
 */
export function configurePostingCache(next: { maxBytes?: number; minPostings?: number }): void {
  if (next.maxBytes !== undefined) options.maxBytes = next.maxBytes
  if (next.minPostings !== undefined) options.minPostings = next.minPostings
}

/** What the caches hold and how often they answered (tests and the bench). */
export function postingCacheStats(): { tokens: string[]; bytes: number; hits: number; loads: number } {
  const tokens = [...all].flatMap((s) => [...s.lists.keys()])
  const bytes = [...all].reduce((n, s) => n + s.bytes, 0)
  return { tokens, bytes, ...counters }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  if (a.length >= size) return a
  const out = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2))
  out.set(a)
  return out
}

/** Postings as columns: a list read in one aggregated row, or rows read again after writes. */
type Columns = { keys: string[]; tf: number[]; len: number[]; date: number[]; flags: number[] }

const fromRows = (rows: Row[]): Columns => ({
  keys: rows.map((r) => String(r.key)),
  tf: rows.map((r) => Number(r.tf)),
  len: rows.map((r) => Number(r.doc_length)),
  date: rows.map((r) => Number(r.date)),
  flags: rows.map((r) => (Number(r.published) === 1 ? PUBLISHED : 0) | (Number(r.shadowed) === 1 ? SHADOWED : 0)),
})

/** The key's number, its document's copies (length, date, flags) set from posting `i`. */
function numberOf(s: State, c: Columns, i: number): number {
  const key = c.keys[i]
  const k = s.keys
  let n = s.numbers.get(key)
  if (n === undefined) {
    n = k.names.push(key) - 1
    s.numbers.set(key, n)
    s.bytes += BYTES_PER_KEY
    k.len = grow(k.len, n + 1)
    k.date = grow(k.date, n + 1)
    k.flags = grow(k.flags, n + 1)
  }
  k.len[n] = c.len[i]
  k.date[n] = c.date[i]
  k.flags[n] = c.flags[i]
  return n
}

const EMPTY: List = { ord: new Int32Array(0), tf: new Uint16Array(0), n: 0 }

/** `list` without the postings `drop` picks, plus the postings `added`. */
function toList(s: State, added: Columns, list = EMPTY, drop = (_: number) => false): List {
  const kept: number[] = []
  for (let i = 0; i < list.n; i++) if (!drop(list.ord[i])) kept.push(i)
  const count = added.keys.length
  if (kept.length === list.n && !count) return list
  const n = kept.length + count
  const out: List = { ord: new Int32Array(n), tf: new Uint16Array(n), n }
  kept.forEach((from, to) => {
    out.ord[to] = list.ord[from]
    out.tf[to] = list.tf[from]
  })
  for (let i = 0; i < count; i++) {
    out.ord[kept.length + i] = numberOf(s, added, i)
    out.tf[kept.length + i] = added.tf[i]
  }
  return out
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
  const drop = (o: number) => gone.has(o) || prefixes.some((p) => s.keys.names[o].startsWith(p))
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
    const next = toList(s, fromRows(byToken.get(token) ?? []), list, drop)
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
  if (!rows || rows.some((r) => r.prefix && r.key === '*') || s.keys.names.length > MAX_KEYS) {
    // Keep the cursor, and the lock this query holds.
    Object.assign(s, newState(), { cursor: s.cursor, lock: s.lock })
    return
  }
  await apply(payload, s, rows)
}

/**
 * A token's postings in one aggregated row, one text of `key␞tf␞length␞date␞flags` records: a row per
 * posting costs libsql an object each (~10× slower at 20,000 postings, BENCHMARKS.md); one aggregate
 * needs no ordering to keep the fields of a posting together.
 */
async function readList(payload: Payload, token: string): Promise<Columns> {
  const pg = adapterKind(payload) === 'postgres'
  const [us, rs] = pg ? ['chr(31)', 'chr(30)'] : ['char(31)', 'char(30)']
  const fields = ['key', 'tf', 'length', 'date', 'published + 2 * shadowed']
    .map((f) => (pg ? `(${f})::text` : `(${f})`))
    .join(` || ${us} || `)
  const aggregate = pg ? `string_agg(${fields}, ${rs})` : `group_concat(${fields}, ${rs})`
  const [row] = await exec(
    payload,
    undefined,
    sql`SELECT ${sql.raw(aggregate)} AS list FROM ${sql.raw(POSTINGS)} WHERE token = ${token}`,
  )
  const out: Columns = { keys: [], tf: [], len: [], date: [], flags: [] }
  if (row?.list === null || row?.list === undefined) return out
  for (const record of String(row.list).split('\x1e')) {
    const [key, tf, len, date, flags] = record.split('\x1f')
    out.keys.push(key)
    out.tf.push(Number(tf))
    out.len.push(Number(len))
    out.date.push(Number(date))
    out.flags.push(Number(flags))
  }
  return out
}

/** Read a token's list into the cache, dropping the least recently used ones to stay under the cap. */
async function load(payload: Payload, s: State, token: string): Promise<List | undefined> {
  const columns = await readList(payload, token)
  const count = columns.keys.length
  const cap = maxBytes()
  if (count * (BYTES_PER_POSTING + BYTES_PER_KEY) > cap) return undefined
  for (const [old, list] of s.lists) {
    if (s.bytes + count * BYTES_PER_POSTING <= cap) break
    s.lists.delete(old)
    s.bytes -= list.n * BYTES_PER_POSTING
  }
  const list = toList(s, columns)
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
  if (!tokens.every((t) => s.lists.has(t))) {
    const counts = await df()
    if (tokens.some((t) => !counts.has(t))) return undefined
    if (Math.max(...tokens.map((t) => counts.get(t) ?? 0)) < options.minPostings) return undefined
  }
  const stats = await corpus()
  const held = await locked(s, async () => {
    await sync(payload, s)
    const out: List[] = []
    for (const token of tokens) {
      const list = s.lists.get(token) ?? (await load(payload, s, token))
      if (!list) return undefined
      s.lists.delete(token) // most recently used last
      s.lists.set(token, list)
      out.push(list)
    }
    // The numbering these lists use (a later sync may start a new one while this query ranks).
    return { lists: out, keys: s.keys }
  })
  if (!held) return undefined
  counters.hits++
  const { lists, keys } = held
  lists.sort((a, b) => a.n - b.n)
  const ranked = rankLists(lists, keys, stats, filters, want)
  return { keys: ranked.ords.map((o) => keys.names[o]), scores: ranked.scores, total: ranked.total }
}
