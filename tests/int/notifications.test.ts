import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { DIGEST_TASK } from '../../src/workflow/digest'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload
let sink: SmtpSink
let issue: number
let section: number
let editor: Awaited<ReturnType<typeof makeUser>>
let writer: Awaited<ReturnType<typeof makeUser>>
let reviewer: Awaited<ReturnType<typeof makeUser>>
let digester: Awaited<ReturnType<typeof makeUser>>
let quiet: Awaited<ReturnType<typeof makeUser>>

type Mail = { to: string; subject: string; text: string }

/** Every message the sink received, parsed (one entry per envelope recipient). */
async function mails(): Promise<Mail[]> {
  const out: Mail[] = []
  for (const m of sink.messages) {
    const parsed = await simpleParser(m.raw)
    for (const to of m.envelopeTo) out.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '' })
  }
  return out
}

/** Wait until `count` messages match (mail goes out after the save commits, asynchronously). */
async function waitForMail(match: (m: Mail) => boolean, count = 1): Promise<Mail[]> {
  for (let i = 0; i < 200; i++) {
    const found = (await mails()).filter(match)
    if (found.length >= count) return found
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`expected ${count} matching message(s); got: ${JSON.stringify(await mails(), null, 1)}`)
}

const as = (user: typeof editor) => ({ user, overrideAccess: false, draft: true as const })
const newItem = (headline: string) =>
  payload.create({ collection: 'items', data: { issue, section, headline }, ...as(editor) })

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url(2)
  t = await bootPayload('notifications')
  payload = t.payload
  editor = await makeUser(payload, 'editor', 'editor@example.com')
  writer = await makeUser(payload, 'contributor', 'writer@example.com')
  reviewer = await makeUser(payload, 'contributor', 'reviewer@example.com')
  digester = await makeUser(payload, 'contributor', 'digest@example.com')
  quiet = await makeUser(payload, 'contributor', 'quiet@example.com')
  await payload.update({ collection: 'users', id: digester.id, data: { notifications: 'daily' } })
  await payload.update({ collection: 'users', id: quiet.id, data: { notifications: 'off' } })
  section = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  issue = (await payload.create({ collection: 'issues', data: { volume: 1 }, ...as(editor) })).id
})
afterAll(async () => {
  delete process.env.SMTP_URL
  await t?.close()
  await sink?.close()
})

describe('workflow notifications by email', () => {
  it('tells the assignee about an assignment, and the assignee and the editor about a comment', async () => {
    const item = await newItem('Xi meets advisors')
    expect((await mails()).length).toBe(0)
    await payload.update({ collection: 'items', id: item.id, data: { assignee: writer.id }, ...as(editor) })
    const [assigned] = await waitForMail((m) => m.to === 'writer@example.com')
    expect(assigned.subject).toBe('Assigned to you: Xi meets advisors')
    expect(assigned.text).toContain(`/admin/collections/items/${item.id}`)

    await payload.create({
      collection: 'comments',
      data: { item: item.id, body: 'Which outlet reported this?' },
      user: reviewer,
      overrideAccess: false,
    })
    const commented = await waitForMail((m) => m.subject === 'New comment on Xi meets advisors', 2)
    expect(commented.map((m) => m.to).sort()).toEqual(['editor@example.com', 'writer@example.com'])
    expect(commented[0].text).toContain('Which outlet reported this?')
    expect(commented[0].text).toContain('reviewer@example.com')
  })

  it('tells the editor when the assignee moves the status, and never the person who made the change', async () => {
    const item = await newItem('Party discipline')
    await payload.update({ collection: 'items', id: item.id, data: { assignee: writer.id }, ...as(editor) })
    await payload.update({ collection: 'items', id: item.id, data: { status: 'drafting' }, ...as(writer) })
    const [moved] = await waitForMail((m) => m.subject === 'Party discipline: Assigned → Drafting')
    expect(moved.to).toBe('editor@example.com')
    await waitForMail((m) => m.subject === 'Assigned to you: Party discipline')
    const all = await mails()
    expect(all.filter((m) => m.subject.startsWith('Party discipline') && m.to === 'writer@example.com')).toEqual([])
    expect(
      all.filter((m) => m.subject === 'Assigned to you: Party discipline' && m.to !== 'writer@example.com'),
    ).toEqual([])
  })

  it('saves even when the mail server is down (the failure is logged)', async () => {
    const item = await newItem('Mail down')
    await sink.stop()
    try {
      const saved = await payload.update({
        collection: 'items',
        id: item.id,
        data: { assignee: writer.id },
        ...as(editor),
      })
      expect(saved.status).toBe('assigned')
    } finally {
      await sink.restart()
    }
    const stored = await payload.findByID({ collection: 'items', id: item.id, draft: true })
    expect(stored.assignee).toMatchObject({ id: writer.id })
  })

  it('collects a daily-digest user’s notifications into one email sent by the digest job; "off" gets none', async () => {
    const first = await newItem('Digest one')
    const second = await newItem('Digest two')
    const silent = await newItem('Nobody hears')
    await payload.update({ collection: 'items', id: first.id, data: { assignee: digester.id }, ...as(editor) })
    await payload.update({ collection: 'items', id: second.id, data: { assignee: digester.id }, ...as(editor) })
    await payload.update({ collection: 'items', id: silent.id, data: { assignee: quiet.id }, ...as(editor) })
    const pendingFor = async (user: number) =>
      (
        await payload.count({
          collection: 'pending-notifications',
          where: { and: [{ user: { equals: user } }, { sentAt: { exists: false } }] },
        })
      ).totalDocs
    for (let i = 0; i < 200 && (await pendingFor(digester.id)) < 2; i++) await new Promise((r) => setTimeout(r, 50))
    expect(await pendingFor(digester.id)).toBe(2)
    expect(await pendingFor(quiet.id)).toBe(0)
    expect((await mails()).filter((m) => m.to === 'digest@example.com' || m.to === 'quiet@example.com')).toEqual([])

    await payload.jobs.queue({ task: DIGEST_TASK as never, input: {} as never })
    await payload.jobs.run({ allQueues: true })
    const [digest] = await waitForMail((m) => m.to === 'digest@example.com')
    expect(digest.subject).toBe('Briefing: 2 updates')
    expect(digest.text).toContain('Assigned to you: Digest one')
    expect(digest.text).toContain('Assigned to you: Digest two')
    expect(await pendingFor(digester.id)).toBe(0)

    await payload.jobs.queue({ task: DIGEST_TASK as never, input: {} as never })
    await payload.jobs.run({ allQueues: true })
    expect((await mails()).filter((m) => m.to === 'digest@example.com')).toHaveLength(1)
    expect((await mails()).filter((m) => m.to === 'quiet@example.com')).toEqual([])
  })
})
