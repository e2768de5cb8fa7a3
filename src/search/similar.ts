import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { exec } from './sql'
import { corpus, frequencies, toDoc, type StoreHit } from './store'
import { DOCS, POSTINGS } from './tables'
import { indexTokens } from './tokenize'

const num = (value: number) => sql.raw(String(Number.isFinite(value) ? value : 0))

/**
 * Published items sharing the most distinctive words with the version under `key` (its 20 rarest
 * tokens weighted by idf; tokens in more than a fifth of the index ignored), best first.
 */
export async function similarInStore(
  payload: Payload,
  key: string,
  excludeId: string,
  limit: number,
): Promise<StoreHit[]> {
  const [self] = await exec(payload, undefined, sql`SELECT title, body FROM ${sql.raw(DOCS)} WHERE key = ${key}`)
  if (!self) return []
  const mine = [...new Set(indexTokens(`${String(self.title)}\n${String(self.body)}`))]
  if (!mine.length) return []
  const df = await frequencies(payload, mine)
  const { live } = await corpus(payload)
  const weighted = mine
    .filter((t) => (df.get(t) ?? 0) > 0 && (df.get(t) ?? 0) <= Math.max(10, live / 5))
    .map((token) => ({ token, idf: Math.log(1 + live / (df.get(token) ?? 1)) }))
    .sort((a, b) => b.idf - a.idf)
    .slice(0, 20)
  if (!weighted.length) return []
  const weight = sql`CASE p.token ${sql.join(
    weighted.map((w) => sql`WHEN ${w.token} THEN ${num(w.idf)}`),
    sql` `,
  )} ELSE 0 END`
  const rows = await exec(
    payload,
    undefined,
    sql`SELECT d.collection, d.doc_id, d.title, d.body, d.url, d.published, d.date,
        floor(sum(${weight} * CASE WHEN p.tf > 3 THEN 3 ELSE p.tf END) * 4 + 0.5) / 4.0 AS score
      FROM ${sql.raw(POSTINGS)} p JOIN ${sql.raw(DOCS)} d ON d.key = p.key
      WHERE p.token IN (${sql.join(
        weighted.map((w) => sql`${w.token}`),
        sql`, `,
      )}) AND p.key <> ${key} AND d.collection = 'items' AND d.published = 1 AND d.doc_id <> ${excludeId}
      GROUP BY d.key, d.collection, d.doc_id, d.title, d.body, d.url, d.published, d.date
      ORDER BY score DESC, d.date DESC, d.key LIMIT ${num(limit)}`,
  )
  return rows.map((r) => ({ doc: toDoc(r), score: Number(r.score) }))
}
