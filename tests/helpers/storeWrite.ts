/**
 * Run as a separate process on the same DATABASE_URI, as another instance's save would:
 * `node --conditions=development --import tsx tests/helpers/storeWrite.ts put KEY TITLE TEXT` writes a
 * published version under KEY into the search index; `… remove KEY` forgets it.
 */
import { getPayload } from 'payload'

import { closeDatabase } from '../../src/lib/db'

process.env.BRIEFING_JOBS_AUTORUN = '0'
const [action, key, title, text] = process.argv.slice(2)
const { default: config } = await import('../../src/payload.config')
const { putDoc, removeKey, withWriteDb } = await import('../../src/search/store')
const payload = await getPayload({ config })
await withWriteDb(payload, undefined, async (db) => {
  if (action === 'remove') return removeKey(payload, db, key)
  const id = key.split(':')[1]
  await putDoc(payload, db, key, {
    collection: 'sources',
    id,
    title,
    text,
    extra: '',
    url: `/${id}`,
    published: true,
    date: Date.UTC(2030, 0, 1),
  })
})
await closeDatabase(payload)
process.exit(0)
