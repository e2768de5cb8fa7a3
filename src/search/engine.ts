import { indexTokens, normalize, type ParsedQuery } from './tokenize'

/** The searchable collections. */
export type SearchCollection = 'items' | 'issues' | 'glossary-terms' | 'sources' | 'translations'

/** Collections with drafts: a draft version is indexed for staff beside the published one. */
export const isVersioned = (c: SearchCollection): boolean => c === 'items' || c === 'issues' || c === 'translations'

/** One searchable document, already flattened to text (see documents.ts). */
export type SearchDoc = {
  collection: SearchCollection
  id: string
  title: string
  /** The title is only the opening of `text` (briefs): not indexed twice. */
  titleFromText?: boolean
  /** Shown in snippets. */
  text: string
  /** Indexed but not shown (linked terms' English and 汉字, source names). */
  extra: string
  url: string
  published: boolean
  /** Event date, period end or update time, in ms (0 when unknown): the recency tie-break. */
  date: number
  section?: string
  issue?: string
  sources?: string[]
  terms?: string[]
}

/** Cheap filters checked on per-slot arrays before a document is looked at (accept() still runs after). */
export type Prefilter = { from?: number; to?: number; section?: string; publishedOnly?: boolean }

export type SearchHit = { doc: SearchDoc; score: number }
export type SearchResult = { hits: SearchHit[]; total: number }

/** Slots (ascending) and term frequencies of one token, in growable typed arrays (6 bytes a posting). */
type Posting = { slots: Uint32Array; tfs: Uint16Array; length: number }

const newPosting = (): Posting => ({ slots: new Uint32Array(4), tfs: new Uint16Array(4), length: 0 })

function append(p: Posting, slot: number, tf: number): void {
  if (p.length === p.slots.length) {
    const slots = new Uint32Array(p.length * 2)
    slots.set(p.slots)
    p.slots = slots
    const tfs = new Uint16Array(p.length * 2)
    tfs.set(p.tfs)
    p.tfs = tfs
  }
  p.slots[p.length] = slot
  p.tfs[p.length] = Math.min(tf, 65535)
  p.length++
}

const TITLE_WEIGHT = 3
/** BM25 parameters, shared with the database index (store.ts). */
export const K1 = 1.2
export const B = 0.75

/** Token counts of a document: title words count three times, briefs' titles are not counted twice. */
export function tokenCounts(doc: SearchDoc): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (text: string, weight: number) => {
    for (const token of indexTokens(text)) counts.set(token, (counts.get(token) ?? 0) + weight)
  }
  if (!doc.titleFromText) add(doc.title, TITLE_WEIGHT)
  add(doc.text, 1)
  add(doc.extra, 1)
  return counts
}

/**
 * An in-memory inverted index. Documents live in numbered slots; postings list slots in ascending
 * order, so AND-intersection walks them with cursors. Removal leaves a hole that a compaction fills
 * once holes outnumber half of the live documents.
 */
export class SearchEngine {
  private docs: Array<SearchDoc | undefined> = []
  private lengths: number[] = []
  /** Per-slot copies of the most used filter fields, read without touching the document objects. */
  private dates: number[] = []
  private sections: Array<string | undefined> = []
  private published: boolean[] = []
  private byKey = new Map<string, number>()
  private postings = new Map<string, Posting>()
  private totalLength = 0
  private holes = 0

  get size(): number {
    return this.byKey.size
  }

  /** Add or replace a document under a key (e.g. `items:12` or `items:12:draft`). */
  put(key: string, doc: SearchDoc): void {
    this.remove(key)
    const slot = this.docs.length
    this.docs.push(doc)
    this.byKey.set(key, slot)
    let length = 0
    for (const [token, tf] of tokenCounts(doc)) {
      let posting = this.postings.get(token)
      if (!posting) this.postings.set(token, (posting = newPosting()))
      append(posting, slot, tf)
      length += tf
    }
    this.lengths.push(length)
    this.dates.push(doc.date)
    this.sections.push(doc.section)
    this.published.push(doc.published)
    this.totalLength += length
  }

  get(key: string): SearchDoc | undefined {
    const slot = this.byKey.get(key)
    return slot === undefined ? undefined : this.docs[slot]
  }

  remove(key: string): void {
    const slot = this.byKey.get(key)
    if (slot === undefined) return
    this.byKey.delete(key)
    this.docs[slot] = undefined
    this.totalLength -= this.lengths[slot]
    this.lengths[slot] = -1
    this.holes++
    if (this.holes > 1000 && this.holes > this.byKey.size / 2) this.compact()
  }

  clear(): void {
    this.docs = []
    this.lengths = []
    this.dates = []
    this.sections = []
    this.published = []
    this.byKey.clear()
    this.postings.clear()
    this.totalLength = 0
    this.holes = 0
  }

  /** Every live document whose key passes a test (used for filters that need a scan, e.g. admin listings). */
  *entries(): Generator<[string, SearchDoc]> {
    for (const [key, slot] of this.byKey) yield [key, this.docs[slot] as SearchDoc]
  }

