import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportArchive, isInternalCollection } from '../../src/exporter/archive'
import { remapRelations } from '../../src/exporter/relations'
import { restoreArchive } from '../../src/importer/archive'
import { importFile } from '../../src/importer/run'
import { seed } from '../../src/seed'
import { briefingSync } from '../helpers/cli'
import { buildKinds } from './kinds-fixtures'
import { bootPayload, dropTestDatabase, makeUser, testDatabaseUri, type TestPayload } from '../helpers/payload'

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('export-archive')
  await seed(t.payload)
  const fixtures = path.resolve('tests/fixtures/import')
  await importFile(t.payload, 'r.html', fs.readFileSync(path.join(fixtures, 'weekly-report-4-68.html')), {
    publish: true,
  })
  await importFile(t.payload, 'a.txt', fs.readFileSync(path.join(fixtures, 'article-xinhua-2020-04-01.txt')), {
    issue: '3-9',
    section: 'propaganda-work',
  })
  // Issue 14's kinds: a translations publication, a published and a draft translation, a special issue.
  await buildKinds(t.payload)
  await makeUser(t.payload, 'admin', 'admin@example.com')
  await makeUser(t.payload, 'editor', 'editor@example.com')
  await t.payload.create({
    collection: 'subscribers',
    data: { email: 'reader@example.com', name: 'Reader', status: 'active' },
    overrideAccess: true,
  })
  const png = await sharp({ create: { width: 24, height: 12, channels: 3, background: '#aa2200' } })
    .png()
    .toBuffer()
  const media = await t.payload.create({
    collection: 'media',
    data: { alt: 'A red chart', credit: 'XINHUA' },
    file: { data: png, mimetype: 'image/png', name: 'chart.png', size: png.length },
    overrideAccess: true,
  })
  const issue = (await t.payload.find({ collection: 'issues', where: { slug: { equals: '4-68' } } })).docs[0]
  await t.payload.update({ collection: 'issues', id: issue.id, data: { coverImage: media.id }, overrideAccess: true })
  // A published item with a newer draft: both must come back.
  const item = (await t.payload.find({ collection: 'items', where: { issue: { equals: issue.id } }, limit: 1 })).docs[0]
  await t.payload.update({
    collection: 'items',
    id: item.id,
    data: { headline: 'A newer draft headline' },
    draft: true,
    overrideAccess: true,
  })
  await t.payload.updateGlobal({
    slug: 'settings',
    data: { publicationName: 'Archive Test Weekly' },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await t?.close()
})

type Doc = Record<string, unknown> & { id: number | string }
const read = (file: string): Doc[] =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Doc)
    : []

/** Every collection file of an archive with ids replaced by positions, so that two archives compare. */
function normalise(payload: Payload, dir: string) {
  const collections = payload.config.collections.filter((c) => !isInternalCollection(c.slug))
  const position = new Map<string, Map<string, number>>()
  for (const c of collections)
    position.set(c.slug, new Map(read(path.join(dir, `${c.slug}.jsonl`)).map((d, i) => [String(d.id), i])))
  const map = (rel: string, id: number | string) => `${rel}#${position.get(rel)?.get(String(id)) ?? `missing:${id}`}`
  const out: Record<string, unknown[]> = {}
  for (const c of collections) {
    for (const suffix of ['', '.drafts']) {
      out[`${c.slug}${suffix}`] = read(path.join(dir, `${c.slug}${suffix}.jsonl`)).map((doc) => {
        const { id, updatedAt: _u, ...rest } = remapRelations(c.fields, doc, map) as Doc
        return { ref: map(c.slug, id), ...rest }
      })
    }
  }
  return out
}

const cli = briefingSync

// The empty database the archive is restored into: a SQLite file, or a fresh one on the test server.
let restoredUri = ''
afterAll(async () => {
  if (restoredUri) await dropTestDatabase(restoredUri)
})

describe('whole-archive export → import --archive', () => {
  it('restores into an empty database with identical content, media files included', async () => {
    const first = path.join(t.dir, 'archive-1')
    restoredUri = testDatabaseUri(t.dir, 'restored')
    const manifest = await exportArchive(t.payload, first)
    expect(manifest.collections).toMatchObject({
      issues: 4,
      publications: 3,
      translations: 2,
      sections: expect.any(Number),
      media: 2,
      users: 2,
      subscribers: 1,
    })
    expect(manifest.drafts.items).toBe(1)
    expect(manifest.drafts.translations).toBe(0) // the draft translation has no published version: it is its main document
    expect(fs.existsSync(path.join(first, 'files', 'media', 'chart.png'))).toBe(true)

    const env = {
      DATABASE_URI: restoredUri,
      MEDIA_DIR: path.join(t.dir, 'restored-media'),
      OUTBOX_DIR: path.join(t.dir, 'restored-outbox'),
      BRIEFING_JOBS_AUTORUN: '0',
    }
    const restore = cli(['import', '--archive', first], env)
    expect(restore.stderr + restore.stdout).toMatch(/restored .*4 issues/)
    expect(restore.status).toBe(0)
    expect(fs.existsSync(path.join(env.MEDIA_DIR, 'chart.png'))).toBe(true)

    const second = path.join(t.dir, 'archive-2')
    const exported = cli(['export', '--all', '--out', second], env)
    expect(exported.status).toBe(0)
    const again = normalise(t.payload, second)
    const original = normalise(t.payload, first)
    expect(again).toEqual(original)
    // The new kinds came back whole: credits, aligned pairs, editions, update notes, dated entries with photos.
    const translation = again.translations.find(
      (d) => (d as Doc).headline === 'Regulations on Rural Revitalization Work',
    )
    expect(translation).toMatchObject({
      credits: [expect.objectContaining({ person: 'Lincoln Davidson', role: 'translator' }), expect.anything()],
      bilingual: [expect.objectContaining({ zh: '第一条 制定本条例。' }), expect.anything()],
      editions: [
        expect.objectContaining({ label: 'First reading draft' }),
        expect.objectContaining({ label: 'Final' }),
      ],
      updateNotes: [expect.objectContaining({ text: 'Update 26 March: the final text was added.' })],
      source: expect.stringMatching(/^sources#\d+$/),
      _status: 'published',
    })
    const special = again.issues.find((d) => (d as Doc).kind === 'special') as Doc
    expect(special).toMatchObject({ publication: expect.stringMatching(/^publications#\d+$/), _status: 'published' })
    expect(JSON.stringify(special.entryGroups)).toMatch(/"image":"media#\d+".*"sources":\["sources#\d+"\]/)
    expect(again.publications.map((p) => (p as Doc).kind)).toEqual(['weekly', 'translations', 'special'])
    expect(JSON.parse(fs.readFileSync(path.join(second, 'globals.json'), 'utf8')).settings.publicationName).toBe(
      'Archive Test Weekly',
    )

    // A restore into a database that has content (this test's own) is refused and changes nothing.
    const before = (await t.payload.count({ collection: 'items' })).totalDocs
    await expect(restoreArchive(t.payload, first)).rejects.toThrow(
      /^the database is not empty \(4 issues, \d+ items, .*\): an archive is restored into an empty database only$/,
    )
    expect((await t.payload.count({ collection: 'items' })).totalDocs).toBe(before)
  }, 300_000)
})
