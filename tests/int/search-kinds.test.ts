import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { refreshSearchFromFeed } from '../../src/search/feed'
import { mountSearchRoutes } from '../../src/search/routes'
import { rebuildMemory, reset, searchMemory } from '../../src/search/service'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { mountPayloadApi } from '../helpers/rest'
import { buildKinds, type Kinds } from './kinds-fixtures'

/** Search covers translations and special-issue entries (issue 14), through the API and the public page. */
let t: TestPayload
let k: Kinds
let server: Server
let base: string
let staffToken = ''

beforeAll(async () => {
  t = await bootPayload('search-kinds')
  await seed(t.payload)
  k = await buildKinds(t.payload)
  const app = express()
  await mountPayloadApi(app)
  await mountSearchRoutes(app, async () => t.payload)
  server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const editor = await makeUser(t.payload, 'editor')
  staffToken = (
    await t.payload.login({ collection: 'users', data: { email: editor.email, password: 'correct-horse-battery' } })
  ).token!
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await t?.close()
})

type Hit = { collection: string; id: unknown; title: string; url: string; snippet: string }
const find = async (q: string, staff = false): Promise<Hit[]> => {
  const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`, {
    headers: staff ? { authorization: `JWT ${staffToken}` } : {},
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { docs: Hit[] }).docs
}
const urls = async (q: string, staff = false) => (await find(q, staff)).map((d) => d.url)

describe('search: translations', () => {
  it('finds a published translation by its headline, introduction, translation, original title and Chinese original', async () => {
    const url = `/translations/${k.translationSlug}`
    expect(await urls('rural revitalization')).toEqual([url])
    expect(await urls('pangolin')).toEqual([url]) // introduction
    expect(await urls('marmoset')).toEqual([url]) // translation body
    expect(await urls('乡村振兴')).toEqual([url]) // original title and original, CJK like items
    expect(await urls('振兴工作')).toEqual([url])
    expect(await urls('制定本条例')).toEqual([url]) // the Chinese original
    const [hit] = await find('pangolin')
    expect(hit).toMatchObject({
      collection: 'translations',
      id: k.translation,
      title: 'Regulations on Rural Revitalization Work',
    })
    expect(hit.snippet).toContain('<mark>pangolin</mark>')
  })

  it('keeps drafts off the public API and page; staff find them, pointing to the admin', async () => {
    expect(await find('okapi')).toEqual([])
    expect(await urls('okapi', true)).toEqual([`/admin/collections/translations/${k.draftTranslation}`])
    const page = await (await fetch(`${base}/search?q=pangolin`)).text()
    expect(page).toContain('1 result for “pangolin”')
    expect(page).toContain(`href="/translations/${k.translationSlug}"`)
    expect(page).toContain('Translation</span>')
    expect(await (await fetch(`${base}/search?q=okapi`)).text()).toContain('0 results')
  })

  it('follows updates, a newer draft, unpublishing and deletion', async () => {
    await t.payload.update({
      collection: 'translations',
      id: k.translation,
      data: { introduction: richText('These regulations govern the wombat stewardship of villages.') },
      overrideAccess: true,
    })
    expect(await urls('pangolin')).toEqual([])
    expect(await urls('wombat')).toEqual([`/translations/${k.translationSlug}`])
    // A newer draft: the public keeps the published text, staff search the draft.
    await t.payload.update({
      collection: 'translations',
      id: k.translation,
      data: { introduction: richText('A quokka draft of the introduction.') },
      draft: true,
      overrideAccess: true,
    })
    expect(await urls('wombat')).toEqual([`/translations/${k.translationSlug}`])
    expect(await urls('quokka')).toEqual([])
    expect(await urls('quokka', true)).toEqual([`/admin/collections/translations/${k.translation}`])
    expect(await urls('wombat', true)).toEqual([])
    await t.payload.update({
      collection: 'translations',
      id: k.translation,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect(await urls('marmoset')).toEqual([])
    await t.payload.delete({ collection: 'translations', id: k.draftTranslation, overrideAccess: true })
    expect(await urls('okapi', true)).toEqual([])
  })
})

describe('search: special issues', () => {
  it("finds a published special issue's entries at /special/<slug>#<entry>", async () => {
    const [hit] = await find('capybara')
    expect(hit).toMatchObject({
      collection: 'issues',
      id: k.special,
      title: 'Second Session of the 14th NPC opens',
      url: `/special/${k.specialSlug}#second-session-of-the-14th-npc-opens`,
    })
    expect(await urls('新质生产力')).toContain(`/special/${k.specialSlug}#second-session-of-the-14th-npc-opens`)
    expect(await urls('axolotl')).toEqual([`/special/${k.specialSlug}#panel-discussions-continue`])
    expect(await urls('two sessions 2024')).toEqual([`/special/${k.specialSlug}`]) // the issue itself
  })

  it('follows edited entries, a newer draft, unpublishing and deletion', async () => {
    const issue = await t.payload.findByID({ collection: 'issues', id: k.special, depth: 0, overrideAccess: true })
    const groups = issue.entryGroups!.map((g) => ({ ...g }))
    groups[1] = { ...groups[1], entries: [{ headline: 'Delegations meet', body: richText('Pelican talks.') }] }
    await t.payload.update({ collection: 'issues', id: k.special, data: { entryGroups: groups }, overrideAccess: true })
    expect(await urls('axolotl')).toEqual([])
    expect(await urls('pelican')).toEqual([`/special/${k.specialSlug}#delegations-meet`])
    // A newer draft renames an entry: the public keeps the published entries, staff see only the draft's.
    groups[1] = { ...groups[1], entries: [{ headline: 'Delegations adjourn', body: richText('Flamingo talks.') }] }
    await t.payload.update({
      collection: 'issues',
      id: k.special,
      data: { entryGroups: groups },
      draft: true,
      overrideAccess: true,
    })
    expect(await urls('pelican')).toEqual([`/special/${k.specialSlug}#delegations-meet`])
    expect(await urls('flamingo')).toEqual([])
    expect(await urls('pelican', true)).toEqual([])
    expect(await urls('flamingo', true)).toEqual([`/admin/collections/issues/${k.special}`])
    await t.payload.update({ collection: 'issues', id: k.special, data: { _status: 'draft' }, overrideAccess: true })
    expect(await urls('capybara')).toEqual([])
    await t.payload.delete({ collection: 'issues', id: k.special, overrideAccess: true })
    expect(await urls('flamingo', true)).toEqual([])
    expect(await urls('capybara', true)).toEqual([])
  })
})

