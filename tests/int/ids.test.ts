import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { relationId } from '../../src/lib/relations'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { rest, type RestAnswer } from '../helpers/rest'
import { startWebApp } from './web-support'

/**
 * Ids are opaque: numbers on SQLite and Postgres by default, UUID strings with DATABASE_ID_TYPE=uuid,
 * ObjectIds on MongoDB. The int suite runs once per kind (CI: default, uuid, Postgres); on every one,
 * a document is found by the id the database gave it, and an unknown or malformed id is a 404 or 400
 * with a message, never a 500.
 */
let t: TestPayload
let web: Awaited<ReturnType<typeof startWebApp>>
let editor: Awaited<ReturnType<typeof makeUser>>
let issueId: number | string
let itemId: number | string

const UNKNOWN = ['99999', '00000000-0000-4000-8000-000000000000', '65a1b2c3d4e5f60718293a4b']
const MALFORMED = ['not-an-id', '1.5', '-1', "1' OR '1'='1", 'x'.repeat(80)]

const message = (res: RestAnswer) => String(res.body.errors?.[0]?.message ?? '')

function expectClientError(res: RestAnswer, label: string) {
  expect([400, 404], `${label}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status)
  expect(message(res), label).not.toBe('')
}

beforeAll(async () => {
  t = await bootPayload('ids')
  editor = await makeUser(t.payload, 'editor')
  const section = await t.payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
  const issue = await t.payload.create({
    collection: 'issues',
    data: { volume: 4, number: 68, sections: [{ section: section.id }] },
    draft: true,
  })
  const item = await t.payload.create({
    collection: 'items',
    data: { issue: issue.id, section: section.id, headline: 'Xi spoke', _status: 'draft' },
    draft: true,
  })
  issueId = issue.id
  itemId = item.id
  web = await startWebApp(t.payload)
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('ids of this database', () => {
  it('find documents by the id the database gave them, in URLs', async () => {
    const reuse = await rest(t.payload, 'POST', `items/${itemId}/reuse`, editor, { issue: issueId })
    expect(reuse.status, JSON.stringify(reuse.body)).toBe(201)
    expect(String(relationId((reuse.body.doc as { reusedFrom: unknown }).reusedFrom))).toBe(String(itemId))
    expect((await rest(t.payload, 'GET', `items/${itemId}/related`, editor)).status).toBe(200)
    expect((await rest(t.payload, 'GET', `items/${itemId}/term-suggestions`, editor)).status).toBe(200)
    const status = await rest(t.payload, 'GET', `newsletter/issues/${issueId}/status`, editor)
    expect(status.status, JSON.stringify(status.body)).toBe(200)
    expect(String((status.body.issue as { id: unknown }).id)).toBe(String(issueId))
  })

  it.each([...UNKNOWN, ...MALFORMED])('answer 404 or 400 with a message for the id %j', async (bad) => {
    const id = encodeURIComponent(bad)
    expectClientError(await rest(t.payload, 'POST', `items/${id}/reuse`, editor, { issue: issueId }), 'reuse item')
    expectClientError(await rest(t.payload, 'POST', `items/${itemId}/reuse`, editor, { issue: bad }), 'reuse issue')
    expectClientError(
      await rest(t.payload, 'POST', `items/${itemId}/reuse`, editor, { issue: issueId, section: bad }),
      'reuse section',
    )
    expectClientError(await rest(t.payload, 'GET', `items/${id}/related`, editor), 'related')
    expectClientError(await rest(t.payload, 'GET', `items/${id}/term-suggestions`, editor), 'term suggestions')
    expectClientError(await rest(t.payload, 'GET', `newsletter/issues/${id}/status`, editor), 'newsletter status')
    expectClientError(await rest(t.payload, 'POST', `newsletter/campaigns/${id}/pause`, editor), 'campaign')
    expectClientError(await rest(t.payload, 'GET', `items/${id}`, editor), 'REST item')
    expect((await fetch(`${web.url}/items/${id}`)).status, 'public item page').toBe(404)
  })
})
