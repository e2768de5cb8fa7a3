/**
 * Run as a separate process (`node --import tsx tests/helpers/composerLoad.ts SECTIONS ITEMS`) on the e2e
 * server's DATABASE_URI: makes a draft issue with SECTIONS new sections of ITEMS items each through the
 * Local API (the composer's 10 × 20 measurement) and prints `{ "id": …, "slug": … }`.
 */
import { getPayload } from 'payload'

import { closeDatabase } from '../../src/lib/db'
import { asSystem } from '../../src/lib/system'

process.env.BRIEFING_JOBS_AUTORUN = '0'
const [sections, perSection] = process.argv.slice(2).map(Number)
const { default: config } = await import('../../src/payload.config')
const payload = await getPayload({ config })
const stamp = Date.now().toString(36)
const sectionIds: Array<number | string> = []
for (let s = 1; s <= sections; s++) {
  const made = await payload.create({
    collection: 'sections',
    ...asSystem('seed'),
    data: { name: `Load ${stamp} S${s}`, position: 500 + s, style: 'full' },
  })
  sectionIds.push(made.id)
}
const issue = await payload.create({
  collection: 'issues',
  ...asSystem('seed'),
  draft: true,
  data: {
    periodStart: '2026-06-01',
    periodEnd: '2026-06-07',
    sections: sectionIds.map((id) => ({ section: id as number })),
    _status: 'draft',
  },
})
for (const [s, section] of sectionIds.entries())
  for (let n = 1; n <= perSection; n++)
    await payload.create({
      collection: 'items',
      ...asSystem('seed'),
      draft: true,
      data: {
        issue: issue.id,
        section: section as number,
        headline: `S${s + 1} item ${n}`,
        date: '2026-06-02',
        _status: 'draft',
      },
    })
process.stdout.write(`${JSON.stringify({ id: issue.id, slug: issue.slug })}\n`)
await closeDatabase(payload)
process.exit(0)
