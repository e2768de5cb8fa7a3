import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../../src/env'
import { adapterKind, parseId } from '../../src/lib/db'
import { compareAndSet } from '../../src/newsletter/cas'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * src/lib/db.ts on the adapter this run uses: SQLite by default (numeric ids, or UUIDs with
 * DATABASE_ID_TYPE=uuid), Postgres with POSTGRES_URI, MongoDB with MONGODB_URI. CI runs it on the first
 * three.
 */
let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('db-adapter')
})
afterAll(async () => {
  await t?.close()
})

const newSection = (name: string, req?: object) =>
  t.payload.create({ collection: 'sections', data: { name, style: 'full' }, overrideAccess: true, ...req })

describe(`the database module on ${process.env.POSTGRES_URI ? 'postgres' : process.env.MONGODB_URI ? 'mongo' : 'sqlite'}`, () => {
  it('knows which adapter runs', () => {
    expect(adapterKind(t.payload)).toBe(databaseKind(process.env.DATABASE_URI))
  })

  it('parses the ids this database gives, in any form, and nothing else', async () => {
    const section = await newSection('Parsing')
    expect(parseId(t.payload, String(section.id))).toEqual(section.id)
    expect(parseId(t.payload, section.id)).toEqual(section.id)
    expect(parseId(t.payload, { id: section.id })).toEqual(section.id)
    const foreign = typeof section.id === 'number' ? '0f8fad5b-d9cb-469f-a165-70867728950e' : '42'
    for (const bad of ['', ' ', 'not-an-id', '1.5', '-1', "1' OR 1=1", foreign, null, undefined, {}])
      expect(parseId(t.payload, bad), JSON.stringify(bad)).toBeUndefined()
  })

  it('runs with adapter transactions that commit or roll back as a whole', async () => {
    const rolledBack = await t.payload.db.beginTransaction()
    expect(rolledBack).not.toBeNull()
    const gone = await newSection('Rolled back', { req: { transactionID: rolledBack! } })
    await t.payload.db.rollbackTransaction(rolledBack!)
    expect(await t.payload.findByID({ collection: 'sections', id: gone.id, disableErrors: true })).toBeNull()

    const committed = await t.payload.db.beginTransaction()
    const kept = await newSection('Committed', { req: { transactionID: committed! } })
    await t.payload.db.commitTransaction(committed!)
    expect((await t.payload.findByID({ collection: 'sections', id: kept.id }))?.name).toBe('Committed')
  })

  it('compare-and-set lets exactly one of two racing writers win', async () => {
    const section = await newSection('Race')
    const results = await Promise.all(
      ['first', 'second'].map((who) =>
        compareAndSet(t.payload, 'sections', section.id, { name: 'Race' }, { name: `Race won by ${who}` }),
      ),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect((await t.payload.findByID({ collection: 'sections', id: section.id }))?.name).toMatch(/^Race won by/)
  })
})
