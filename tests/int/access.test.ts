import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { startWebApp } from './web-support'

type Actor = 'anonymous' | 'contributor' | 'editor' | 'admin'
type Op = 'create' | 'read' | 'update' | 'delete'
const ACTORS: Actor[] = ['anonymous', 'contributor', 'editor', 'admin']

let t: TestPayload
let payload: Payload
const users: Record<string, Awaited<ReturnType<typeof makeUser>>> = {}
let sectionId: number | string
let issueId: number | string
let png: Buffer

const as = (actor: Actor) => ({ overrideAccess: false, user: actor === 'anonymous' ? undefined : users[actor] })

beforeAll(async () => {
  t = await bootPayload('access')
  payload = t.payload
  for (const role of ['admin', 'editor', 'contributor'] as const) users[role] = await makeUser(payload, role)
  users.contributor2 = await makeUser(payload, 'contributor', 'other-contributor@example.com')
  sectionId = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  issueId = (await payload.create({ collection: 'issues', data: { volume: 1, number: 1 }, draft: true })).id
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
})
afterAll(async () => {
  await t?.close()
})

/** A valid document for each collection, fresh each call (unique fields vary). */
let n = 0
const sample = (collection: CollectionSlug): Record<string, unknown> => {
  n++
  switch (collection) {
    case 'sections':
      return { name: `Section ${n}`, style: 'brief' }
    case 'sources':
      return { name: `Outlet ${n}`, kind: 'newspaper' }
    case 'glossary-terms':
      return { english: `term ${n}`, original: '动态清零', kind: 'term' }
    case 'subscribers':
      return { email: `reader${n}@example.com`, status: 'active' }
    case 'users':
      return { email: `user${n}@example.com`, password: 'a-long-password', role: 'contributor' }
    case 'issues':
      return { volume: 9, number: 100 + n }
    case 'items':
      return {
        issue: issueId,
        section: sectionId,
        headline: `Headline ${n}`,
        date: '2024-03-05',
        body: richText('Text.'),
      }
    default:
      return { alt: `Image ${n}` }
  }
}

const create = (collection: CollectionSlug, actor: Actor) =>
  payload.create({
    collection,
    data: sample(collection) as never,
    draft: collection === 'issues' || collection === 'items' ? true : undefined,
    ...(collection === 'media'
      ? { file: { data: png, mimetype: 'image/png', name: `p${n}.png`, size: png.length } }
      : {}),
    ...as(actor),
  })

const seedDoc = (collection: CollectionSlug) =>
  payload.create({
    collection,
    data: sample(collection) as never,
    draft: collection === 'issues' || collection === 'items' ? true : undefined,
    ...(collection === 'media'
      ? { file: { data: png, mimetype: 'image/png', name: `s${n}.png`, size: png.length } }
      : {}),
    overrideAccess: true,
  })

const attempt = async (fn: () => Promise<unknown>): Promise<boolean> => {
  try {
    const out = await fn()
    return out !== null && out !== undefined
  } catch (err) {
    const status = (err as { status?: number }).status
    if (status === 403 || status === 401 || status === 404) return false
    throw err
  }
}

const can = async (collection: CollectionSlug, actor: Actor, op: Op): Promise<boolean> => {
  if (op === 'create') return attempt(() => create(collection, actor))
  const doc = await seedDoc(collection)
  if (op === 'read') return attempt(() => payload.findByID({ collection, id: doc.id, draft: true, ...as(actor) }))
  if (op === 'update') {
    const data = collection === 'users' ? { name: 'Changed' } : collection === 'subscribers' ? { name: 'Changed' } : {}
    return attempt(() => payload.update({ collection, id: doc.id, data: data as never, draft: true, ...as(actor) }))
  }
  return attempt(() => payload.delete({ collection, id: doc.id, ...as(actor) }))
}

// Expected matrix: which actors may perform each operation (documents created by someone else).
const EDITORS: Actor[] = ['editor', 'admin']
const STAFF: Actor[] = ['contributor', 'editor', 'admin']
const MATRIX: Record<string, Record<Op, Actor[]>> = {
  issues: { create: EDITORS, read: STAFF, update: EDITORS, delete: EDITORS },
  items: { create: STAFF, read: STAFF, update: EDITORS, delete: EDITORS },
  // Sections and terms not (yet) used by published content are staff-only: see public-visibility.test.ts.
  sections: { create: EDITORS, read: STAFF, update: EDITORS, delete: EDITORS },
  sources: { create: EDITORS, read: ACTORS, update: EDITORS, delete: EDITORS },
  'glossary-terms': { create: STAFF, read: STAFF, update: EDITORS, delete: EDITORS },
  media: { create: STAFF, read: ACTORS, update: EDITORS, delete: EDITORS },
  // Staff see each other (assignees, review comment authors); only admins change other accounts.
  users: { create: ['admin'], read: STAFF, update: ['admin'], delete: ['admin'] },
  subscribers: { create: EDITORS, read: EDITORS, update: EDITORS, delete: ['admin'] }, // deleting a reader's record is an admin's call
}

