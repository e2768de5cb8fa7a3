import fs from 'node:fs'
import path from 'node:path'

import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFile } from '../../src/importer/run'
import { plainText } from '../../src/lib/richtext'
import { seed } from '../../src/seed'
import { briefingSync } from '../helpers/cli'
import { serveImportApi } from '../helpers/importApi'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { ghostJson, POSTS, substackZip, wxr } from '../helpers/platformExports'

let t: TestPayload
const place = { issue: '3-9', section: 'propaganda-work' }

beforeAll(async () => {
  t = await bootPayload('import-platforms')
  await seed(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const imported = async (prefix: string) =>
  (
    await t.payload.find({
      collection: 'items',
      where: { importKey: { like: `${prefix}:` } },
      draft: true,
      depth: 1,
      limit: 0,
      sort: 'date',
    })
  ).docs
const counts = async () => ({
  items: (await t.payload.count({ collection: 'items' })).totalDocs,
  subscribers: (await t.payload.count({ collection: 'subscribers' })).totalDocs,
})
const subscriber = async (email: string) =>
  (await t.payload.find({ collection: 'subscribers', where: { email: { equals: email } }, limit: 1 })).docs[0]

describe('WordPress export (WXR 1.2)', () => {
  it('imports every post as an item of the chosen issue and section; attachments are left out', async () => {
    const result = await importFile(t.payload, 'blog.WordPress.2024-03-08.xml', Buffer.from(wxr()), place)
    expect(result.error).toBeUndefined()
    expect(result.recognised?.kind).toBe('export')
    const items = await imported('wordpress')
    expect(items.map((i) => i.importKey)).toEqual([
      'wordpress:https://blog.example.com/?p=101',
      'wordpress:https://blog.example.com/?p=102',
    ])
    const [first, second] = items
    expect(first.headline).toBe('Rural Revitalisation Plan Announced')
    expect(first.date?.slice(0, 10)).toBe('2024-03-05')
    expect(first.credit).toBe('Ann Editor')
    expect(first.tags).toEqual(['Policy', 'agriculture', 'State Council'])
    expect(first.articleUrl).toBe('https://blog.example.com/2024/rural-revitalisation-plan/')
    expect(typeof first.issue === 'object' && first.issue.slug).toBe('3-9')
    expect(typeof first.section === 'object' && first.section.slug).toBe('propaganda-work')
    expect(plainText(first.body)).toContain('It names three priorities.')
    expect((first.terms ?? []).map((x) => (typeof x === 'object' ? x.original : x))).toEqual(['乡村振兴'])
    expect(second.credit).toBe('Bo Writer')
    expect(plainText(second.body)).toContain('second point')
    expect(second._status).toBe('draft')
  })

  it('importing the same export again updates the same items (matched by GUID), creating nothing', async () => {
    const before = await imported('wordpress')
    const changed = POSTS.map((p, i) => (i === 0 ? { ...p, title: 'Rural Revitalisation Plan Published' } : p))
    const result = await importFile(t.payload, 'blog.xml', Buffer.from(wxr(changed)), place)
    expect(result.error).toBeUndefined()
    const after = await imported('wordpress')
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id))
    expect(after[0].headline).toBe('Rural Revitalisation Plan Published')
  })

  it('a malformed export is refused with the file and line, and writes nothing', async () => {
    const before = await counts()
    const broken = wxr().replace('</wp:post_name>', '')
    const result = await importFile(t.payload, 'broken.xml', Buffer.from(broken), place)
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^broken\.xml:\d+: the WordPress export is not well-formed XML/)
    expect(await counts()).toEqual(before)
  })

  it('needs the issue and section to place the posts in', async () => {
    const result = await importFile(t.payload, 'blog.xml', Buffer.from(wxr()))
    expect(result.error).toBe('blog.xml: a WordPress export needs --issue <slug> and --section <slug-or-name>')
  })
})

describe('Substack export (zip)', () => {
  it('imports posts and the subscriber list with its consent state, idempotently', async () => {
    await t.payload.create({ collection: 'subscribers', data: { email: 'known@example.com', status: 'unsubscribed' } })
    const zip = await substackZip(POSTS, [
      { email: 'reader@example.com' },
      { email: 'Paid.Reader@example.com', plan: 'paid' },
      { email: 'quiet@example.com', disabled: true },
      { email: 'known@example.com' },
    ])
    const result = await importFile(t.payload, 'examplebriefing-export.zip', zip, place)
    expect(result.error).toBeUndefined()
    const items = await imported('substack')
    expect(items.map((i) => [i.importKey, i.headline, i.date?.slice(0, 10)])).toEqual([
      ['substack:101', 'Rural Revitalisation Plan Announced', '2024-03-05'],
      ['substack:102', 'A Party School Lecture on Discipline', '2024-03-07'],
    ])
    expect(plainText(items[0].body)).toContain('It names three priorities.')
    expect((await subscriber('reader@example.com'))?.status).toBe('active')
    expect((await subscriber('reader@example.com'))?.source).toBe('import')
    expect((await subscriber('paid.reader@example.com'))?.status).toBe('active')
    expect((await subscriber('quiet@example.com'))?.status).toBe('unsubscribed')
    expect((await subscriber('known@example.com'))?.status).toBe('unsubscribed')

    const before = await counts()
    const again = await importFile(t.payload, 'examplebriefing-export.zip', zip, place)
    expect(again.error).toBeUndefined()
    expect(await counts()).toEqual(before)
  })
})