describe("search: the change-feed path (MongoDB's in-memory index, fed by other processes' changes)", () => {
  const memoryUrls = (q: string, staff = false) => searchMemory({ q, staff }).docs.map((d) => d.url)
  const changed = (collection: string, id: number | string) =>
    refreshSearchFromFeed({ collection, docId: String(id), keys: [] }, t.payload)

  it('applies changes to translations and special issues read from the change feed', async () => {
    await rebuildMemory(t.payload)
    try {
      // Saved here, but the in-memory index learns of them only through the feed (as from another process).
      const translation = await t.payload.create({
        collection: 'translations',
        data: { headline: 'Ibis notice', body: richText('An ibis regulation.'), _status: 'published' },
        overrideAccess: true,
      })
      expect(memoryUrls('ibis')).toEqual([])
      await changed('translations', translation.id)
      expect(memoryUrls('ibis')).toEqual([`/translations/${translation.slug}`])
      await t.payload.update({
        collection: 'translations',
        id: translation.id,
        data: { _status: 'draft' },
        overrideAccess: true,
      })
      await changed('translations', translation.id)
      expect(memoryUrls('ibis')).toEqual([])
      expect(memoryUrls('ibis', true)).toEqual([`/admin/collections/translations/${translation.id}`])
      await t.payload.delete({ collection: 'translations', id: translation.id, overrideAccess: true })
      await changed('translations', translation.id)
      expect(memoryUrls('ibis', true)).toEqual([])

      const special = await t.payload.create({
        collection: 'issues',
        data: {
          kind: 'special',
          title: 'Wetland Insight',
          subtitle: 'Special Issue on Wetlands',
          entryGroups: [{ heading: 'May 1', entries: [{ headline: 'Heron count', body: richText('Herons.') }] }],
          _status: 'published',
        },
        overrideAccess: true,
      })
      await changed('issues', special.id)
      expect(memoryUrls('herons')).toEqual([`/special/${special.slug}#heron-count`])
      await t.payload.update({
        collection: 'issues',
        id: special.id,
        data: {
          entryGroups: [{ heading: 'May 1', entries: [{ headline: 'Egret count', body: richText('Egrets.') }] }],
        },
        draft: true,
        overrideAccess: true,
      })
      await changed('issues', special.id)
      expect(memoryUrls('herons')).toEqual([`/special/${special.slug}#heron-count`])
      expect(memoryUrls('egrets')).toEqual([])
      expect(memoryUrls('herons', true)).toEqual([])
      expect(memoryUrls('egrets', true)).toEqual([`/admin/collections/issues/${special.id}`])
      await t.payload.delete({ collection: 'issues', id: special.id, overrideAccess: true })
      await changed('issues', special.id)
      expect(memoryUrls('herons', true)).toEqual([])
      expect(memoryUrls('egrets', true)).toEqual([])
    } finally {
      reset()
    }
  })
})
