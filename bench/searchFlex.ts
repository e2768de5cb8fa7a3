/**
 * The FlexSearch 0.8 half of `npm run bench:search` (see bench/search.ts): the same generated documents
 * in a FlexSearch `Index`, the same queries with the API's filters, page of 10 and total, then its
 * export/import (how a second instance would start without indexing), and a short behaviour check
 * of FlexSearch's own English and CJK encoders on fixtures.
 *
 * FlexSearch ranks by its own "resolution" (where a term occurs), not BM25, and has no range filter:
 * dates, sections and publication are checked on a key → document map beside it, as a switch would.
 */
import { performance } from 'node:perf_hooks'

import Table from 'cli-table3'
import { Charset, Encoder, Index } from 'flexsearch'
import EnglishPreset from 'flexsearch/lang/en'

import { SearchEngine, type SearchDoc } from '../src/search/engine'
import type { SearchRequest } from '../src/search/service'
import { indexTokens, normalize, parseQuery } from '../src/search/tokenize'

type Options = {
  items: number
  iterations: number
  makeDoc: (n: number) => SearchDoc
  categories: Array<{ name: string; make: () => SearchRequest }>
  gc: () => void
}

export type FlexRun = {
  buildMs: number
  heapBytes: number
  importMs: number
  exportBytes: number
  p95: Record<string, number>
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const ms = (v: number) => `${v.toFixed(2)} ms`
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const heap = (gc: () => void) => {
  gc()
  return process.memoryUsage().heapUsed
}

type Meta = { doc: SearchDoc; hay: string }

/** FlexSearch with Briefing's tokenizer (stems, Han unigrams and bigrams), so that it matches what Briefing matches. */
const newIndex = () => new Index({ tokenize: 'strict', resolution: 9, encode: (text: string) => indexTokens(text) })

/** The API's work over a FlexSearch index: match, filter, page of 10, total. */
function query(index: ReturnType<typeof newIndex>, meta: Map<number, Meta>, q: SearchRequest) {
  const parsed = parseQuery(q.q)
  if (!parsed.tokens.length) return { total: 0, docs: [] as SearchDoc[] }
  const ids = index.search(parsed.tokens.join(' '), { limit: meta.size }) as number[]
  const longPhrases = parsed.phrases.filter((p) => p.length > 2)
  const kept: SearchDoc[] = []
  for (const id of ids) {
    const m = meta.get(id)
    if (!m || !m.doc.published) continue
    if (q.section && m.doc.section !== q.section) continue
    if (q.from !== undefined && m.doc.date < q.from) continue
    if (q.to !== undefined && m.doc.date > q.to) continue
    if (longPhrases.some((p) => !m.hay.includes(p))) continue
    kept.push(m.doc)
  }
  return { total: kept.length, docs: kept.slice(0, 10) }
}

const FIXTURES: Array<{ name: string; docs: string[]; q: string[] }> = [
  {
    name: 'Chinese word inside a longer one, and its characters apart',
    docs: ['中华人民共和国成立', '人和民'],
    q: ['人民'],
  },
  { name: 'stemming', docs: ['The reforms were reforming the economy', 'A reform'], q: ['reform', 'reforming'] },
  {
    name: 'ranking (word once at the start of a long text; five times late in one as long)',
    docs: [
      `market ${'filler words about other matters '.repeat(10)}`,
      `${'filler words about '.repeat(10)} market market market market market`,
      'unrelated',
      'unrelated',
      'unrelated',
    ],
    q: ['market'],
  },
]

/** FlexSearch's own encoders (CJK charset, English preset) against Briefing's engine on small fixtures. */
function behaviour(): string[] {
  return FIXTURES.map(({ name, docs, q }) => {
    const isCjk = docs.some((d) => /[\u4e00-\u9fff]/.test(d))
    const flex = new Index({
      resolution: 9,
      encoder: isCjk ? new Encoder(Charset.CJK) : new Encoder(Charset.LatinBalance).assign(EnglishPreset),
    })
    const ours = new SearchEngine()
    docs.forEach((text, i) => {
      flex.add(i + 1, text)
      ours.put(`items:${i + 1}`, {
        collection: 'items',
        id: String(i + 1),
        title: '',
        titleFromText: true,
        text,
        extra: '',
        url: '',
        published: true,
        date: 0,
      })
    })
    const answers = q.map((one) => {
      const theirs = JSON.stringify(flex.search(one))
      const mine = JSON.stringify(ours.search(parseQuery(one), null, 10).hits.map((h) => Number(h.doc.id)))
      return `"${one}": FlexSearch ${theirs}, Briefing ${mine}`
    })
    return `${name}: ${answers.join('; ')}`
  })
}

export async function flexIndex({ items, iterations, makeDoc, categories, gc }: Options): Promise<FlexRun> {
  const before = heap(gc)
  const index = newIndex()
  const meta = new Map<number, Meta>()
  const began = performance.now()
  for (let n = 0; n < items; n++) {
    const doc = makeDoc(n)
    index.add(n + 1, `${doc.title}\n${doc.text}\n${doc.extra}`)
    meta.set(n + 1, { doc, hay: normalize(`${doc.title}\n${doc.text}\n${doc.extra}`) })
  }
  const buildMs = performance.now() - began
  const heapBytes = heap(gc) - before

  const p95: Record<string, number> = {}
  const table = new Table({ head: ['query', 'FlexSearch p50', 'FlexSearch p95', 'avg hits'] })
  for (const c of categories) {
    const queries = Array.from({ length: iterations }, c.make)
    for (const q of queries.slice(0, 10)) query(index, meta, q)
    const times: number[] = []
    let hits = 0
    for (const q of queries) {
      const t = performance.now()
      hits += query(index, meta, q).total
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    p95[c.name] = quantile(times, 0.95)
    table.push([c.name, ms(quantile(times, 0.5)), ms(p95[c.name]), Math.round(hits / queries.length)])
  }

  // A second instance: import what the first exported instead of indexing (the documents map aside).
  const chunks: Array<[string, string]> = []
  await index.export((key: string, data: string) => void chunks.push([key, data]))
  const exportBytes = chunks.reduce((sum, [, data]) => sum + data.length, 0)
  const t0 = performance.now()
  const second = newIndex()
  for (const [key, data] of chunks) second.import(key, data)
  const importMs = performance.now() - t0
  const probe = second.search('party', { limit: 5 }).length

  console.log('\nFlexSearch 0.8.212 (Index, Briefing tokenizer), same documents and queries:')
  console.log(table.toString())
  console.log(
    `build ${(buildMs / 1000).toFixed(1)} s; heap ${mb(heapBytes)} (index + documents map); export ${mb(exportBytes)}, import into a new instance ${ms(importMs)} (probe: ${probe} hits)`,
  )
  console.log(`behaviour of FlexSearch's own encoders:\n  ${behaviour().join('\n  ')}`)
  return { buildMs, heapBytes, importMs, exportBytes, p95 }
}
