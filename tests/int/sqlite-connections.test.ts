import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * libsql hands its connection to each transaction and opens a new one; nothing closed the handed one
 * (the garbage collector did, some time later). Under steady saves a process piled up open files until
 * it could open none ("Unable to open connection to local database … 14"). Now statements and
 * transactions share a few connections kept open (src/lib/sqliteConnections.ts). SQLite only (the file
 * is excluded on PostgreSQL).
 */
let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('sqlite-connections')
})
afterAll(async () => {
  await t?.close()
})

const openFiles = () => fs.readdirSync('/proc/self/fd').length

describe('SQLite connections', () => {
  it('reuses its connections: 300 saves leave the open files as they were', async () => {
    const section = await t.payload.create({ collection: 'sections', data: { name: 'Files', style: 'full' } })
    const save = (name: string) =>
      t.payload.update({ collection: 'sections', id: section.id, data: { name }, overrideAccess: true })
    for (let n = 0; n < 5; n++) await save(`Warm ${n}`)
    const before = openFiles()
    for (let n = 0; n < 300; n++) await save(`Save ${n}`)
    // Each transaction left open would hold three files (database, WAL, shared memory).
    expect(openFiles() - before).toBeLessThan(30)
    const saved = await t.payload.findByID({ collection: 'sections', id: section.id })
    expect(saved.name).toBe('Save 299')
  })

  it('100 transactions that roll back leave them as they were too, and reads go on', async () => {
    const before = openFiles()
    for (let n = 0; n < 100; n++) {
      const failed = await t.payload
        .create({ collection: 'sections', data: { name: '', style: 'full' } })
        .then(() => false)
        .catch(() => true)
      expect(failed).toBe(true)
    }
    expect(openFiles() - before).toBeLessThan(30)
    const listed = await t.payload.find({ collection: 'sections', where: { name: { equals: 'Save 299' } } })
    expect(listed.totalDocs).toBe(1)
  })
})
