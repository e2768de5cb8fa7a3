import { B, K1 } from './engine'

/**
 * One token's postings held by an instance (postingCache.ts): per posting its document's key number
 * and the token's count, 6 bytes a posting. What ranking reads of the document (its length, date,
 * flags) is kept once per key number in `Keys`.
 */
export type List = { ord: Int32Array; tf: Uint16Array; n: number }
export type Keys = { len: Int32Array; date: Float64Array; flags: Uint8Array; names: string[] }
export const PUBLISHED = 1
export const SHADOWED = 2
export const BYTES_PER_POSTING = 6

export type RankFilters = { staff?: boolean; from?: number; to?: number }
export type Ranked = { ords: number[]; scores: number[]; total: number }

/** Scratch arrays indexed by key number: which documents every further list holds, and their counts. */
const scratch = { stamp: new Uint32Array(0), seen: new Uint8Array(0), tfs: [] as Uint16Array[], gen: 0 }

function prepare(keys: number, lists: number): void {
  if (scratch.stamp.length < keys) {
    const size = Math.max(keys, scratch.stamp.length * 2, 1024)
    scratch.stamp = new Uint32Array(size)
    scratch.seen = new Uint8Array(size)
    scratch.tfs = []
    scratch.gen = 0
  }
  while (scratch.tfs.length < lists) scratch.tfs.push(new Uint16Array(scratch.stamp.length))
  if (++scratch.gen === 0xffffffff) {
    scratch.stamp.fill(0)
    scratch.gen = 1
  }
}

/** Mark the documents of lists 1… that are in every one of them, keeping their counts. */
function intersectRest(lists: List[]): void {
  const { stamp, seen, tfs, gen } = scratch
  for (let l = 1; l < lists.length; l++) {
    const { ord, tf, n } = lists[l]
    const counts = tfs[l]
    for (let i = 0; i < n; i++) {
      const o = ord[i]
      if (l === 1) {
        stamp[o] = gen
        seen[o] = 1
      } else if (stamp[o] !== gen || seen[o] !== l - 1) continue
      else seen[o] = l
      counts[o] = tf[i]
    }
  }
}

/**
 * Rank the documents in every list as store.ts's SQL does, to the bit: BM25 terms summed rarest token
 * first, `floor(x * 4 + 0.5) / 4`, then date (newest first), then key; visibility and dates checked on
 * the key's copies. `lists` are sorted rarest first.
 */
export function rankLists(
  lists: List[],
  keys: Keys,
  corpus: { live: number; avg: number },
  filters: RankFilters,
  want: number,
): Ranked {
  prepare(keys.names.length, lists.length)
  intersectRest(lists)
  const { stamp, seen, tfs, gen } = scratch
  const c1 = lists.map((list) => Math.log(1 + (corpus.live - list.n + 0.5) / (list.n + 0.5)) * (K1 + 1))
  const c2 = K1 * (1 - B)
  const c3 = (K1 * B) / corpus.avg
  const { staff, from, to } = filters
  const first = lists[0]
  const top: Array<{ o: number; score: number; date: number }> = []
  const better = (a: { o: number; score: number; date: number }, b: typeof a) =>
    a.score > b.score ||
    (a.score === b.score && (a.date > b.date || (a.date === b.date && keys.names[a.o] < keys.names[b.o])))
  let total = 0
  for (let i = 0; i < first.n; i++) {
    const o = first.ord[i]
    if (lists.length > 1 && (stamp[o] !== gen || seen[o] !== lists.length - 1)) continue
    const flags = keys.flags[o]
    if (staff ? flags & SHADOWED : !(flags & PUBLISHED)) continue
    const date = keys.date[o]
    if (from !== undefined && !(date !== 0 && date >= from)) continue
    if (to !== undefined && !(date !== 0 && date <= to)) continue
    total++
    const len = keys.len[o]
    let sum = 0
    for (let l = 0; l < lists.length; l++) {
      const tf = l === 0 ? first.tf[i] : tfs[l][o]
      sum += (c1[l] * tf) / (tf + (c2 + c3 * len))
    }
    const hit = { o, score: Math.floor(sum * 4 + 0.5) / 4, date }
    if (top.length >= want && !better(hit, top[top.length - 1])) continue
    let at = top.length
    while (at > 0 && better(hit, top[at - 1])) at--
    top.splice(at, 0, hit)
    if (top.length > want) top.pop()
  }
  return { ords: top.map((h) => h.o), scores: top.map((h) => h.score), total }
}
