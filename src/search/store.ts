import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { adapterKind } from '../lib/db'
import { logChange } from './changeLog'
import { B, K1, tokenCounts, type SearchDoc } from './engine'
import { rankFromCache } from './postingCache'
import { drizzleOf, exec, type Db, type Row, type SQL } from './sql'
import { DOCS, POSTINGS } from './tables'
import { normalize, type ParsedQuery } from './tokenize'

/**
 * The search index kept in the database (SQLite and PostgreSQL): the same tokens, BM25 ranking and
 * filters as the in-memory engine, answered by one SQL query per search, so every instance of the
 * server reads the same index and none builds anything at start.
 */

export type { Db } from './sql'

/** The store is used where the database speaks SQL; MongoDB keeps the in-memory engine. */
export const usesStore = (payload: Payload): boolean => adapterKind(payload) !== 'mongo'

/** Run `fn` with the drizzle handle of the request's transaction, or of a new one (committed after). */
export async function withWriteDb<T>(payload: Payload, transactionID: unknown, fn: (db: Db) => Promise<T>): Promise<T> {
  const sessions = (payload.db as unknown as { sessions: Record<string, { db: Db }> }).sessions
  const current = await transactionID
  if (current !== undefined && current !== null && sessions[current as string]) {
    return fn(sessions[current as string].db)
  }
  const id = await payload.db.beginTransaction()
  if (id === null || id === undefined) return fn(drizzleOf(payload))
  try {
    const out = await fn(sessions[id as string].db)
    await payload.db.commitTransaction(id)
    return out
  } catch (err) {
    await payload.db.rollbackTransaction(id)
    throw err
  }
}

const list = (ids: string[] | undefined) => (ids?.length ? `|${ids.join('|')}|` : '')

/** Add or replace the indexed version under `key`; a draft (`…:draft`) hides the main version from staff. */
export async function putDoc(payload: Payload, db: Db, key: string, doc: SearchDoc): Promise<void> {
  const draft = key.endsWith(':draft')
  await logChange(payload, db, draft ? [key, key.slice(0, -':draft'.length)] : [key])
  await deleteKey(payload, db, key)
  const counts = tokenCounts(doc)
  let length = 0
  for (const tf of counts.values()) length += tf
  const published = doc.published ? 1 : 0
  await exec(
    payload,
    db,
    sql`INSERT INTO ${sql.raw(DOCS)} (key, collection, doc_id, published, shadowed, date, section, issue, sources,
      terms, title, title_from_text, body, extra, url, hay, length)
    VALUES (${key}, ${doc.collection}, ${doc.id}, ${published}, 0, ${doc.date}, ${doc.section ?? null},
      ${doc.issue ?? null}, ${list(doc.sources)}, ${list(doc.terms)}, ${doc.title}, ${doc.titleFromText ? 1 : 0},
      ${doc.text}, ${doc.extra}, ${doc.url}, ${normalize(`${doc.title}\n${doc.text}\n${doc.extra}`)}, ${length})`,
  )
  const entries = [...counts]
  for (let at = 0; at < entries.length; at += 300) {
    const values = entries
      .slice(at, at + 300)
      .map(([token, tf]) => sql`(${token}, ${key}, ${Math.min(tf, 65535)}, ${length}, ${doc.date}, ${published}, 0)`)
    await exec(
      payload,
      db,
      sql`INSERT INTO ${sql.raw(POSTINGS)} (token, key, tf, length, date, published, shadowed)
        VALUES ${sql.join(values, sql`, `)}`,
    )
  }
  const main = draft ? key.slice(0, -':draft'.length) : key
  await exec(payload, db, sql`UPDATE ${sql.raw(DOCS)} SET shadowed = ${draft ? 1 : 0} WHERE key = ${main}`)
  if (draft) await exec(payload, db, sql`UPDATE ${sql.raw(POSTINGS)} SET shadowed = 1 WHERE key = ${main}`)
  forget()
}

/** Forget the indexed version under `key` (and un-hide the main version when it was a draft). */
export async function removeKey(payload: Payload, db: Db, key: string): Promise<void> {
  await logChange(payload, db, key.endsWith(':draft') ? [key, key.slice(0, -':draft'.length)] : [key])
  await deleteKey(payload, db, key)
}

async function deleteKey(payload: Payload, db: Db, key: string): Promise<void> {
  forget()
  await exec(payload, db, sql`DELETE FROM ${sql.raw(POSTINGS)} WHERE key = ${key}`)
  await exec(payload, db, sql`DELETE FROM ${sql.raw(DOCS)} WHERE key = ${key}`)
  if (key.endsWith(':draft')) {
    await exec(payload, db, sql`UPDATE ${sql.raw(DOCS)} SET shadowed = 0 WHERE key = ${key.slice(0, -6)}`)
    await exec(payload, db, sql`UPDATE ${sql.raw(POSTINGS)} SET shadowed = 0 WHERE key = ${key.slice(0, -6)}`)
  }
}