describe('access matrix (every role and anonymous × every collection × create/read/update/delete)', () => {
  for (const [collection, ops] of Object.entries(MATRIX)) {
    for (const op of ['create', 'read', 'update', 'delete'] as Op[]) {
      it(`${collection} ${op}: only ${ops[op].join(', ')}`, async () => {
        const allowed: Actor[] = []
        for (const actor of ACTORS) if (await can(collection as CollectionSlug, actor, op)) allowed.push(actor)
        expect(allowed).toEqual(ops[op])
      })
    }
  }
})

describe('publishing', () => {
  const publish = (collection: 'issues' | 'items', id: number | string, actor: Actor) =>
    attempt(() => payload.update({ collection, id, data: { _status: 'published' }, ...as(actor) }))

  it('issues: only editors and admins publish', async () => {
    const allowed: Actor[] = []
    for (const actor of ACTORS) {
      const doc = await seedDoc('issues')
      if (await publish('issues', doc.id, actor)) allowed.push(actor)
    }
    expect(allowed).toEqual(EDITORS)
  })

  it('items: only editors and admins publish; a contributor cannot publish even their own item', async () => {
    const allowed: Actor[] = []
    for (const actor of ACTORS) {
      const doc = await seedDoc('items')
      if (await publish('items', doc.id, actor)) allowed.push(actor)
    }
    expect(allowed).toEqual(EDITORS)
    const own = await payload.create({
      collection: 'items',
      data: sample('items') as never,
      draft: true,
      ...as('contributor'),
    })
    expect(await publish('items', own.id, 'contributor')).toBe(false)
    const created = await attempt(() =>
      payload.create({
        collection: 'items',
        data: { ...sample('items'), _status: 'published' } as never,
        ...as('contributor'),
      }),
    )
    expect(created).toBe(false)
  })
})

describe('ownership', () => {
  it('a contributor edits and deletes their own draft items but not another contributor’s', async () => {
    const mine = await payload.create({
      collection: 'items',
      data: sample('items') as never,
      draft: true,
      ...as('contributor'),
    })
    expect(mine.createdBy).toBeTruthy()
    const theirs = await payload.create({
      collection: 'items',
      data: sample('items') as never,
      draft: true,
      overrideAccess: false,
      user: users.contributor2,
    })
    expect(
      await attempt(() =>
        payload.update({
          collection: 'items',
          id: mine.id,
          data: { headline: 'Mine' },
          draft: true,
          ...as('contributor'),
        }),
      ),
    ).toBe(true)
    expect(
      await attempt(() =>
        payload.update({
          collection: 'items',
          id: theirs.id,
          data: { headline: 'X' },
          draft: true,
          ...as('contributor'),
        }),
      ),
    ).toBe(false)
    expect(await attempt(() => payload.delete({ collection: 'items', id: theirs.id, ...as('contributor') }))).toBe(
      false,
    )
    expect(await attempt(() => payload.delete({ collection: 'items', id: mine.id, ...as('contributor') }))).toBe(true)
  })

  it('users read and update themselves but cannot change their own role', async () => {
    const me = users.contributor
    expect(await attempt(() => payload.findByID({ collection: 'users', id: me.id, ...as('contributor') }))).toBe(true)
    const updated = await payload.update({
      collection: 'users',
      id: me.id,
      data: { role: 'admin', name: 'Me' },
      ...as('contributor'),
    })
    expect(updated.role).toBe('contributor')
    expect(updated.name).toBe('Me')
  })

  it('settings: everyone reads, only admins update', async () => {
    for (const actor of ACTORS) {
      expect(await attempt(() => payload.findGlobal({ slug: 'settings', ...as(actor) }))).toBe(true)
      const ok = await attempt(() =>
        payload.updateGlobal({ slug: 'settings', data: { publicationName: `By ${actor}` }, ...as(actor) }),
      )
      expect(ok).toBe(actor === 'admin')
    }
  })

  it('anonymous lists only published issues and items', async () => {
    const pub = await seedDoc('issues')
    await payload.update({ collection: 'issues', id: pub.id, data: { _status: 'published' }, overrideAccess: true })
    const list = await payload.find({ collection: 'issues', limit: 100, ...as('anonymous') })
    expect(list.docs.length).toBeGreaterThan(0)
    expect(list.docs.every((d) => d._status === 'published')).toBe(true)
    const items = await payload.find({ collection: 'items', limit: 100, ...as('anonymous') })
    expect(items.docs.every((d) => d._status === 'published')).toBe(true)
  })
})

