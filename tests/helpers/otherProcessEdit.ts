/**
 * Run as a separate process (`node --import tsx tests/helpers/otherProcessEdit.ts OLD NEW`) on the
 * same DATABASE_URI: renames the published item headlined OLD to NEW, as a CLI import or a second
 * server would, so that the web process sees a change its own hooks never ran for.
 */
import { getPayload } from 'payload'

import { closeDatabase } from '../../src/lib/db'

process.env.BRIEFING_JOBS_AUTORUN = '0'
const [from, to] = process.argv.slice(2)
const { default: config } = await import('../../src/payload.config')
const payload = await getPayload({ config })
const found = await payload.find({ collection: 'items', where: { headline: { equals: from } }, limit: 1 })
if (!found.docs[0]) throw new Error(`no item headlined ${from}`)
await payload.update({ collection: 'items', id: found.docs[0].id, data: { headline: to } })
await closeDatabase(payload)
process.exit(0)