const prefixLike = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Forget the parts indexed under `prefix` (a special issue's entries, `issues:12#`): `drafts` only
 * their draft versions, `published` only their main versions, `all` both.
 */
export async function removePrefix(
  payload: Payload,
  db: Db,
  prefix: string,
  which: 'all' | 'published' | 'drafts',
): Promise<void> {
  await logChange(payload, db, [prefix], true)
  const draft =
    which === 'drafts' ? sql` AND key LIKE '%:draft'` : which === 'published' ? sql` AND key NOT LIKE '%:draft'` : sql``
  for (const table of [POSTINGS, DOCS])
    await exec(payload, db, sql`DELETE FROM ${sql.raw(table)} WHERE key LIKE ${prefixLike(prefix)} ESCAPE '\\'${draft}`)
  stats = undefined
}

/** Hide (or show again) every main version under `prefix` from staff: a newer draft replaces them all. */
export async function shadowPrefix(payload: Payload, db: Db, prefix: string, shadowed: boolean): Promise<void> {
  await logChange(payload, db, [prefix], true)
  for (const table of [POSTINGS, DOCS])
    await exec(
      payload,
      db,
      sql`UPDATE ${sql.raw(table)} SET shadowed = ${shadowed ? 1 : 0}
        WHERE key LIKE ${prefixLike(prefix)} ESCAPE '\\' AND key NOT LIKE '%:draft'`,
    )
}

/** Whether a version is indexed under `key`. */
export async function hasKey(payload: Payload, db: Db, key: string): Promise<boolean> {
  return (await exec(payload, db, sql`SELECT 1 AS one FROM ${sql.raw(DOCS)} WHERE key = ${key}`)).length > 0
}

/** Whether nothing is indexed yet. */
export async function storeIsEmpty(payload: Payload): Promise<boolean> {
  return (await exec(payload, undefined, sql`SELECT key FROM ${sql.raw(DOCS)} LIMIT 1`)).length === 0
}

/** How many versions are indexed. */
export async function indexedCount(payload: Payload): Promise<number> {
  const [row] = await exec(payload, undefined, sql`SELECT count(*) AS n FROM ${sql.raw(DOCS)}`)
  return Number(row?.n ?? 0)
}

/** Empty the index (before a rebuild). */
export async function clearAll(payload: Payload, db: Db): Promise<void> {
  await logChange(payload, db, ['*'], true)
  await exec(payload, db, sql`DELETE FROM ${sql.raw(POSTINGS)}`)
  await exec(payload, db, sql`DELETE FROM ${sql.raw(DOCS)}`)
  forget()
}

/**
 * Refresh the planner's statistics of the index tables (after a rebuild fills them). PostgreSQL
 * otherwise plans a freshly filled index as a few rows until autovacuum analyses it: the join of two
 * long posting lists then runs as a nested loop of index probes instead of a hash join (325 against
 * 4 ms on 6,000 items, BENCHMARKS.md). SQLite writes sqlite_stat1 (its plans stay the same).
 */
export async function analyzeStore(payload: Payload): Promise<void> {
  await exec(payload, undefined, sql`ANALYZE ${sql.raw(POSTINGS)}`)
  await exec(payload, undefined, sql`ANALYZE ${sql.raw(DOCS)}`)
}

/** Indexed versions and their total length, read at most every 5 s (they only scale the ranking). */
let stats: { at: number; live: number; avg: number } | undefined

/** This process changed the index: read the corpus figures and frequencies again. */
function forget(): void {
  stats = undefined
  known = undefined
}

export async function corpus(payload: Payload): Promise<{ live: number; avg: number }> {
  if (stats && stats.at > Date.now() - 5000) return stats
  const [row] = await exec(payload, undefined, sql`SELECT count(*) AS n, sum(length) AS total FROM ${sql.raw(DOCS)}`)
  const live = Number(row?.n ?? 0) || 1
  stats = { at: Date.now(), live, avg: Number(row?.total ?? 0) / live || 1 }
  return stats
}

/**
 * Tokens' document frequencies read by recent queries, kept like the corpus figures (5 s, dropped by
 * this process's writes): counting an unselective token's postings cost PostgreSQL a quarter of a
 * two-word query (BENCHMARKS.md). Only tokens found are kept, so a token another instance adds is
 * counted at once.
 */
let known: { at: number; df: Map<string, number> } | undefined

/** How many indexed versions contain each token (tokens in none are missing from the map). */
export async function frequencies(payload: Payload, tokens: string[]): Promise<Map<string, number>> {
  if (!known || known.at < Date.now() - 5000 || known.df.size > 10_000) known = { at: Date.now(), df: new Map() }
  const { df } = known
  const missing = tokens.filter((t) => !df.has(t))
  if (missing.length) {
    const rows = await exec(
      payload,
      undefined,
      sql`SELECT token, count(*) AS n FROM ${sql.raw(POSTINGS)}
        WHERE token IN (${sql.join(
          missing.map((t) => sql`${t}`),
          sql`, `,
        )}) GROUP BY token`,
    )
    for (const r of rows) df.set(String(r.token), Number(r.n))
  }
  return new Map(tokens.filter((t) => df.has(t)).map((t) => [t, df.get(t) ?? 0]))
}

const like = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const num = (value: number) => sql.raw(String(Number.isFinite(value) ? value : 0))

export type StoreFilters = {
  collection?: string
  itemsOnly?: boolean
  section?: string
  source?: string
  term?: string
  issue?: string
  from?: number
  to?: number
  staff?: boolean
}

/** Conditions on the first token's postings rows: visibility and dates are copied there. */
function postingConditions(f: StoreFilters): SQL[] {
  const where: SQL[] = [f.staff ? sql`p0.shadowed = 0` : sql`p0.published = 1`]
  if (f.from !== undefined) where.push(sql`p0.date <> 0 AND p0.date >= ${f.from}`)
  if (f.to !== undefined) where.push(sql`p0.date <> 0 AND p0.date <= ${f.to}`)
  return where
}

/** Conditions that need the document row (joined only when there are any). */
function documentConditions(f: StoreFilters, phrases: string[]): SQL[] {
  const where: SQL[] = []
  if (f.collection) where.push(sql`d.collection = ${f.collection}`)
  if (f.itemsOnly) where.push(sql`d.collection = 'items'`)
  if (f.section) where.push(sql`d.section = ${f.section}`)
  if (f.source) where.push(sql`d.sources LIKE ${like(`|${f.source}|`)} ESCAPE '\\'`)
  if (f.term) where.push(sql`d.terms LIKE ${like(`|${f.term}|`)} ESCAPE '\\'`)
  if (f.issue) where.push(sql`d.issue = ${f.issue}`)
  // Han runs longer than two characters must appear verbatim, not only as their bigrams.
  for (const p of phrases.filter((x) => x.length > 2)) where.push(sql`d.hay LIKE ${like(p)} ESCAPE '\\'`)
  return where
}

/**
 * The postings of every token after the first (p1, p2, …), each read once into a materialised
 * table and joined on the first's document: probing a small temporary index is several times
 * cheaper than looking every match up in the whole postings index (measured, BENCHMARKS.md).
 */
const restTokens = (tokens: string[]): { with: SQL; joins: SQL } => {
  const rest = tokens.slice(1)
  if (!rest.length) return { with: sql``, joins: sql`` }
  const tables = rest.map((t, i) => {
    const name = sql.raw(`t${i + 1}`)
    return sql`${name} AS MATERIALIZED (SELECT key, tf FROM ${sql.raw(POSTINGS)} WHERE token = ${t})`
  })
  const joins = rest.map((_, i) => sql.raw(` JOIN t${i + 1} p${i + 1} ON p${i + 1}.key = p0.key`))
  return { with: sql`WITH ${sql.join(tables, sql`, `)} `, joins: sql.join(joins, sql``) }
}

export type StoreHit = { doc: SearchDoc; score: number }

export const toDoc = (r: Row): SearchDoc => ({
  collection: r.collection as SearchDoc['collection'],
  id: String(r.doc_id),
  title: String(r.title),
  text: String(r.body),
  extra: '',
  url: String(r.url),
  published: Number(r.published) === 1,
  date: Number(r.date),
})

/** The FROM and WHERE of a query's matches: the rarest token's postings, the others joined by key. */
type Matches = { with: SQL; from: SQL; where: SQL; joined: boolean }

function matches(tokens: string[], filters: StoreFilters, phrases: string[]): Matches {
  const byDocument = documentConditions(filters, phrases)
  const document = byDocument.length ? sql` JOIN ${sql.raw(DOCS)} d ON d.key = p0.key` : sql``
  const where = [sql`p0.token = ${tokens[0]}`, ...postingConditions(filters), ...byDocument]
  const rest = restTokens(tokens)
  return {
    with: rest.with,
    from: sql`${sql.raw(POSTINGS)} p0${rest.joins}${document}`,
    where: sql.join(where, sql` AND `),
    joined: tokens.length > 1 || byDocument.length > 0,
  }
}

/**
 * The SQL that ranks a query's matches, and the SQL that counts them when the ranking does not
 * (undefined: a token is in no document).
 */
async function ranking(
  payload: Payload,
  query: ParsedQuery,
  filters: StoreFilters,
  limit: number,
  offset: number,
): Promise<{ statement: SQL; count?: SQL } | undefined> {
  const df = await frequencies(payload, query.tokens)
  if (query.tokens.some((t) => !df.has(t))) return undefined
  const { live, avg } = await corpus(payload)
  const tokens = [...query.tokens].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0))
  const norm = sql`(${num(K1 * (1 - B))} + ${num((K1 * B) / avg)} * p0.length)`
  const terms = tokens.map((t, i) => {
    const n = df.get(t) ?? 0
    const idf = Math.log(1 + (live - n + 0.5) / (n + 0.5))
    const p = sql.raw(`p${i}`)
    return sql`(${num(idf * (K1 + 1))} * ${p}.tf / (${p}.tf + ${norm}))`
  })
  const { with: tables, from, where, joined } = matches(tokens, filters, query.phrases)
  // One token: sorting keeps only the page's rows and a second query counts on the covering index.
  // With joins (more tokens, document filters) one pass that also counts is cheaper than two.
  const total = joined ? sql`, count(*) OVER () AS total` : sql``
  // `/ 4.0`: SQLite's floor() answers an integer, and an integer `/ 4` would drop the quarter steps.
  const statement = sql`${tables}SELECT d.collection, d.doc_id, d.title, d.body, d.url, d.published, d.date, r.* FROM (
        SELECT p0.key AS key, p0.date AS rank_date, floor((${sql.join(terms, sql` + `)}) * 4 + 0.5) / 4.0 AS score${total}
        FROM ${from} WHERE ${where}
        ORDER BY score DESC, p0.date DESC, p0.key
        LIMIT ${num(limit)} OFFSET ${num(offset)}
      ) r JOIN ${sql.raw(DOCS)} d ON d.key = r.key
      ORDER BY r.score DESC, r.rank_date DESC, r.key`
  const count = sql`${tables}SELECT count(*) AS n FROM ${from} WHERE ${where}`
  return joined ? { statement, count: offset > 0 ? count : undefined } : { statement, count }
}

