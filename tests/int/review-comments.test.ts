import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload
let item: number
let otherItem: number
let editor: Awaited<ReturnType<typeof makeUser>>
let assignee: Awaited<ReturnType<typeof makeUser>>
let reviewer: Awaited<ReturnType<typeof makeUser>>

type Actor = typeof editor | undefined
const as = (user: Actor) => ({ user, overrideAccess: false })
const comment = (data: Record<string, unknown>, user: Actor) =>
  payload.create({ collection: 'comments', data: { item, ...data } as never, ...as(user) })
const change = (id: number, data: Record<string, unknown>, user: Actor) =>
  payload.update({ collection: 'comments', id, data: data as never, ...as(user) })

beforeAll(async () => {
  t = await bootPayload('review-comments')
  payload = t.payload
  editor = await makeUser(payload, 'editor', 'editor@example.com')
  assignee = await makeUser(payload, 'contributor', 'assignee@example.com')
  reviewer = await makeUser(payload, 'contributor', 'reviewer@example.com')
  const section = await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
  const issue = await payload.create({ collection: 'issues', data: { volume: 1 }, draft: true })
  const data = { issue: issue.id, section: section.id, assignee: assignee.id }
  item = (await payload.create({ collection: 'items', data: { ...data, headline: 'One' }, draft: true })).id
  otherItem = (await payload.create({ collection: 'items', data: { ...data, headline: 'Two' }, draft: true })).id
})
afterAll(async () => {
  await t?.close()
})

describe('review comments', () => {
  it('staff comment on any item they can read, as themselves; anonymous readers see none', async () => {
    const c = await comment({ body: 'Source?', author: editor.id }, reviewer)
    expect(c.author).toMatchObject({ id: reviewer.id })
    expect(c.resolved).toBe(false)
    const listed = await payload.find({ collection: 'comments', where: { item: { equals: item } }, ...as(assignee) })
    expect(listed.docs.map((d) => d.id)).toContain(c.id)
    await expect(payload.find({ collection: 'comments', ...as(undefined) })).rejects.toThrow()
    await expect(comment({ body: 'x' }, undefined)).rejects.toThrow()
  })

  it('threads: replies share their root; a parent on another item and an empty body are refused', async () => {
    const root = await comment({ body: 'Check the date.' }, editor)
    const reply = await comment({ body: 'It is 4.15.', parent: root.id }, assignee)
    const deeper = await comment({ body: 'Thanks.', parent: reply.id }, editor)
    expect(deeper.parent).toMatchObject({ id: root.id })
    const elsewhere = await payload.create({
      collection: 'comments',
      data: { item: otherItem, body: 'Other' } as never,
      ...as(editor),
    })
    await expect(comment({ body: 'Wrong thread', parent: elsewhere.id }, editor)).rejects.toThrow(
      /reply must be on the same item/,
    )
    await expect(comment({ body: '   ' }, editor)).rejects.toThrow(/Body/)
    expect(
      (await payload.count({ collection: 'comments', where: { body: { equals: 'Wrong thread' } } })).totalDocs,
    ).toBe(0)
  })

  it('only the author or an editor edits a comment; the assignee or an editor resolves it', async () => {
    const c = await comment({ body: 'Name the outlet.' }, reviewer)
    await expect(change(c.id, { body: 'Changed by someone else' }, assignee)).rejects.toThrow(
      /Only the author or an editor/,
    )
    expect((await change(c.id, { body: 'Name the outlet, please.' }, reviewer)).body).toBe('Name the outlet, please.')
    await expect(change(c.id, { resolved: true }, reviewer)).rejects.toThrow(/assignee or an editor resolves/)

    const resolved = await change(c.id, { resolved: true }, assignee)
    expect(resolved.resolved).toBe(true)
    expect(resolved.resolvedBy).toMatchObject({ id: assignee.id })
    expect(resolved.resolvedAt).toBeTruthy()
    expect((await change(c.id, { body: 'Edited by an editor' }, editor)).body).toBe('Edited by an editor')
    const reopened = await change(c.id, { resolved: false }, editor)
    expect(reopened.resolvedBy ?? null).toBeNull()
    expect(reopened.resolvedAt ?? null).toBeNull()
    await expect(change(c.id, { item: otherItem }, editor)).rejects.toThrow(/cannot move/)
  })

  it('only the author or an editor deletes a comment', async () => {
    const c = await comment({ body: 'Typo in the headline.' }, reviewer)
    await expect(payload.delete({ collection: 'comments', id: c.id, ...as(assignee) })).rejects.toThrow()
    await payload.delete({ collection: 'comments', id: c.id, ...as(reviewer) })
    expect((await payload.count({ collection: 'comments', where: { id: { equals: c.id } } })).totalDocs).toBe(0)
  })
})