  /**
   * Documents containing every query token (and every Han phrase verbatim) that pass `accept`,
   * best first: relevance (BM25, title words count three times) in steps of 0.25, then recency.
   */
  search(
    query: ParsedQuery,
    accept: ((doc: SearchDoc) => boolean) | null,
    limit: number,
    offset = 0,
    pre: Prefilter = {},
  ): SearchResult {
    const { from, to, section, publishedOnly } = pre
    if (!query.tokens.length) return { hits: [], total: 0 }
    const lists: Posting[] = []
    for (const token of query.tokens) {
      const posting = this.postings.get(token)
      if (!posting) return { hits: [], total: 0 }
      lists.push(posting)
    }
    lists.sort((a, b) => a.length - b.length)
    const live = this.byKey.size || 1
    const idf = lists.map((p) => Math.log(1 + (live - p.length + 0.5) / (p.length + 0.5)))
    const avg = this.totalLength / live || 1
    const cursors = new Uint32Array(lists.length)
    const longPhrases = query.phrases.filter((p) => p.length > 2)
    const want = offset + limit
    const top: SearchHit[] = []
    let total = 0
    const first = lists[0]
    outer: for (let i = 0; i < first.length; i++) {
      const slot = first.slots[i]
      if (this.lengths[slot] < 0) continue // removed
      if (publishedOnly && !this.published[slot]) continue
      if (section !== undefined && this.sections[slot] !== section) continue
      if (from !== undefined && !(this.dates[slot] >= from)) continue
      if (to !== undefined && !(this.dates[slot] <= to)) continue
      for (let l = 1; l < lists.length; l++) {
        const { slots, length } = lists[l]
        let c = cursors[l]
        while (c < length && slots[c] < slot) c++
        cursors[l] = c
        if (c >= length || slots[c] !== slot) continue outer
      }
      if (accept || longPhrases.length) {
        const doc = this.docs[slot] as SearchDoc
        if (accept && !accept(doc)) continue
        if (longPhrases.length && !longPhrases.every((p) => containsPhrase(doc, p))) continue
      }
      total++
      const norm = K1 * (1 - B + (B * this.lengths[slot]) / avg)
      let score = 0
      for (let l = 0; l < lists.length; l++) {
        const tf = l === 0 ? first.tfs[i] : lists[l].tfs[cursors[l]]
        score += (idf[l] * tf * (K1 + 1)) / (tf + norm)
      }
      score = Math.round(score * 4) / 4
      if (top.length >= want) {
        const last = top[top.length - 1]
        if (score < last.score || (score === last.score && this.dates[slot] <= last.doc.date)) continue
      }
      insertTop(top, { doc: this.docs[slot] as SearchDoc, score }, want)
    }
    return { hits: top.slice(offset), total }
  }

  /**
   * Documents sharing the most distinctive words with a document (its rarest tokens, weighted by
   * idf), best first. Tokens found in more than a fifth of the documents are ignored.
   */
  similar(key: string, accept: (doc: SearchDoc) => boolean, limit: number): SearchHit[] {
    const self = this.byKey.get(key)
    const doc = self === undefined ? undefined : this.docs[self]
    if (!doc) return []
    const live = this.byKey.size || 1
    const weighted = [...new Set(indexTokens(`${doc.title}\n${doc.text}`))]
      .map((token) => ({ token, posting: this.postings.get(token) }))
      .filter(
        (t): t is { token: string; posting: Posting } => !!t.posting && t.posting.length <= Math.max(10, live / 5),
      )
      .map((t) => ({ ...t, idf: Math.log(1 + live / t.posting.length) }))
      .sort((a, b) => b.idf - a.idf)
      .slice(0, 20)
    const scores = new Map<number, number>()
    for (const { posting, idf } of weighted) {
      for (let i = 0; i < posting.length; i++) {
        const slot = posting.slots[i]
        if (slot !== self) scores.set(slot, (scores.get(slot) ?? 0) + idf * Math.min(posting.tfs[i], 3))
      }
    }
    const top: SearchHit[] = []
    for (const [slot, score] of scores) {
      const other = this.docs[slot]
      if (other && accept(other)) insertTop(top, { doc: other, score: Math.round(score * 4) / 4 }, limit)
    }
    return top
  }

  private compact(): void {
    const entries = [...this.entries()]
    this.clear()
    for (const [key, doc] of entries) this.put(key, doc)
  }
}

/** Han phrases are unchanged by lower-casing, so raw text is checked first; NFKC only as a fallback. */
function containsPhrase(doc: SearchDoc, phrase: string): boolean {
  if (doc.text.includes(phrase) || doc.title.includes(phrase) || doc.extra.includes(phrase)) return true
  return (
    /[\uf900-\ufaff\u2e80-\u2fdf]/.test(doc.text) &&
    normalize(`${doc.title}\n${doc.text}\n${doc.extra}`).includes(phrase)
  )
}

const better = (a: SearchHit, b: SearchHit) => a.score > b.score || (a.score === b.score && a.doc.date > b.doc.date)

/** Keep the best `want` hits in order (insertion into a short sorted array). */
function insertTop(top: SearchHit[], hit: SearchHit, want: number): void {
  if (top.length >= want && !better(hit, top[top.length - 1])) return
  let i = top.length
  while (i > 0 && better(hit, top[i - 1])) i--
  top.splice(i, 0, hit)
  if (top.length > want) top.pop()
}