/** SQLite's plan for ranking a query: which tables and indexes it reads (tests and the bench). */
export async function rankingPlan(payload: Payload, query: ParsedQuery, filters: StoreFilters): Promise<string[]> {
  const r = await ranking(payload, query, filters, 10, 0)
  if (!r) return []
  const rows = await exec(payload, undefined, sql`EXPLAIN QUERY PLAN ${r.statement}`)
  return rows.map((row) => String(row.detail))
}

/**
 * Versions containing every query token that pass the filters, best first: BM25 (title words count
 * three times) in steps of 0.25, then recency; with the number of matches.
 */
export async function queryStore(
  payload: Payload,
  query: ParsedQuery,
  filters: StoreFilters,
  limit: number,
  offset: number,
): Promise<{ hits: StoreHit[]; total: number }> {
  if (!query.tokens.length) return { hits: [], total: 0 }
  const cached = await fromCache(payload, query, filters, limit, offset)
  if (cached) return cached
  const r = await ranking(payload, query, filters, limit, offset)
  if (!r) return { hits: [], total: 0 }
  const rows = await exec(payload, undefined, r.statement)
  const hits = rows.map((row) => ({ doc: toDoc(row), score: Number(row.score) }))
  // The window's total is on every row; past the last page there is no row, so count.
  if (rows[0]?.total !== undefined) return { hits, total: Number(rows[0].total) }
  if (!r.count) return { hits, total: 0 }
  const [counted] = await exec(payload, undefined, r.count)
  return { hits, total: Number(counted?.n ?? 0) }
}

