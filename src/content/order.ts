import { generateNKeysBetween } from 'payload/shared'

/**
 * The one order of items: by **order key** (a fractional index, compared byte by byte), then event
 * date, then id. Keys are Payload's own fractional indexing (`payload/shared`), so moving an item
 * writes only that item: its new key lies between its new neighbours' keys. The web page, the email,
 * the export and the composer all sort with `compareItems`.
 */
export type Ordered = { id: unknown; orderKey?: string | null; date?: string | null }

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const byId = (a: unknown, b: unknown): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : byBytes(String(a), String(b))

/** Byte order, not locale order: PostgreSQL's collation would sort "Zz" after "a0". */
export function compareItems(a: Ordered, b: Ordered): number {
  const ka = a.orderKey || null
  const kb = b.orderKey || null
  if (ka !== kb) {
    if (ka === null) return 1
    if (kb === null) return -1
    return byBytes(ka, kb)
  }
  return byBytes(String(a.date ?? ''), String(b.date ?? '')) || byId(a.id, b.id)
}

/** The indices of the longest run of strictly increasing keys (the earliest of equal keys wins). */
function keptIndices(keys: ReadonlyArray<string | null | undefined>): Set<number> {
  const tails: number[] = []
  const previous: number[] = keys.map(() => -1)
  keys.forEach((key, i) => {
    if (!key) return
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((keys[tails[mid]] as string) < key) lo = mid + 1
      else hi = mid
    }
    if (lo < tails.length && keys[tails[lo]] === key) return
    previous[i] = lo > 0 ? tails[lo - 1] : -1
    tails[lo] = i
  })
  const kept = new Set<number>()
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) kept.add(i)
  return kept
}

/**
 * Keys for items in the order given, from their current keys: every key already in order is kept,
 * the others (moved items, items without a key, duplicates) get new keys between their neighbours.
 */
export function keysForOrder(keys: ReadonlyArray<string | null | undefined>): string[] {
  const kept = keptIndices(keys)
  const out: string[] = []
  let i = 0
  while (i < keys.length) {
    if (kept.has(i)) {
      out.push(keys[i] as string)
      i++
      continue
    }
    let end = i
    while (end < keys.length && !kept.has(end)) end++
    const before = i > 0 ? out[i - 1] : null
    const after = end < keys.length ? (keys[end] as string) : null
    out.push(...generateNKeysBetween(before, after, end - i))
    i = end
  }
  return out
}

/** A key after every key given (for a new item at the end of its issue). */
export function keyAfter(keys: ReadonlyArray<string | null | undefined>): string {
  const last =
    keys
      .filter((k): k is string => Boolean(k))
      .sort(byBytes)
      .pop() ?? null
  return generateNKeysBetween(last, null, 1)[0]
}
