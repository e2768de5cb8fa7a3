/**
 * Ranking of a multi-token query's matches in the process, over postings read from the database
 * index (store.ts): the same BM25 sum, rounding and order as the SQL ranking, without the join of
 * long posting lists that the database would do row by row.
 */

/** One posting of the query's rarest token: the version, its token count, length and date. */
export type FirstPosting = { key: string; tf: number; length: number; date: number }

/** Per token (rarest first) `idf × (k1 + 1)`; a document's norm is `a + b × length`. */
export type Weights = { coefficients: number[]; a: number; b: number }

export type Ranked = { key: string; score: number; date: number }

/** BM25 as the SQL computes it: the terms summed in token order, then rounded to steps of 0.25. */
export function score(weights: Weights, length: number, tfs: number[]): number {
  const norm = weights.a + weights.b * length
  let sum = 0
  for (let i = 0; i < tfs.length; i++) {
    const term = (weights.coefficients[i] * tfs[i]) / (tfs[i] + norm)
    sum = i === 0 ? term : sum + term
  }
  return Math.floor(sum * 4 + 0.5) / 4
}

/** Best first: score, then the newer date, then the key (byte order, as SQLite compares text). */
const better = (x: Ranked, y: Ranked): number =>
  y.score - x.score || y.date - x.date || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)

/**
 * The versions in every posting list, ranked; the page `[offset, offset + limit)` and how many
 * matched. `others` maps each further token's version keys to their token counts.
 */
export function rankIntersection(
  first: FirstPosting[],
  others: Array<Map<string, number>>,
  weights: Weights,
  limit: number,
  offset: number,
): { page: Ranked[]; total: number } {
  const matched: Ranked[] = []
  const tfs = new Array<number>(others.length + 1)
  next: for (const p of first) {
    tfs[0] = p.tf
    for (let i = 0; i < others.length; i++) {
      const tf = others[i].get(p.key)
      if (tf === undefined) continue next
      tfs[i + 1] = tf
    }
    matched.push({ key: p.key, score: score(weights, p.length, tfs), date: p.date })
  }
  return { page: matched.sort(better).slice(offset, offset + limit), total: matched.length }
}