/**
 * Rank on this instance's cached posting lists (postingCache.ts) when the query needs nothing of the
 * document rows (no section, source, term, issue, collection or long Han phrase) and its lists are
 * long; then read the page's documents. Same order, scores and total as the SQL above.
 */
async function fromCache(
  payload: Payload,
  query: ParsedQuery,
  filters: StoreFilters,
  limit: number,
  offset: number,
): Promise<{ hits: StoreHit[]; total: number } | undefined> {
  if (documentConditions(filters, query.phrases).length) return undefined
  const answer = await rankFromCache(
    payload,
    query.tokens,
    () => frequencies(payload, query.tokens),
    () => corpus(payload),
    filters,
    offset + limit,
  )
  if (!answer) return undefined
  const keys = answer.keys.slice(offset)
  if (!keys.length) return { hits: [], total: answer.total }
  const rows = await exec(
    payload,
    undefined,
    sql`SELECT key, collection, doc_id, title, body, url, published, date FROM ${sql.raw(DOCS)}
      WHERE key IN (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})`,
  )
  const byKey = new Map(rows.map((r) => [String(r.key), r]))
  const hits = keys.flatMap((key, i) => {
    const row = byKey.get(key)
    return row ? [{ doc: toDoc(row), score: answer.scores[offset + i] }] : []
  })
  return { hits, total: answer.total }
}
