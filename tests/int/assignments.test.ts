import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload
let issue: number
let section: number
let editor: Awaited<ReturnType<typeof makeUser>>
let writer: Awaited<ReturnType<typeof makeUser>>
let other: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  t = await bootPayload('assignments')
  payload = t.payload
  editor = await makeUser(payload, 'editor', 'editor@example.com')
  writer = await makeUser(payload, 'contributor', 'writer@example.com')
  other = await makeUser(payload, 'contributor', 'other@example.com')
  section = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  issue = (await payload.create({ collection: 'issues', data: { volume: 1 }, draft: true })).id
})
afterAll(async () => {
  await t?.close()
})

const newItem = (data: Record<string, unknown> = {}, user: unknown = editor) =>
  payload.create({
    collection: 'items',
    data: { issue, section, headline: `Item ${Math.random()}`, ...data },
    draft: true,
    user: user as typeof editor,
    overrideAccess: false,
  })

const setStatus = (id: number, status: string, user: unknown) =>
  payload.update({
    collection: 'items',
    id,
    data: { status } as never,
    draft: true,
    user: user as typeof editor,
    overrideAccess: false,
  })

describe('assignee and status', () => {
  it('a new item is unassigned; giving it an assignee makes it assigned', async () => {
    const item = await newItem()
    expect(item.status).toBe('unassigned')
    expect(item.assignee ?? null).toBeNull()
    const assigned = await payload.update({
      collection: 'items',
      id: item.id,
      data: { assignee: writer.id },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    expect(assigned.status).toBe('assigned')
    const created = await newItem({ assignee: writer.id })
    expect(created.status).toBe('assigned')
  })

  it('the status select has exactly the five values with readable labels', () => {
    const field = payload.collections.items.config.flattenedFields.find((f) => f.name === 'status') as {
      options: Array<{ label: string; value: string }>
      defaultValue: unknown
    }
    expect(field.options).toEqual([
      { label: 'Unassigned', value: 'unassigned' },
      { label: 'Assigned', value: 'assigned' },
      { label: 'Drafting', value: 'drafting' },
      { label: 'In review', value: 'in_review' },
      { label: 'Approved', value: 'approved' },
    ])
    expect(field.defaultValue).toBe('unassigned')
  })

  it('the assignee (a contributor who did not create it) moves it up to in review, one step at a time', async () => {
    const item = await newItem({ assignee: writer.id })
    await expect(setStatus(item.id, 'in_review', writer)).rejects.toThrow(/from Assigned to In review/)
    expect((await setStatus(item.id, 'drafting', writer)).status).toBe('drafting')
    expect((await setStatus(item.id, 'in_review', writer)).status).toBe('in_review')
    await expect(setStatus(item.id, 'approved', writer)).rejects.toThrow(/Only editors approve/)
    await expect(setStatus(item.id, 'drafting', writer)).rejects.toThrow(/Only editors move an item back/)
    const after = await payload.findByID({ collection: 'items', id: item.id, draft: true })
    expect(after.status).toBe('in_review')
  })

  it('another contributor cannot change it; an editor approves and steps back', async () => {
    const item = await newItem({ assignee: writer.id })
    await expect(setStatus(item.id, 'drafting', other)).rejects.toThrow()
    expect((await setStatus(item.id, 'approved', editor)).status).toBe('approved')
    expect((await setStatus(item.id, 'drafting', editor)).status).toBe('drafting')
  })

  it('drafting and review need an assignee, approval does not; an unknown status is refused', async () => {
    const item = await newItem()
    await expect(setStatus(item.id, 'drafting', editor)).rejects.toThrow(/Assign someone/)
    await expect(setStatus(item.id, 'finished', editor)).rejects.toThrow(/Status/)
    const after = await payload.findByID({ collection: 'items', id: item.id, draft: true })
    expect(after.status).toBe('unassigned')
    const imported = await newItem()
    expect((await setStatus(imported.id, 'approved', editor)).status).toBe('approved')
  })

  it("a section's default assignee is given to new items that have none", async () => {
    const briefs = await payload.create({
      collection: 'sections',
      data: { name: 'Organization Work', style: 'brief', defaultAssignee: writer.id },
    })
    const item = await payload.create({
      collection: 'items',
      data: { issue, section: briefs.id, date: '2024-03-05' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    expect(item.assignee).toMatchObject({ id: writer.id })
    expect(item.status).toBe('assigned')
    const chosen = await payload.create({
      collection: 'items',
      data: { issue, section: briefs.id, date: '2024-03-05', assignee: other.id },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    expect(chosen.assignee).toMatchObject({ id: other.id })
  })
})