describe('Substack export limits', () => {
  it('a zip that expands past the limit is refused as a Substack export (a zip bomb), writing nothing', async () => {
    const zip = new JSZip()
    zip.file('posts.csv', 'post_id,post_date,is_published,title\n')
    zip.file('posts/1.big.html', Buffer.alloc(65 * 1024 * 1024))
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    const before = await counts()
    const result = await importFile(t.payload, 'substack.zip', bomb, place)
    expect(result.error).toBe(
      'substack.zip: the Substack export expands to more than 64 MB; it is refused (a zip bomb?)',
    )
    expect(await counts()).toEqual(before)
  })
})

describe('Ghost export (JSON)', () => {
  it('imports posts with tags and authors, and members with their status, idempotently', async () => {
    const json = ghostJson(POSTS, [
      { email: 'member.one@example.com', name: 'Member One', subscribed: true },
      { email: 'member.two@example.com', subscribed: false },
      { email: 'member.three@example.com', status: 'paid' },
      { email: 'member.four@example.com', status: '' },
    ])
    const result = await importFile(t.payload, 'example-briefing.ghost.2024-03-08.json', Buffer.from(json), place)
    expect(result.error).toBeUndefined()
    const items = await imported('ghost')
    expect(items.map((i) => [i.headline, i.credit, i.tags])).toEqual([
      ['Rural Revitalisation Plan Announced', 'Ann Editor', ['Policy', 'agriculture', 'State Council']],
      ['A Party School Lecture on Discipline', 'Bo Writer', ['Discipline']],
    ])
    expect(items[0].importKey).toBe('ghost:1b2c3d4e-0000-4000-8000-000000000101')
    expect((await subscriber('member.one@example.com'))?.name).toBe('Member One')
    expect((await subscriber('member.one@example.com'))?.status).toBe('active')
    expect((await subscriber('member.two@example.com'))?.status).toBe('unsubscribed')
    expect((await subscriber('member.three@example.com'))?.status).toBe('active')
    expect((await subscriber('member.four@example.com'))?.status).toBe('pending')

    const before = await counts()
    expect((await importFile(t.payload, 'again.json', Buffer.from(json), place)).error).toBeUndefined()
    expect(await counts()).toEqual(before)
  })

  it('one transaction per file: a member that cannot be stored rolls back the posts written before it', async () => {
    const before = await counts()
    const posts = POSTS.map((p) => ({ ...p, id: p.id + 500 }))
    const json = ghostJson(posts, [{ email: 'long.name@example.com', name: 'N'.repeat(300) }])
    const result = await importFile(t.payload, 'bad-member.json', Buffer.from(json), place)
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^bad-member\.json: member long\.name@example\.com: /)
    expect(await counts()).toEqual(before)
  })

  it('a file that is not a Ghost export is refused, naming the file', async () => {
    const result = await importFile(t.payload, 'data.json', Buffer.from('{"db": [{"meta": {}, "data": {'), place)
    expect(result.error).toMatch(/^data\.json: not a readable Ghost export \(/)
  })
})

describe('briefing import with platform exports (child process)', () => {
  it('--dry-run prints each export and writes nothing; a bad file fails alone with exit code 1', async () => {
    const good = path.join(t.dir, 'blog.xml')
    const bad = path.join(t.dir, 'broken.json')
    fs.writeFileSync(good, wxr(POSTS.map((p) => ({ ...p, id: p.id + 700 }))))
    fs.writeFileSync(bad, '{"db": [')
    const before = await counts()
    const run = briefingSync(['import', good, bad, '--issue', '3-9', '--section', 'Propaganda Work', '--dry-run'], {
      BRIEFING_JOBS_AUTORUN: '0',
      NO_COLOR: '1',
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/importing \[.*\] 2\/2/)
    expect(run.stdout).toContain('== blog.xml')
    expect(run.stdout).toContain('WordPress export: 2 posts, 0 subscribers → issue 3-9, section Propaganda Work')
    expect(run.stdout).toContain(
      '2024-03-05  Rural Revitalisation Plan Announced (Ann Editor; Policy, agriculture, State Council)',
    )
    expect(run.stderr).toMatch(/briefing: broken\.json: not a readable Ghost export/)
    expect(await counts()).toEqual(before)
  }, 180_000)
})

describe('POST /api/import with a platform export (real HTTP)', () => {
  it('previews an export for an editor, and refuses one without a placement in the error shape', async () => {
    const api = await serveImportApi(t.payload)
    try {
      const json = ghostJson(POSTS, [{ email: 'http.member@example.com' }])
      const before = await counts()
      const preview = await api.upload('site.ghost.json', json, { dryRun: true, ...place })
      expect(preview.status).toBe(200)
      expect(preview.body.format).toBe('ghost')
      expect(preview.body.preview).toContain(
        'Ghost export: 2 posts, 1 subscribers → issue 3-9, section propaganda-work',
      )
      const refused = await api.upload('site.ghost.json', json, { dryRun: true })
      expect(refused.status).toBe(400)
      expect((refused.body.errors as Array<{ message: string }>)[0].message).toBe(
        'site.ghost.json: a Ghost export needs --issue <slug> and --section <slug-or-name>',
      )
      expect(await counts()).toEqual(before)
    } finally {
      await api.close()
    }
  })
})