describe('published documents (over REST as the contributor who wrote them)', () => {
  let rest: Awaited<ReturnType<typeof restClient>>
  let web: Awaited<ReturnType<typeof startWebApp>>
  let issue: number | string
  beforeAll(async () => {
    rest = await restClient(payload)
    web = await startWebApp(payload)
    const created = await payload.create({
      collection: 'issues',
      data: { volume: 2, number: 1, sections: [{ section: sectionId as number }] },
      draft: true,
    })
    issue = created.id
    await payload.update({ collection: 'issues', id: issue, data: { _status: 'published' } })
  })
  afterAll(async () => {
    await web?.close()
  })

  /** A contributor's item, published by an editor. */
  const publishedOwnItem = async () => {
    const res = await rest('POST', 'items?draft=true', {
      as: users.contributor,
      body: { ...sample('items'), issue, headline: 'Reviewed headline' },
    })
    expect(res.status).toBe(201)
    const id = res.body.doc!.id as number
    const published = await rest('PATCH', `items/${id}`, { as: users.editor, body: { _status: 'published' } })
    expect(published.status).toBe(200)
    return id
  }
  const publicHeadline = async (id: number) => {
    const res = await rest('GET', `items/${id}`)
    const page = await (await fetch(`${web.url}/items/${id}`)).text()
    return { rest: res.status === 200 ? res.body.headline : res.status, page: page.includes('Reviewed headline') }
  }

  it('an edit is saved as a draft for review: the published version and its page stay as they were', async () => {
    const id = await publishedOwnItem()
    const edit = await rest('PATCH', `items/${id}`, { as: users.contributor, body: { headline: 'Unreviewed change' } })
    expect(edit.status).toBe(200)
    expect(edit.body.doc).toMatchObject({ _status: 'draft', headline: 'Unreviewed change' })
    expect(await publicHeadline(id)).toEqual({ rest: 'Reviewed headline', page: true })
    const draft = await rest('GET', `items/${id}?draft=true`, { as: users.editor })
    expect(draft.body).toMatchObject({ headline: 'Unreviewed change', _status: 'draft' })
    const approved = await rest('PATCH', `items/${id}`, { as: users.editor, body: { _status: 'published' } })
    expect(approved.body.doc).toMatchObject({ _status: 'published', headline: 'Unreviewed change' })
  })

  it('the contributor cannot unpublish (also not by restoring a draft version), republish or delete it; the editor can', async () => {
    const id = await publishedOwnItem()
    await rest('PATCH', `items/${id}`, { as: users.contributor, body: { _status: 'draft' } })
    expect(await publicHeadline(id)).toEqual({ rest: 'Reviewed headline', page: true })
    const republish = await rest('PATCH', `items/${id}`, {
      as: users.contributor,
      body: { headline: 'Sneaked in', _status: 'published' },
    })
    expect(republish.status).toBe(403)
    const drafts = await rest(
      'GET',
      `items/versions?where[parent][equals]=${id}&where[version._status][equals]=draft`,
      {
        as: users.contributor,
      },
    )
    const restored = await rest('POST', `items/versions/${drafts.body.docs![0].id}`, { as: users.contributor })
    expect(restored.status).toBe(403)
    const asDraft = `items/versions/${drafts.body.docs![0].id}?draft=true`
    expect((await rest('POST', asDraft, { as: users.contributor })).status).toBe(200)
    expect(await publicHeadline(id)).toEqual({ rest: 'Reviewed headline', page: true })
    const removed = await rest('DELETE', `items/${id}`, { as: users.contributor })
    expect(removed.status).toBe(403)
    expect(removed.body.errors?.[0]?.message).toBeTruthy()
    expect(await publicHeadline(id)).toEqual({ rest: 'Reviewed headline', page: true })

    const unpublished = await rest('PATCH', `items/${id}`, { as: users.editor, body: { _status: 'draft' } })
    expect(unpublished.body.doc).toMatchObject({ _status: 'draft' })
    expect((await publicHeadline(id)).rest).toBe(404)
    expect((await rest('DELETE', `items/${id}`, { as: users.editor })).status).toBe(200)
  })

  it('the contributor still deletes their own item while it has never been published', async () => {
    const res = await rest('POST', 'items?draft=true', { as: users.contributor, body: { ...sample('items'), issue } })
    expect((await rest('DELETE', `items/${res.body.doc!.id}`, { as: users.contributor })).status).toBe(200)
  })
})
