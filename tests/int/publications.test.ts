import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { upgradeToPublications, WEEKLY_PUBLICATION } from '../../src/publications/upgrade'
import { relationId } from '../../src/lib/relations'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

let t: TestPayload

beforeAll(async () => {
  t = await bootPayload('publications')
})
afterAll(async () => {
  await t?.close()
})

const weekly = async () =>
  (await t.payload.find({ collection: 'publications', where: { kind: { equals: 'weekly' } }, depth: 0 })).docs

describe('publications', () => {
  it('validates the kind and keeps slugs unique; anyone reads, only editors write', async () => {
    const editor = await makeUser(t.payload, 'editor')
    const contributor = await makeUser(t.payload, 'contributor')
    const special = await t.payload.create({
      collection: 'publications',
      data: { name: 'China Insight', kind: 'special', description: 'Special issues on one topic.' },
      user: editor,
      overrideAccess: false,
    })
    expect(special).toMatchObject({ slug: 'china-insight', urlPrefix: '/special' })
    const bad = await t.payload
      .create({
        collection: 'publications',
        // @ts-expect-error: a kind that does not exist
        data: { name: 'Monthly', kind: 'monthly' },
        overrideAccess: true,
      })
      .catch((e: Error) => e)
    expect(bad).toBeInstanceOf(Error)
    expect(String((bad as Error).message)).toMatch(/kind/i)
    const refused = await t.payload
      .create({
        collection: 'publications',
        data: { name: 'Mine', kind: 'translations' },
        user: contributor,
        overrideAccess: false,
      })
      .catch((e: Error) => e)
    expect(refused).toBeInstanceOf(Error)
    const read = await t.payload.find({ collection: 'publications', overrideAccess: false })
    expect(read.docs.map((p) => p.slug)).toContain('china-insight')
  })

  it('a new issue without a publication belongs to the weekly report, created when missing', async () => {
    const issue = await t.payload.create({ collection: 'issues', data: { volume: 4, number: 67 }, draft: true })
    const [report] = await weekly()
    expect(report).toMatchObject({ slug: WEEKLY_PUBLICATION.slug, kind: 'weekly', urlPrefix: '/issues' })
    expect(relationId(issue.publication)).toBe(report.id)
  })

  it('upgrades a database with issues and no publication, idempotently, leaving URLs as they were', async () => {
    const published = await t.payload.create({
      collection: 'issues',
      data: { title: 'Weekly Report', volume: 4, number: 68, _status: 'published' },
    })
    // The state of a database from before publications: issues without one, no publication at all.
    await t.payload.db.updateMany({ collection: 'issues', where: {}, data: { publication: null } })
    await t.payload.delete({ collection: 'publications', where: { kind: { equals: 'weekly' } }, overrideAccess: true })
    expect(await weekly()).toHaveLength(0)

    const first = await upgradeToPublications(t.payload)
    expect(first).toMatchObject({ createdPublication: true, issuesAssigned: 2 })
    const again = await upgradeToPublications(t.payload)
    expect(again).toMatchObject({ createdPublication: false, issuesAssigned: 0 })
    const [report] = await weekly()
    expect(await weekly()).toHaveLength(1)
    const issues = await t.payload.find({ collection: 'issues', draft: true, depth: 0 })
    expect(issues.docs.map((i) => relationId(i.publication))).toEqual([report.id, report.id])
    const draftRead = await t.payload.findByID({ collection: 'issues', id: published.id, draft: true, depth: 0 })
    expect(relationId(draftRead.publication)).toBe(report.id)

    const web = await startWebApp(t.payload)
    try {
      const res = await fetch(`${web.url}/issues/4-68`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<h1>Weekly Report 4|68</h1>')
    } finally {
      await web.close()
    }
  })
})
