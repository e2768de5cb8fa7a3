import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index, integer, real, sqliteTable, text } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import {
  bigint as pgBigint,
  doublePrecision,
  index as pgIndex,
  integer as pgInteger,
  pgTable,
  serial,
  text as pgText,
} from '@payloadcms/db-postgres/drizzle/pg-core'

/**
 * The search index as two tables of the application's own database (SQLite or PostgreSQL), declared
 * to Payload's drizzle schema so that development pushes them and migrations create them:
 *
 * - `briefing_search_docs`: one row per indexed version (`items:12`, `items:12:draft`), the flattened
 *   document (title, text, hidden text, filters, URL) and its length in tokens;
 * - `briefing_search_postings`: one row per token and document with the token's (title-weighted) count
 *   and copies of what ranking reads of the document (its length, date, whether public, whether a
 *   draft hides it from staff), so that a query is ranked on one covering index, no document row read
 *   per match.
 *
 * - `briefing_search_log`: one row per write to the two tables (the key or key prefix it changed, when,
 *   and on PostgreSQL the writing transaction's id), read by every instance to bring its posting cache
 *   up to date (postingCache.ts); rows older than an hour are pruned.
 *
 * Every instance reads the same rows; saves write them in the save's own transaction.
 */
export const DOCS = 'briefing_search_docs'
export const POSTINGS = 'briefing_search_postings'
export const LOG = 'briefing_search_log'
// Indexes, not a composite primary key: drizzle-kit's Postgres introspection (the development schema
// push of a second process) fails on composite primary keys ("there is no parameter $1"). The rank
// index covers ranking (token, visibility, tf, length, date); the key index covers the joins of a
// query's further tokens and deletes; the docs index covers the other filters.
const TOKEN = 'briefing_search_postings_rank_idx'
const KEY = 'briefing_search_postings_key_idx'
const RANK = 'briefing_search_docs_rank_idx'
const LOG_AT = 'briefing_search_log_at_idx'
const LOG_XID = 'briefing_search_log_xid_idx'

const sqliteDocs = sqliteTable(
  DOCS,
  {
    key: text('key').primaryKey(),
    collection: text('collection').notNull(),
    docId: text('doc_id').notNull(),
    published: integer('published').notNull(),
    shadowed: integer('shadowed').notNull(),
    date: real('date').notNull(),
    section: text('section'),
    issue: text('issue'),
    sources: text('sources').notNull(),
    terms: text('terms').notNull(),
    title: text('title').notNull(),
    titleFromText: integer('title_from_text').notNull(),
    body: text('body').notNull(),
    extra: text('extra').notNull(),
    url: text('url').notNull(),
    hay: text('hay').notNull(),
    length: integer('length').notNull(),
  },
  (t) => [index(RANK).on(t.key, t.published, t.shadowed, t.length, t.date, t.section, t.collection, t.issue)],
)

const sqlitePostings = sqliteTable(
  POSTINGS,
  {
    token: text('token').notNull(),
    key: text('key').notNull(),
    tf: integer('tf').notNull(),
    length: integer('length').notNull(),
    date: real('date').notNull(),
    published: integer('published').notNull(),
    shadowed: integer('shadowed').notNull(),
  },
  (t) => [
    index(TOKEN).on(t.token, t.published, t.shadowed, t.tf, t.length, t.date, t.key),
    index(KEY).on(t.key, t.token, t.tf),
  ],
)

// AUTOINCREMENT: ids are never reused after the newest rows are pruned (readers follow `id > last seen`).
const sqliteLog = sqliteTable(
  LOG,
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    prefix: integer('prefix').notNull(),
    at: real('at').notNull(),
  },
  (t) => [index(LOG_AT).on(t.at)],
)

const pgDocs = pgTable(
  DOCS,
  {
    key: pgText('key').primaryKey(),
    collection: pgText('collection').notNull(),
    docId: pgText('doc_id').notNull(),
    published: pgInteger('published').notNull(),
    shadowed: pgInteger('shadowed').notNull(),
    date: doublePrecision('date').notNull(),
    section: pgText('section'),
    issue: pgText('issue'),
    sources: pgText('sources').notNull(),
    terms: pgText('terms').notNull(),
    title: pgText('title').notNull(),
    titleFromText: pgInteger('title_from_text').notNull(),
    body: pgText('body').notNull(),
    extra: pgText('extra').notNull(),
    url: pgText('url').notNull(),
    hay: pgText('hay').notNull(),
    length: pgInteger('length').notNull(),
  },
  (t) => [pgIndex(RANK).on(t.key, t.published, t.shadowed, t.length, t.date, t.section, t.collection, t.issue)],
)

const pgPostings = pgTable(
  POSTINGS,
  {
    token: pgText('token').notNull(),
    key: pgText('key').notNull(),
    tf: pgInteger('tf').notNull(),
    length: pgInteger('length').notNull(),
    date: doublePrecision('date').notNull(),
    published: pgInteger('published').notNull(),
    shadowed: pgInteger('shadowed').notNull(),
  },
  (t) => [
    pgIndex(TOKEN).on(t.token, t.published, t.shadowed, t.tf, t.length, t.date, t.key),
    pgIndex(KEY).on(t.key, t.token, t.tf),
  ],
)

const pgLog = pgTable(
  LOG,
  {
    id: serial('id').primaryKey(),
    key: pgText('key').notNull(),
    prefix: pgInteger('prefix').notNull(),
    at: doublePrecision('at').notNull(),
    xid: pgBigint('xid', { mode: 'number' }).notNull(),
  },
  (t) => [pgIndex(LOG_AT).on(t.at), pgIndex(LOG_XID).on(t.xid)],
)

/** `beforeSchemaInit` hook of the SQLite adapter. */
export const searchTablesSqlite: SQLiteSchemaHook = ({ schema }) => ({
  ...schema,
  tables: { ...schema.tables, [DOCS]: sqliteDocs, [POSTINGS]: sqlitePostings, [LOG]: sqliteLog },
})

type PgSchemaHook = (args: { schema: { tables: Record<string, unknown> } }) => { tables: Record<string, unknown> }

/** `beforeSchemaInit` hook of the PostgreSQL adapter. */
export const searchTablesPostgres = (({ schema }) => ({
  ...schema,
  tables: { ...schema.tables, [DOCS]: pgDocs, [POSTINGS]: pgPostings, [LOG]: pgLog },
})) as PgSchemaHook
