import { createHash } from 'node:crypto'

import { webCacheEnabled, webCacheMaxPages, webCacheTtlSeconds } from '../env'
import { pageCacheHits, pageCacheMisses } from '../metrics'

/**
 * In-memory cache of rendered public pages, with the documents each page depends on.
 *
 * Dependency keys (strings):
 * - `doc:<collection>:<id>`   the page shows fields of this document;
 * - `list:<collection>:<id>`  the page lists the items belonging to it (issue, section, term, source);
 * - `list:<collection>`       the page lists documents of the collection (archive, glossary, sitemap);
 * - `nav:issues:<id>`         the issue page's previous/next links;
 * - `globals:settings`        every page (site name).
 * Hooks call `invalidate(keys)`, which drops exactly the pages recorded under those keys.
 * The state lives on globalThis so that Payload hooks loaded through Next's bundle and express
 * share one cache in the process.
 */
export type CachedPage = {
  status: number
  body: Buffer
  type: string
  etag: string
  lastModified: string
  deps: string[]
  storedAt: number
}

export type Rendered = { status?: number; body: string; type: string; deps: Iterable<string> }

type State = {
  pages: Map<string, CachedPage>
  index: Map<string, Set<string>>
  inflight: Map<string, Promise<CachedPage>>
  invalidatedAt: Map<string, number>
  clock: number
  previewVersions: Map<string, number>
  previewGlobal: number
}

const g = globalThis as typeof globalThis & { __briefingWebCache?: State }
const state: State = (g.__briefingWebCache ??= {
  pages: new Map(),
  index: new Map(),
  inflight: new Map(),
  invalidatedAt: new Map(),
  clock: 0,
  previewVersions: new Map(),
  previewGlobal: 0,
})

export const maxPages = (): number => webCacheMaxPages()
export const cacheTtlMs = (): number => webCacheTtlSeconds() * 1000
export const cacheEnabled = (): boolean => webCacheEnabled()

const httpDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toUTCString()

/** Build a cache entry (ETag from the body, Last-Modified now). */
export function toPage(rendered: Rendered, now = Date.now()): CachedPage {
  const body = Buffer.from(rendered.body, 'utf8')
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`
  return {
    status: rendered.status ?? 200,
    body,
    type: rendered.type,
    etag,
    lastModified: httpDate(now),
    deps: [...new Set(rendered.deps)],
    storedAt: now,
  }
}

function drop(path: string): void {
  const page = state.pages.get(path)
  if (!page) return
  state.pages.delete(path)
  for (const dep of page.deps) {
    const set = state.index.get(dep)
    set?.delete(path)
    if (set && !set.size) state.index.delete(dep)
  }
}

function store(path: string, page: CachedPage, startedAt: number): void {
  // A change that happened while this page was rendering makes the result stale: do not keep it.
  if (page.deps.some((d) => (state.invalidatedAt.get(d) ?? -1) >= startedAt)) return
  drop(path)
  state.pages.set(path, page)
  for (const dep of page.deps) {
    let set = state.index.get(dep)
    if (!set) state.index.set(dep, (set = new Set()))
    set.add(path)
  }
  while (state.pages.size > maxPages()) drop(state.pages.keys().next().value as string)
}

/**
 * The cached page for `path`, rendering it (once, however many requests wait) when missing or
 * older than the TTL. Only 200 answers are kept.
 */
export async function cachedPage(path: string, render: () => Promise<Rendered>): Promise<CachedPage> {
  if (!cacheEnabled()) return toPage(await render())
  const hit = state.pages.get(path)
  if (hit && Date.now() - hit.storedAt < cacheTtlMs()) {
    // LRU: move to the end.
    state.pages.delete(path)
    state.pages.set(path, hit)
    pageCacheHits.inc()
    return hit
  }
  pageCacheMisses.inc()
  const running = state.inflight.get(path)
  if (running) return running
  const startedAt = ++state.clock
  const job = render()
    .then((r) => {
      const page = toPage(r)
      // 404s are not kept: arbitrary URLs must not push real pages out of the cache.
      if (page.status === 200) store(path, page, startedAt)
      return page
    })
    .finally(() => state.inflight.delete(path))
  state.inflight.set(path, job)
  return job
}

/** Drop every cached page that depends on any of `keys`; returns the paths dropped. */
export function invalidate(keys: Iterable<string>): string[] {
  const stamp = ++state.clock
  const dropped = new Set<string>()
  for (const key of keys) {
    state.invalidatedAt.set(key, stamp)
    for (const path of state.index.get(key) ?? []) dropped.add(path)
  }
  for (const path of dropped) drop(path)
  if (state.invalidatedAt.size > 50_000) state.invalidatedAt.clear()
  return [...dropped]
}

export function clearCache(): void {
  state.pages.clear()
  state.index.clear()
  state.invalidatedAt.clear()
}

export const cachedPaths = (): string[] => [...state.pages.keys()]
export const isCached = (path: string): boolean => state.pages.has(path)

/** Preview versions: bumped on every change (drafts included) so preview pages can refresh. */
export function bumpPreview(issueIds: Array<string | number | undefined>, global = false): void {
  if (global) state.previewGlobal++
  for (const id of issueIds)
    if (id !== undefined) state.previewVersions.set(String(id), (state.previewVersions.get(String(id)) ?? 0) + 1)
}
export const previewVersion = (issueId: string | number): string =>
  `${state.previewGlobal}.${state.previewVersions.get(String(issueId)) ?? 0}`
