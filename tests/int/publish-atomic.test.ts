import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { mountSearchRoutes } from '../../src/search/routes'
import { bootWithRest, mountPayloadApi } from '../helpers/rest'
import { serve } from './web-support'

/** Publishing an issue is all or nothing: one bad item leaves the issue and every item a draft. */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let rest: typeof t.rest
let web: typeof t.web
let editor: typeof t.editor
let section: number
let search: Awaited<ReturnType<typeof serve>>

beforeAll(async () => {
  process.env.BRIEFING_SEARCH_EAGER = '1'
  t = await bootWithRest('publish-atomic')
  ;({ payload, rest, web, editor } = t)
  const app = express()
  await mountPayloadApi(app) // GET /api/search: Payload's endpoint, as the Next route serves it
  await mountSearchRoutes(app, async () => payload)
  search = await serve(app)
  section = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
})
afterAll(async () => {
  await search?.close()
  await t?.close()
})

const item = (issue: number, n: number, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'items',
    data: {
      issue,
      section,
      headline: `Item ${n}`,
      date: '2022-04-15',
      body: richText(`Text ${n}.`),
      status: 'approved',
      ...extra,
    } as never,
    draft: true,
  })

describe('publishing an issue with PATCH /api/issues/:id', () => {
  it('rolls everything back when one of 22 items fails validation: issue page 404, all items draft', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 4, number: 68 }, draft: true })
    for (let n = 1; n <= 22; n++) {
      // Draft saves skip validation: item 15 carries a URL that publishing refuses.
      await item(issue.id, n, n === 15 ? { articleUrl: 'javascript:alert(1)' } : {})
    }
    // The preflight would refuse the bad link first (409): an editor's override reaches the items' own validation.
    const res = await rest('PATCH', `issues/${issue.id}`, {
      as: editor,
      body: { _status: 'published', publishOverride: { reason: 'Publish anyway' } },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.message).toBeTruthy()

    expect((await fetch(`${web.url}/issues/4-68`)).status).toBe(404)
    const anonymous = await rest('GET', `items?where[issue][equals]=${issue.id}&limit=100`)
    expect(anonymous.body.docs).toEqual([])
    const staff = await rest('GET', `items?where[issue][equals]=${issue.id}&limit=100&draft=true`, { as: editor })
    expect(staff.body.docs).toHaveLength(22)
    expect(staff.body.docs!.map((d) => d._status)).toEqual(Array(22).fill('draft'))
    const versions = await payload.find({
      collection: 'items',
      where: { and: [{ issue: { equals: issue.id } }, { _status: { equals: 'published' } }] },
    })
    expect(versions.totalDocs).toBe(0)
    const after = await rest('GET', `issues/${issue.id}?draft=true`, { as: editor })
    expect(after.body._status).toBe('draft')
    // Search forgets what was rolled back: nothing of the issue is found by anonymous readers.
    const found = (await (await fetch(`${search.url}/api/search?q=Text&limit=50`)).json()) as { docs: unknown[] }
    expect(found.docs).toEqual([])
  })

  it('publishes the issue and all its items once the bad item is fixed', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 4, number: 69 }, draft: true })
    const bad = await item(issue.id, 1, { articleUrl: 'javascript:alert(1)' })
    await item(issue.id, 2)
    expect((await rest('PATCH', `issues/${issue.id}`, { as: editor, body: { _status: 'published' } })).status).toBe(409)
    await payload.update({
      collection: 'items',
      id: bad.id,
      data: { articleUrl: 'https://example.com/a' },
      draft: true,
    })
    const ok = await rest('PATCH', `issues/${issue.id}`, { as: editor, body: { _status: 'published' } })
    expect(ok.status).toBe(200)
    expect((await fetch(`${web.url}/issues/4-69`)).status).toBe(200)
    const anonymous = await rest('GET', `items?where[issue][equals]=${issue.id}&limit=100`)
    expect(anonymous.body.docs).toHaveLength(2)
    const found = (await (await fetch(`${search.url}/api/search?q=Text&limit=50`)).json()) as { docs: unknown[] }
    expect(found.docs.length).toBeGreaterThanOrEqual(2)
  })
})
