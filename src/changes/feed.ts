import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { changeFeedPollMs, changeFeedRetentionMs } from '../env'
import { afterCommit } from '../lib/afterCommit'
import { deleteWhere } from '../lib/db'
import { asSystem } from '../lib/system'

/**
 * The change feed (collection `change-feed`): how instances that share a database tell each other
 * what changed. Hooks record, after their transaction commits, the collection, id and cache
 * dependency keys of every change; each web instance reads the rows it has not seen yet (by
 * `createdAt`, re-reading a short overlap so that a row written a moment late is not skipped, and
 * remembering row ids so that none is applied twice) and hands them to its listeners: the page cache
 * drops exactly the dependent pages, the search index re-reads the document. A process skips its own
 * rows (its hooks acted already). Rows older than CHANGE_FEED_RETENTION_SECONDS are pruned.
 * State lives on globalThis: Payload hooks loaded through Next's bundle and express share it.
 */

export type Change = { collection: string; docId?: string; keys: string[] }
export type ChangeListener = (change: Change, payload: Payload) => void | Promise<void>

/** Rows are re-read this far back, for writes that commit late and for small clock differences. */
const OVERLAP_MS = 5000
const PAGE = 500

type State = {
  origin: string
  writes: Set<Promise<unknown>>
  listeners: ChangeListener[]
  lostListeners: Array<() => void>
  cursor: number
  seen: Map<string, number>
  lastRead: number
  lastPrune: number
  timer?: NodeJS.Timeout
}

const g = globalThis as typeof globalThis & { __briefingChangeFeed?: State }
const state: State = (g.__briefingChangeFeed ??= {
  origin: randomUUID(),
  writes: new Set(),
  listeners: [],
  lostListeners: [],
  cursor: Date.now() - OVERLAP_MS,
  seen: new Map(),
  lastRead: Date.now(),
  lastPrune: 0,
})

/** React to changes made by other processes (registered once per process by each consumer). */
export function onRemoteChange(listener: ChangeListener): void {
  if (!state.listeners.includes(listener)) state.listeners.push(listener)
}

/** Called when rows may have been missed (the feed was unreadable for longer than its retention). */
export function onChangesLost(listener: () => void): void {
  if (!state.lostListeners.includes(listener)) state.lostListeners.push(listener)
}

async function write(payload: Payload, change: Change): Promise<void> {
  await payload.create({
    collection: 'change-feed',
    data: { origin: state.origin, collection: change.collection, docId: change.docId, keys: change.keys },
    ...asSystem('bookkeeping'),
  })
}

/** Record a change once the request's transaction commits (nothing on rollback). */
export function recordChange(req: Partial<PayloadRequest>, change: Change): void {
  const payload = req.payload
  if (!payload || !change.keys.length) return
  afterCommit(req, () => {
    const job = write(payload, change)
      .catch((err) => payload.logger.warn(`change feed: could not record a change: ${(err as Error).message}`))
      .finally(() => state.writes.delete(job))
    state.writes.add(job)
  })
}

/** Wait for recorded changes still being written (before a process closes its database). */
export async function flushChanges(): Promise<void> {
  while (state.writes.size) await Promise.all([...state.writes])
}

type Row = {
  id: number | string
  origin: string
  collection: string
  docId?: string | null
  keys: unknown
  createdAt: string
}

async function readSince(payload: Payload, since: number): Promise<Row[]> {
  const rows: Row[] = []
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: 'change-feed',
      where: { createdAt: { greater_than_equal: new Date(since).toISOString() } },
      sort: ['createdAt', 'id'],
      limit: PAGE,
      page,
      depth: 0,
      ...asSystem('bookkeeping'),
    })
    rows.push(...(res.docs as unknown as Row[]))
    if (!res.hasNextPage) return rows
  }
}

/**
 * Read the feed once: apply the rows of other processes not applied before; returns their keys.
 * If the feed could not be read for longer than the retention, rows may be gone: the lost listeners run.
 */
export async function pollChanges(payload: Payload): Promise<string[]> {
  const startedAt = Date.now()
  const rows = await readSince(payload, state.cursor - OVERLAP_MS)
  if (startedAt - state.lastRead > changeFeedRetentionMs()) for (const lost of state.lostListeners) lost()
  state.lastRead = startedAt
  const applied: string[] = []
  for (const row of rows) {
    const id = String(row.id)
    const at = Date.parse(row.createdAt)
    if (state.seen.has(id)) continue
    state.seen.set(id, at)
    if (at > state.cursor) state.cursor = at
    if (row.origin === state.origin) continue
    const keys = Array.isArray(row.keys) ? row.keys.map(String) : []
    const change: Change = { collection: row.collection, docId: row.docId ?? undefined, keys }
    for (const listener of state.listeners) await listener(change, payload)
    applied.push(...keys)
  }
  for (const [id, at] of state.seen) if (at < state.cursor - 2 * OVERLAP_MS) state.seen.delete(id)
  return applied
}

/** Delete rows older than `retentionMs`; returns how many went. */
export async function pruneChanges(payload: Payload, retentionMs = changeFeedRetentionMs()): Promise<number> {
  const before = new Date(Date.now() - retentionMs).toISOString()
  return deleteWhere(payload, 'change-feed', { createdAt: { less_than: before } })
}

/** Read the feed every CHANGE_FEED_POLL_MS (default 500; 0 off) and prune it every minute. Idempotent. */
export function watchChanges(getPayload: () => Promise<Payload>): void {
  const interval = changeFeedPollMs()
  if (state.timer || !(interval > 0)) return
  let busy = false
  state.timer = setInterval(() => {
    if (busy) return
    busy = true
    getPayload()
      .then(async (payload) => {
        await pollChanges(payload)
        if (Date.now() - state.lastPrune > 60_000) {
          state.lastPrune = Date.now()
          await pruneChanges(payload)
        }
      })
      .catch(() => undefined)
      .finally(() => (busy = false))
  }, interval)
  state.timer.unref?.()
}

export function stopWatchingChanges(): void {
  if (state.timer) clearInterval(state.timer)
  state.timer = undefined
}
