/**
 * `npm run bench:search` — the search index on a generated archive of 50,000 items (ten years of
 * weekly issues, ~96 items each, English with glossed Chinese terms).
 *
 * Documents are generated in memory as Payload-shaped items (Lexical bodies) and flattened by the
 * same code the hooks use (documents.ts → SearchEngine.put); queries run through the same pipeline
 * as GET /api/search (service.runQuery: parse, match, filter, rank, escaped snippets). The baseline,
 * in the same run, is a naive scan of every document's text with substring tests (what a SQL
 * `LIKE '%…%'` over the archive does).
 *
 * A second, smaller measurement goes end to end through Payload: PAYLOAD_ITEMS items written with the
 * Local API to a temporary SQLite file, then `rebuild()` (reading them back) and `search()` timed.
 *
 * FlexSearch 0.8 (bench/searchFlex.ts) in the same run: the same documents and queries, its
 * export/import, and its own encoders checked against Briefing's behaviour on fixtures.
 *
 * Side by side in the same run, the database index (store.ts, what the server uses on SQLite and
 * PostgreSQL): the same 50,000 flattened documents written into its tables of a temporary SQLite file
 * through Payload's adapter, the same queries answered by one SQL query each (queryStore + snippets),
 * the heap it keeps per instance, and the time a fresh instance needs before its first answer.
 *
 * Options: ITEMS=50000 ITERATIONS=300 BASELINE_ITERATIONS=40 PAYLOAD_ITEMS=1000 (0 skips it)
 * STORE_ITERATIONS=100 (0 skips the database index) STORE_DB=<file> (keep the database index there and
 * reuse it in the next run) FLEX_ITERATIONS=100 (0 skips FlexSearch)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import v8 from 'node:v8'
import vm from 'node:vm'

import cliProgress from 'cli-progress'
import Table from 'cli-table3'

import { richText } from '../src/lib/richtext'
import { itemDoc, type Lookup } from '../src/search/documents'
import { SearchEngine } from '../src/search/engine'
import { runQuery, type SearchRequest } from '../src/search/service'
import { normalize } from '../src/search/tokenize'
import { flexIndex } from './searchFlex'
import { databaseIndex } from './searchStore'

const ITEMS = Number(process.env.ITEMS ?? 50_000)
const ITERATIONS = Number(process.env.ITERATIONS ?? 300)
const BASELINE_ITERATIONS = Number(process.env.BASELINE_ITERATIONS ?? 40)
const PAYLOAD_ITEMS = Number(process.env.PAYLOAD_ITEMS ?? 1000)
const STORE_ITERATIONS = Number(process.env.STORE_ITERATIONS ?? 100)
const FLEX_ITERATIONS = Number(process.env.FLEX_ITERATIONS ?? 100)

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

// Deterministic pseudo-random numbers (mulberry32).
let seed = 20261122
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))

const WORDS = `party central committee general secretary xi jinping state council premier meeting congress people
development economy reform opening security national modernization socialism characteristics chinese new era
discipline inspection anti corruption cadres officials provincial municipal county village rural revitalization
propaganda ideology theory study education campaign thought publication journal commentary article editorial
international liaison delegation visit talks cooperation exchange friendship communist workers foreign minister
organization appointment promoted deputy director head secretary standing member politburo plenum session
innovation technology industry manufacturing productive forces quality growth investment consumption market
finance banking risk debt local government budget tax fiscal policy monetary stability employment youth
environment ecological green carbon energy climate pollution water forest agriculture grain food supply
law rule courts judicial procuratorate police public order society governance grassroots community service
military army navy defense veterans border taiwan hong kong macau unity front religion ethnic minority
health epidemic prevention control hospital vaccine medical insurance pension elderly population birth
culture tradition history heritage confucian civilization media internet cyberspace platform data digital
belt road africa europe asia america russia vietnam laos cambodia korea japan india brazil south global`
  .split(/\s+/)
  .filter(Boolean)

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'

/** Glossary: ~300 terms with 2–6 character originals and 1–3 word English renderings. */
const TERMS = Array.from({ length: 300 }, (_, i) => {
  const length = i < 60 ? 2 : i < 200 ? 4 : pick([3, 5, 6])
  const original = Array.from({ length }, () => pick([...HAN])).join('')
  const english = Array.from({ length: between(1, 3) }, () => pick(WORDS)).join(' ')
  return { id: String(i + 1), english, original, aliases: [] as string[] }
})
const termById = new Map(TERMS.map((t) => [t.id, t]))
const SOURCES = [
  "People's Daily",
  'Qiushi',
  'Xinhua',
  'Guangming Daily',
  'Study Times',
  'CCDI',
  'China Daily',
  'Global Times',
]
const lookup: Lookup = {
  term: (id) => termById.get(id),
  source: (id) => ({ name: SOURCES[Number(id) - 1] ?? 'Source', originalName: '' }),
  issue: (id) => ({ slug: `v-${id}`, label: `Weekly Report ${id}` }),
  issueIsPublic: () => true,
}

