import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { briefing } from '../helpers/cli'
import { bootWithRest } from '../helpers/rest'

/** The publish gate: publishing and sending refuse while a `block` problem remains, unless an editor overrides. */
let t: Awaited<ReturnType<typeof bootWithRest>>
let payload: Payload
let section: number
let source: number
let volume = 20

type Override = { reason: string; user: number | null; action: string; codes: string[]; at: string }

/** An issue with one complete item of the given review status. */
async function issueWith(status: string) {
  const issue = await payload.create({
    collection: 'issues',
    data: { volume: volume++, periodStart: '2024-03-02', periodEnd: '2024-03-08', sections: [{ section }] },
    draft: true,
  })
  const item = await payload.create({
    collection: 'items',
    data: {
      issue: issue.id,
      section,
      headline: 'Xi visits Jiangsu',
      date: '2024-03-05',
      sources: [source],
      body: richText('Xi spoke to the Jiangsu delegation.'),
      status,
    } as never,
    draft: true,
  })
  return { issue, item }
}

const stored = async (id: number) =>
  (await payload.findByID({ collection: 'issues', id, draft: true, depth: 0 })) as unknown as {
    _status: string
    overrides: Override[]
    slug: string
  }

const publish = (id: number, extra: Record<string, unknown> = {}) =>
  t.rest('PATCH', `issues/${id}`, { as: t.editor, body: { _status: 'published', ...extra } })

beforeAll(async () => {
  t = await bootWithRest('publish-gate')
  payload = t.payload
  section = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  source = (await payload.create({ collection: 'sources', data: { name: 'Xinhua' } })).id
})
afterAll(async () => {
  await t?.close()
})

describe('publishing over REST', () => {
  it('is refused while a block problem remains, naming the problems; nothing changes', async () => {
    const { issue, item } = await issueWith('drafting')
    const res = await publish(issue.id)
    expect(res.status).toBe(409)
    const message = res.body.errors?.[0]?.message ?? ''
    expect(message).toMatch(/Cannot publish .*1 blocking preflight problem/)
    expect(message).toContain('[item-not-approved] "Xi visits Jiangsu" is not approved (status: drafting)')
    expect(message).toMatch(/override reason/)
    expect((await stored(issue.id))._status).toBe('draft')
    expect((await stored(issue.id)).overrides).toEqual([])
    const after = await payload.findByID({ collection: 'items', id: item.id, draft: true })
    expect(after._status).toBe('draft')
  })

  it('goes through with an editor override, keeping the reason, the editor, the time and the codes', async () => {
    const { issue, item } = await issueWith('in_review')
    const res = await publish(issue.id, { publishOverride: { reason: 'Approved by phone with the editor-in-chief' } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const doc = await stored(issue.id)
    expect(doc._status).toBe('published')
    expect(doc.overrides).toEqual([
      expect.objectContaining({
        reason: 'Approved by phone with the editor-in-chief',
        user: t.editor.id,
        action: 'publish',
        codes: ['item-not-approved'],
      }),
    ])
    expect(Date.now() - Date.parse(doc.overrides[0]!.at)).toBeLessThan(60_000)
    expect((await payload.findByID({ collection: 'items', id: item.id }))._status).toBe('published')
  })

  it('needs no override when every item is approved and nothing blocks', async () => {
    const { issue } = await issueWith('approved')
    expect((await publish(issue.id)).status).toBe(200)
    expect(await stored(issue.id)).toMatchObject({ _status: 'published', overrides: [] })
  })

  it('keeps the override history out of clients’ hands', async () => {
    const { issue } = await issueWith('approved')
    const res = await t.rest('PATCH', `issues/${issue.id}?draft=true`, {
      as: t.editor,
      body: { overrides: [{ reason: 'Forged', action: 'publish', codes: [] }] },
    })
    expect(res.status).toBe(200)
    expect((await stored(issue.id)).overrides).toEqual([])
  })
})

describe('sending', () => {
  it('POST /api/newsletter/issues/:id/send refuses while a block remains, and records an override', async () => {
    const { issue } = await issueWith('approved')
    expect((await publish(issue.id)).status).toBe(200)
    // A new draft item lands in the published issue after publication: not approved.
    await payload.create({
      collection: 'items',
      data: { issue: issue.id, section, headline: 'Late item', date: '2024-03-06', sources: [source] } as never,
      draft: true,
    })
    const send = (body: Record<string, unknown>) =>
      t.rest('POST', `newsletter/issues/${issue.id}/send`, { as: t.editor, body: { confirmRecipients: 0, ...body } })
    const refused = await send({})
    expect(refused.status).toBe(409)
    expect(refused.body.errors?.[0]?.message).toMatch(/Cannot send .*\[item-not-approved\] "Late item"/)
    expect((await payload.count({ collection: 'campaigns' })).totalDocs).toBe(0)
    const sent = await send({ override: { reason: 'The late item is a correction; send now' } })
    expect(sent.body.errors).toBeUndefined()
    expect(sent.status).toBe(202)
    expect((await stored(issue.id)).overrides).toEqual([
      expect.objectContaining({ reason: 'The late item is a correction; send now', action: 'send', user: t.editor.id }),
    ])
    // The override save published nothing else: the late item is still a draft.
    const late = await payload.find({ collection: 'items', where: { headline: { equals: 'Late item' } } })
    expect(late.docs.map((d) => d._status)).toEqual(['draft'])
  })
})

describe('briefing publish', () => {
  it('refuses with the problems and exit code 1, and publishes with --override "<reason>"', async () => {
    const { issue } = await issueWith('assigned')
    const { slug } = await stored(issue.id)
    const env = { DATABASE_URI: process.env.DATABASE_URI, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET }
    const refused = await briefing(['publish', slug], env)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/Cannot publish .*\[item-not-approved\]/)
    expect((await stored(issue.id))._status).toBe('draft')
    const done = await briefing(['publish', slug, '--override', 'Reviewed on paper'], env)
    expect(done.stdout).toMatch(/published/)
    expect(done.status).toBe(0)
    expect(await stored(issue.id)).toMatchObject({
      _status: 'published',
      overrides: [expect.objectContaining({ reason: 'Reviewed on paper', action: 'publish', user: null })],
    })
  }, 300_000)
})
