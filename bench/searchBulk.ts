/**
 * STORE_BULK=1 for `npm run bench:search`: write the database index of the generated documents with
 * large multi-row inserts in one transaction per 1,000 documents, instead of one `putDoc` per save.
 * The rows are the ones `putDoc` writes (same tokens, counts and copies); only the way they get there
 * differs, so query timings are comparable while the build takes minutes, not an hour, on a busy
 * machine. The build time printed is then this load's, not the save path's.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { tokenCounts, type SearchDoc } from '../src/search/engine'
import { DOCS, POSTINGS } from '../src/search/tables'
import { normalize } from '../src/search/tokenize'

type SQL = ReturnType<typeof sql.raw>
type Exec = (statement: SQL) => Promise<unknown>

const list = (ids: string[] | undefined) => (ids?.length ? `|${ids.join('|')}|` : '')

/** Statements of up to `size` rows each. */
async function insertRows(exec: Exec, head: SQL, rows: SQL[], size: number): Promise<void> {
  for (let at = 0; at < rows.length; at += size) {
    await exec(sql`${head} VALUES ${sql.join(rows.slice(at, at + size), sql`, `)}`)
  }
}

/** Write documents `from`…`to - 1` (keys `items:<n + 1>`, all published) with bulk inserts. */
export async function bulkWrite(
  payload: Payload,
  from: number,
  to: number,
  makeDoc: (n: number) => SearchDoc,
  progress: (n: number) => void,
): Promise<void> {
  const db = payload.db as unknown as { drizzle: unknown; execute: (a: unknown) => Promise<unknown> }
  for (let start = from; start < to; start += 1000) {
    const id = await payload.db.beginTransaction()
    const sessions = (payload.db as unknown as { sessions: Record<string, { db: unknown }> }).sessions
    const handle = id === null || id === undefined ? db.drizzle : sessions[id as string].db
    const exec: Exec = (statement) => db.execute({ db: handle, sql: statement })
    const docs: SQL[] = []
    const postings: SQL[] = []
    for (let n = start; n < Math.min(to, start + 1000); n++) {
      const doc = makeDoc(n)
      const key = `items:${n + 1}`
      const counts = tokenCounts(doc)
      let length = 0
      for (const tf of counts.values()) length += tf
      const hay = normalize(`${doc.title}\n${doc.text}\n${doc.extra}`)
      docs.push(
        sql`(${key}, ${doc.collection}, ${doc.id}, ${doc.published ? 1 : 0}, 0, ${doc.date}, ${doc.section ?? null},
          ${doc.issue ?? null}, ${list(doc.sources)}, ${list(doc.terms)}, ${doc.title}, ${doc.titleFromText ? 1 : 0},
          ${doc.text}, ${doc.extra}, ${doc.url}, ${hay}, ${length})`,
      )
      for (const [token, tf] of counts) {
        postings.push(
          sql`(${token}, ${key}, ${Math.min(tf, 65535)}, ${length}, ${doc.date}, ${doc.published ? 1 : 0}, 0)`,
        )
      }
    }
    await insertRows(
      exec,
      sql`INSERT INTO ${sql.raw(DOCS)} (key, collection, doc_id, published, shadowed, date, section, issue, sources,
        terms, title, title_from_text, body, extra, url, hay, length)`,
      docs,
      100,
    )
    await insertRows(
      exec,
      sql`INSERT INTO ${sql.raw(POSTINGS)} (token, key, tf, length, date, published, shadowed)`,
      postings,
      2000,
    )
    if (id !== null && id !== undefined) await payload.db.commitTransaction(id)
    progress(Math.min(to, start + 1000))
  }
}
