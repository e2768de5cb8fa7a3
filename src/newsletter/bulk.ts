/**
 * Bulk writes for the CSV import: many subscribers, their tags and subscriptions in a few statements
 * instead of one Local API create each. SQLite and PostgreSQL: drizzle batched inserts into the
 * collections' own tables (the schema Payload built), in one transaction per chunk. MongoDB: the
 * adapter's create, row by row (no hooks either way). Nothing here runs collection hooks: the caller
 * validates and normalises rows the way the collections do.
 */
import type { Payload } from 'payload'

import { adapterKind } from '../lib/db'
import { withWriteDb } from '../search/store'
import type { Id } from './newsletters'

export type NewSubscriber = {
  email: string
  name: string | null
  status: 'pending' | 'active'
  tags: string[]
  /** Newsletter ids to subscribe to, with the subscriber's status. */
  newsletters: Id[]
}

type Table = Record<string, unknown>
type Insert = {
  values: (rows: unknown[]) => Insert & Promise<unknown>
  returning: (cols: Record<string, unknown>) => Promise<Array<{ id: Id; email: string }>>
}
type Drizzle = { insert: (table: Table) => Insert }

const tableOf = (payload: Payload, name: string) =>
  (payload.db as unknown as { tables: Record<string, Table> }).tables[name]

/** Insert subscribers that do not exist yet (the caller checked), with tags and subscriptions. */
export async function insertSubscribers(payload: Payload, rows: NewSubscriber[], source = 'import'): Promise<void> {
  if (!rows.length) return
  const now = new Date().toISOString()
  if (adapterKind(payload) === 'mongo') return insertOneByOne(payload, rows, source, now)
  const subscribers = tableOf(payload, 'subscribers')
  const texts = tableOf(payload, 'subscribers_texts')
  const subscriptions = tableOf(payload, 'subscriptions')
  await withWriteDb(payload, undefined, async (db) => {
    const d = db as Drizzle
    const inserted = await d
      .insert(subscribers)
      .values(
        rows.map((r) => ({
          email: r.email,
          name: r.name,
          status: r.status,
          source,
          confirmedAt: r.status === 'active' ? now : null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: subscribers.id, email: subscribers.email })
    const idOf = new Map(inserted.map((s) => [s.email, s.id]))
    const tagRows = rows.flatMap((r) =>
      r.tags.map((text, order) => ({ parent: idOf.get(r.email), path: 'tags', order: order + 1, text })),
    )
    if (tagRows.length) await d.insert(texts).values(tagRows)
    const memberRows = rows.flatMap((r) =>
      r.newsletters.map((newsletter) => ({
        subscriber: idOf.get(r.email),
        newsletter,
        status: r.status,
        confirmedAt: r.status === 'active' ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    if (memberRows.length) await d.insert(subscriptions).values(memberRows)
  })
}

async function insertOneByOne(payload: Payload, rows: NewSubscriber[], source: string, now: string) {
  for (const r of rows) {
    const s = await payload.db.create({
      collection: 'subscribers',
      data: {
        email: r.email,
        name: r.name,
        status: r.status,
        source,
        tags: r.tags,
        confirmedAt: r.status === 'active' ? now : null,
        createdAt: now,
        updatedAt: now,
      },
    })
    for (const newsletter of r.newsletters)
      await payload.db.create({
        collection: 'subscriptions',
        data: { subscriber: s.id, newsletter, status: r.status, createdAt: now, updatedAt: now },
      })
  }
}