const sentence = () => {
  const words = Array.from({ length: between(10, 18) }, () => pick(WORDS))
  words[0] = words[0][0].toUpperCase() + words[0].slice(1)
  return `${words.join(' ')}.`
}

/** One generated item, shaped like a Payload item (Lexical body, relation ids). */
function makeItem(n: number, start: number) {
  const week = Math.floor(n / Math.ceil(ITEMS / 520))
  const date = new Date(start + week * 7 * 86_400_000 + between(0, 6) * 86_400_000)
  const terms = Array.from({ length: between(1, 3) }, () => pick(TERMS))
  const paragraphs = Array.from({ length: between(2, 4) }, () =>
    Array.from({ length: between(2, 3) }, sentence).join(' '),
  )
  terms.forEach((t, i) => {
    paragraphs[i % paragraphs.length] += ` Officials stressed “${t.english}” (${t.original}).`
  })
  const brief = n % 3 === 0
  return {
    id: n + 1,
    _status: 'published',
    headline: brief ? null : Array.from({ length: between(5, 9) }, () => pick(WORDS)).join(' '),
    body: richText(...paragraphs),
    excerpt:
      n % 2
        ? terms.map((t) => t.original).join('，') + Array.from({ length: 24 }, () => pick([...HAN])).join('')
        : null,
    date: date.toISOString(),
    issue: week + 1,
    section: String(between(1, 6)),
    sources: [String(between(1, SOURCES.length))],
    terms: terms.map((t) => t.id),
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const ms = (v: number) => `${v.toFixed(2)} ms`

function build(): { engine: SearchEngine; buildMs: number; heapBytes: number; rssBytes: number } {
  gc()
  const heapBefore = process.memoryUsage().heapUsed
  const bar = new cliProgress.SingleBar(
    { format: 'indexing {bar} {value}/{total} items' },
    cliProgress.Presets.shades_classic,
  )
  bar.start(ITEMS, 0)
  const engine = new SearchEngine()
  const start = Date.UTC(2015, 0, 2)
  const began = performance.now()
  for (let n = 0; n < ITEMS; n++) {
    engine.put(`items:${n + 1}`, itemDoc(makeItem(n, start), lookup))
    if (n % 1000 === 999) bar.update(n + 1)
  }
  const buildMs = performance.now() - began
  bar.update(ITEMS)
  bar.stop()
  gc()
  const { heapUsed, rss } = process.memoryUsage()
  return { engine, buildMs, heapBytes: heapUsed - heapBefore, rssBytes: rss }
}

type Category = { name: string; make: () => SearchRequest; scan: (q: SearchRequest) => string[] }

const categories: Category[] = [
  {
    name: 'English (1–2 words)',
    make: () => ({ q: random() < 0.5 ? pick(WORDS) : `${pick(WORDS)} ${pick(WORDS)}` }),
    scan: (q) => q.q.split(' '),
  },
  {
    name: 'Chinese 2-char',
    make: () => {
      const t = pick(TERMS.filter((x) => x.original.length >= 2)).original
      const at = between(0, t.length - 2)
      return { q: t.slice(at, at + 2) }
    },
    scan: (q) => [q.q],
  },
  {
    name: 'Chinese 4-char',
    make: () => ({ q: pick(TERMS.filter((x) => x.original.length === 4)).original }),
    scan: (q) => [q.q],
  },
  {
    name: 'Filtered (word + section + 2 years)',
    make: () => {
      const year = between(2015, 2023)
      return {
        q: pick(WORDS),
        section: String(between(1, 6)),
        from: Date.UTC(year, 0, 1),
        to: Date.UTC(year + 2, 0, 1),
      }
    },
    scan: (q) => [q.q],
  },
]

function timeQueries(run: (q: SearchRequest) => unknown, make: () => SearchRequest, iterations: number) {
  const queries = Array.from({ length: iterations }, make)
  for (const q of queries.slice(0, 20)) run(q) // warm-up
  const times: number[] = []
  for (const q of queries) {
    const t0 = performance.now()
    run(q)
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) }
}

/** End to end through Payload on a temporary SQLite database: write, rebuild, query. */
async function throughPayload(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-search-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.BRIEFING_JOBS_AUTORUN = '0'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const service = await import('../src/search/service')
  const payload = await getPayload({ config })
  try {
    const section = await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
    const terms = []
    for (const t of TERMS.slice(0, 30)) {
      terms.push(
        await payload.create({
          collection: 'glossary-terms',
          data: { english: t.english, original: t.original, kind: 'term', status: 'reviewed' },
        }),
      )
    }
    const issue = await payload.create({
      collection: 'issues',
      draft: true,
      data: { volume: 1, number: 1, _status: 'draft' },
    })
    const bar = new cliProgress.SingleBar(
      { format: 'writing through Payload {bar} {value}/{total} items' },
      cliProgress.Presets.shades_classic,
    )
    bar.start(PAYLOAD_ITEMS, 0)
    for (let n = 0; n < PAYLOAD_ITEMS; n++) {
      const item = makeItem(n, Date.UTC(2015, 0, 2))
      await payload.create({
        collection: 'items',
        data: {
          ...item,
          id: undefined,
          issue: issue.id,
          section: section.id,
          sources: [],
          terms: [pick(terms).id],
          headline: item.headline ?? 'Headline',
          _status: 'published',
        } as never,
      })
      if (n % 50 === 49) bar.update(n + 1)
    }
    bar.update(PAYLOAD_ITEMS)
    bar.stop()
    service.reset()
    const { documents, ms: rebuildMs } = await service.rebuild(payload)
    const run = (q: SearchRequest) =>
      service.search(payload, { ...q, section: q.section ? String(section.id) : undefined })
    const times: Record<string, string> = {}
    for (const c of categories) {
      const queries = Array.from({ length: 100 }, c.make)
      const t: number[] = []
      for (const q of queries) {
        const t0 = performance.now()
        await run(q)
        t.push(performance.now() - t0)
      }
      t.sort((a, b) => a - b)
      times[c.name] = `p50 ${ms(quantile(t, 0.5))}, p95 ${ms(quantile(t, 0.95))}`
    }
    console.log(`\nThrough Payload (SQLite, ${PAYLOAD_ITEMS} items): rebuild ${documents} documents in ${rebuildMs} ms`)
    for (const [name, value] of Object.entries(times)) console.log(`  search() ${name}: ${value}`)
  } finally {
    await payload.destroy?.()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

type MemoryRun = { buildMs: number; heapBytes: number; p95: Record<string, number> }

function main(): MemoryRun {
  console.log(`Search bench: ${ITEMS} items, ${os.cpus().length} cores, Node ${process.version}`)
  const { engine, buildMs, heapBytes, rssBytes } = build()
  const drafts = new Set<string>()
  const hays = [...engine.entries()].map(([, d]) => ({ doc: d, hay: normalize(`${d.title}\n${d.text}\n${d.extra}`) }))
  const baseline = (c: Category) => (q: SearchRequest) => {
    const needles = c.scan(q).map(normalize)
    const out = []
    for (const { doc, hay } of hays) {
      if (q.section && doc.section !== q.section) continue
      if (q.from !== undefined && doc.date < q.from) continue
      if (q.to !== undefined && doc.date > q.to) continue
      if (needles.every((n) => hay.includes(n))) out.push(doc)
    }
    return out.sort((a, b) => b.date - a.date).slice(0, 10)
  }
  const table = new Table({
    head: ['query', 'index p50', 'index p95', 'baseline scan p50', 'baseline scan p95', 'avg hits'],
  })
  const rows: string[] = []
  const p95: Record<string, number> = {}
  for (const c of categories) {
    let hits = 0
    let runs = 0
    const index = timeQueries(
      (q) => {
        const res = runQuery(engine, drafts, { ...q, limit: 10 })
        hits += res.totalDocs
        runs++
      },
      c.make,
      ITERATIONS,
    )
    const scan = timeQueries(baseline(c), c.make, BASELINE_ITERATIONS)
    const avgHits = Math.round(hits / runs)
    p95[c.name] = index.p95
    table.push([c.name, ms(index.p50), ms(index.p95), ms(scan.p50), ms(scan.p95), avgHits])
    rows.push(
      `| ${c.name} | ${ms(index.p50)} | **${ms(index.p95)}** | ${ms(scan.p50)} | ${ms(scan.p95)} | ${avgHits} |`,
    )
  }
  const update = timeQueries(
    (q) =>
      engine.put(
        `items:${between(1, ITEMS)}`,
        itemDoc(makeItem(between(0, ITEMS - 1), Date.UTC(2015, 0, 2)), lookup),
      ) ?? q,
    () => ({ q: '' }),
    ITERATIONS,
  )
  console.log(table.toString())
  console.log(
    `build: ${(buildMs / 1000).toFixed(1)} s for ${engine.size} documents; index heap: ${mb(heapBytes)}; process rss after build: ${mb(rssBytes)}`,
  )
  console.log(`re-index one item (hook path): p50 ${ms(update.p50)}, p95 ${ms(update.p95)}`)
  console.log(
    '\nMarkdown rows:\n| query | index p50 | index p95 | baseline scan p50 | baseline scan p95 | avg hits |\n|---|---|---|---|---|---|',
  )
  console.log(rows.join('\n'))
  return { buildMs, heapBytes, p95 }
}

const memory = main()
const makeDoc = (n: number) => itemDoc(makeItem(n, Date.UTC(2015, 0, 2)), lookup)
const flex =
  FLEX_ITERATIONS > 0
    ? await flexIndex({ items: ITEMS, iterations: FLEX_ITERATIONS, makeDoc, categories, gc })
    : undefined
if (STORE_ITERATIONS > 0) {
  await databaseIndex({
    items: ITEMS,
    iterations: STORE_ITERATIONS,
    makeDoc,
    categories,
    memory,
    flex,
    gc,
  })
}
if (PAYLOAD_ITEMS > 0) await throughPayload()
