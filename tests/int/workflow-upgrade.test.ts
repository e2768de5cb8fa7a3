import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { approvePublishedItems } from '../../src/workflow/upgrade'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * Items published before the workflow existed were approved by publishing them: the upgrade marks them
 * `approved`, so an issue already on the web is not suddenly blocked by the publish/send gate. Drafts
 * and published items with a newer unpublished draft keep their status (someone still has to approve).
 */
let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await bootPayload('workflow-upgrade')
  payload = t.payload
})
afterAll(async () => {
  await t?.close()
})

const statusOf = async (id: number | string) =>
  (await payload.findByID({ collection: 'items', id, draft: true, depth: 0, overrideAccess: true })).status

describe('approvePublishedItems', () => {
  it('approves published items, leaves drafts and pending drafts alone, and is idempotent', async () => {
    const section = (await payload.create({ collection: 'sections', data: { name: 'Propaganda Work', style: 'full' } }))
      .id
    const published = (await payload.create({ collection: 'issues', data: { volume: 9, number: 1 }, draft: true })).id
    const draftIssue = (await payload.create({ collection: 'issues', data: { volume: 9, number: 2 }, draft: true })).id
    const item = (issue: number, headline: string) =>
      payload.create({
        collection: 'items',
        data: { issue, section, headline, date: '2024-03-05', body: richText('Text') },
        draft: true,
      })
    const a = await item(published, 'Alpha')
    const b = await item(published, 'Beta')
    const c = await item(draftIssue, 'Gamma')
    await payload.update({ collection: 'issues', id: published, data: { _status: 'published' } })
    // Beta gets a newer draft after publishing: its text is not reviewed yet.
    await payload.update({ collection: 'items', id: b.id, data: { headline: 'Beta, revised' }, draft: true })
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(c.id)]).toEqual([
      'unassigned',
      'unassigned',
      'unassigned',
    ])

    expect(await approvePublishedItems(payload)).toBe(1)
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(c.id)]).toEqual([
      'approved',
      'unassigned',
      'unassigned',
    ])
    // Beta's pending draft is still a draft, with its text.
    const beta = await payload.findByID({ collection: 'items', id: b.id, draft: true, overrideAccess: true })
    expect([beta._status, beta.headline]).toEqual(['draft', 'Beta, revised'])
    expect(await approvePublishedItems(payload)).toBe(0)
  })

  it("the seed's published issue has approved items, so it can be sent without an override", async () => {
    await seed(payload, () => undefined)
    const issues = await payload.find({ collection: 'issues', where: { _status: { equals: 'published' } }, depth: 0 })
    const seeded = issues.docs.find((i) => i.volume === 3)
    expect(seeded).toBeDefined()
    const items = await payload.find({
      collection: 'items',
      where: { issue: { equals: seeded?.id } },
      draft: true,
      depth: 0,
      pagination: false,
    })
    expect(items.docs.length).toBeGreaterThan(0)
    expect(new Set(items.docs.map((i) => i.status))).toEqual(new Set(['approved']))
  })
})
