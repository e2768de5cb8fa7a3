import os from 'node:os'

import type { CollectionSlug, Payload, Where } from 'payload'

import { atomicUpdateOptions } from '../lib/db'

/**
 * Atomic compare-and-set on one document: change `data` only if every `expected` field still has
 * its value, and say whether it changed. `payload.update({ where })` is NOT atomic on SQLite (it
 * selects the ids, then updates them unconditionally), so this goes to the adapter's `updateOne`
 * with the condition in the write itself: a single `UPDATE … WHERE … RETURNING` on SQLite/Postgres
 * (drizzle's `atomic` option) and `findOneAndUpdate` on MongoDB. Fields must live on the main table.
 */
export async function compareAndSet(
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  expected: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<boolean> {
  return Boolean(await compareAndSetDoc(payload, collection, id, expected, data))
}

/** Like compareAndSet, but returns the updated document (null if the expectation did not hold). */
export async function compareAndSetDoc(
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  expected: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<Record<string, unknown> | null> {
  const conditions: Where[] = [{ id: { equals: id } }]
  for (const [field, value] of Object.entries(expected)) {
    conditions.push(value === null ? { [field]: { exists: false } } : { [field]: { equals: value } })
  }
  const options = atomicUpdateOptions(payload)
  const doc = await payload.db.updateOne({ collection, where: { and: conditions }, data, options })
  return (doc as unknown as Record<string, unknown> | null) ?? null
}

/** Who is working: `<host>:<pid>:<random>`; lets a restarted sender see that a previous one died. */
export const makeOwnerId = () => `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`

/** True when the owner ran on this host and its process is gone (SIGKILL, crash). */
export function ownerIsDead(owner: string | null | undefined): boolean {
  if (!owner) return true
  const [host, pidText] = owner.split(':')
  const pid = Number(pidText)
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
