import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { briefing } from '../helpers/cli'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

/** Scheduled publishing through Payload's jobs queue (the `schedulePublish` task). */
let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('schedule')
})
afterAll(async () => {
  await t?.close()
})

const schedule = async (issueId: number | string, when: Date, user: { id: number | string }) =>
  t.payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: when,
    input: {
      type: 'publish',
      doc: { relationTo: 'issues', value: String(issueId) as never },
      user: { relationTo: 'users', value: user.id as never },
    },
  })

describe('scheduled publishing', () => {
  it('publishes an issue (and its items) when its time comes, not before', async () => {
    const editor = await makeUser(t.payload, 'editor')
    const section = await t.payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })
    const issue = await t.payload.create({ collection: 'issues', data: { volume: 1 }, draft: true })
    const item = await t.payload.create({
      collection: 'items',
      data: {
        issue: issue.id,
        section: section.id,
        headline: 'Scheduled',
        date: '2024-03-05',
        body: richText('Text'),
        status: 'approved',
      },
      draft: true,
    })
    await schedule(issue.id, new Date(Date.now() + 60 * 60 * 1000), editor)
    await t.payload.jobs.run()
    expect((await t.payload.findByID({ collection: 'issues', id: issue.id, draft: true }))._status).toBe('draft')

    await schedule(issue.id, new Date(Date.now() - 1000), editor)
    await t.payload.jobs.run()
    expect((await t.payload.findByID({ collection: 'issues', id: issue.id }))._status).toBe('published')
    expect((await t.payload.findByID({ collection: 'items', id: item.id }))._status).toBe('published')
  })

  it('runs a due job once when several workers look for jobs at the same moment', async () => {
    const editor = await makeUser(t.payload, 'editor')
    const issue = await t.payload.create({ collection: 'issues', data: { volume: 4 }, draft: true })
    const job = await schedule(issue.id, new Date(Date.now() - 1000), editor)
    const runs = await Promise.all(Array.from({ length: 4 }, () => t.payload.jobs.run({ limit: 5 })))
    const ranIt = runs.filter((r) => Object.keys(r?.jobStatus ?? {}).includes(String(job.id)))
    expect(ranIt).toHaveLength(1)
    expect((await t.payload.findByID({ collection: 'issues', id: issue.id }))._status).toBe('published')
    const versions = await t.payload.findVersions({
      collection: 'issues',
      where: { and: [{ parent: { equals: issue.id } }, { 'version._status': { equals: 'published' } }] },
    })
    expect(versions.totalDocs).toBe(1)
  })

  it('`briefing worker --once` (a separate process) runs due scheduled publishing too', async () => {
    const editor = await makeUser(t.payload, 'editor')
    const issue = await t.payload.create({ collection: 'issues', data: { volume: 3 }, draft: true })
    await schedule(issue.id, new Date(Date.now() - 1000), editor)
    // Asynchronously, so that this process stays responsive while the worker shares the database.
    const out = await briefing(['worker', '--once'], { NEWSLETTER_WORKER: 'external' })
    expect(out.stdout).toContain('jobs: ran 1 due job(s)')
    expect((await t.payload.findByID({ collection: 'issues', id: issue.id }))._status).toBe('published')
  }, 240_000) // a child process boots the application: slow on Postgres on a busy machine

  it('does not publish when the scheduling user is a contributor', async () => {
    const contributor = await makeUser(t.payload, 'contributor')
    const issue = await t.payload.create({ collection: 'issues', data: { volume: 2 }, draft: true })
    await schedule(issue.id, new Date(Date.now() - 1000), contributor)
    await t.payload.jobs.run()
    expect((await t.payload.findByID({ collection: 'issues', id: issue.id, draft: true }))._status).toBe('draft')
  })
})
