import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { briefing } from '../helpers/cli'
import { bootPayload, type TestPayload } from '../helpers/payload'

const FIXTURES = path.resolve('tests/fixtures/import')
const ARTICLE = fs.readFileSync(path.join(FIXTURES, 'article-xinhua-2020-04-01.txt'), 'utf8')

let t: TestPayload
let server: http.Server
let base = ''

/** A page of a translated article, as a site serves it. */
const PAGE = `<!doctype html><html><head><title>Post</title></head><body><article>
<h1>A Notice on Harbour Fees Is Issued</h1>
<p>The notice lowers harbour fees for small boats.</p>
<p>Source: Xinhua, May 4, 2021</p>
</article></body></html>`

beforeAll(async () => {
  t = await bootPayload('import-cli-inputs')
  server = http.createServer((req, res) => {
    if (req.url === '/posts/harbour-fees') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(PAGE)
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end(Buffer.alloc(6 * 1024 * 1024, 'a'))
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not here')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await t?.close()
})

const run = (...args: string[]) => briefing(['import', ...args], { BRIEFING_JOBS_AUTORUN: '0', NO_COLOR: '1' })
const translations = async (headline: string) =>
  (await t.payload.count({ collection: 'translations', where: { headline: { equals: headline } } })).totalDocs

/** A headline and paragraphs, nothing else: detection cannot tell what it is. */
const NOTES = 'A Plan for the Harbour\n\nThe city adopted a plan for its harbour.\n\nWork starts in June.\n'

describe('briefing import --as', () => {
  it('refuses a kind it does not know, writing nothing', async () => {
    const file = path.join(t.dir, 'notes.txt')
    fs.writeFileSync(file, NOTES)
    const out = await run(file, '--as', 'poem')
    expect(out.status).not.toBe(0)
    expect(out.stderr).toContain('--as must be one of report, special, translation (got "poem")')
    expect(await translations('A Plan for the Harbour')).toBe(0)
  }, 180_000)

  it('overrides detection: a refusal names file, line and reason; --as translation imports it', async () => {
    const file = path.join(t.dir, 'notes.txt')
    fs.writeFileSync(file, NOTES)
    const special = await run(file, '--as', 'special')
    expect(special.status).toBe(1)
    expect(special.stderr).toContain('briefing: notes.txt:1: not a special issue: no title line like')
    const translation = await run(file, '--as', 'translation')
    expect(translation.stderr).not.toContain('briefing: notes.txt')
    expect(translation.status).toBe(0)
    expect(translation.stdout).toMatch(
      /imported notes\.txt → 1 translation\(s\) \(draft\): \/translations\/a-plan-for-the-harbour/,
    )
    expect(await translations('A Plan for the Harbour')).toBe(1)
  }, 180_000)
})

describe('briefing import <dir> and <url-list>', () => {
  it('imports every importable file of a directory in name order, one summary row each', async () => {
    const dir = path.join(t.dir, 'inbox')
    fs.mkdirSync(dir)
    fs.copyFileSync(path.join(FIXTURES, 'weekly-report-3-9.txt'), path.join(dir, 'b-report.txt'))
    fs.writeFileSync(path.join(dir, 'a-article.txt'), ARTICLE)
    fs.writeFileSync(path.join(dir, 'c-notes.txt'), NOTES)
    fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const out = await run(dir)
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/importing \[.*\] 3\/3/)
    expect(out.stderr).toContain('briefing: c-notes.txt:1: not a weekly report')
    const rows = out.stdout.split('\n').filter((l) => /[abc]-\w+\.txt/.test(l))
    expect(rows.map((r) => /([abc]-\w+\.txt)/.exec(r)![1])).toEqual(['a-article.txt', 'b-report.txt', 'c-notes.txt'])
    expect(rows[0]).toMatch(/translations \(draft\)/)
    expect(rows[1]).toMatch(/3-9 \(draft\)/)
    expect(rows[2]).toMatch(/FAILED/)
    expect((await t.payload.count({ collection: 'issues', where: { slug: { equals: '3-9' } } })).totalDocs).toBe(1)
    expect(await translations('Xi Jinping: Make Every Effort to Stabilize Employment')).toBe(1)
  }, 180_000)

  it('imports each document of a zip in name order; a platform export stays whole; an entry over the limit is refused', async () => {
    const zip = new JSZip()
    zip.file('pages/b-report.txt', fs.readFileSync(path.join(FIXTURES, 'weekly-report-3-9.txt')))
    zip.file('a-article.txt', ARTICLE)
    zip.file('__MACOSX/._a-article.txt', 'resource fork')
    zip.file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    // Compresses to a few KB, unpacks to 6 MB: read no further than the 5 MB limit of one file.
    zip.file('z-huge.txt', Buffer.alloc(6 * 1024 * 1024, 'a'))
    const file = path.join(t.dir, 'pages.zip')
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    expect(fs.statSync(file).size).toBeLessThan(100_000)
    const out = await run(file)
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/importing \[.*\] 3\/3/)
    const rows = out.stdout.split('\n').filter((l) => l.includes('pages.zip:'))
    expect(rows.map((r) => /pages\.zip:(\S+)/.exec(r)![1])).toEqual([
      'a-article.txt',
      'pages/b-report.txt',
      'z-huge.txt',
    ])
    expect(rows[0]).toMatch(/translations \(draft\)/)
    expect(rows[1]).toMatch(/3-9 \(draft\)/)
    expect(rows[2]).toMatch(/FAILED/)
    expect(out.stderr).toContain('z-huge.txt is over the 5 MB limit for one file')
  }, 180_000)

  it('fetches each page of a url-list (a size cap, clear errors) and imports it as a saved page', async () => {
    const list = path.join(t.dir, 'urls.txt')
    fs.writeFileSync(list, [`${base}/posts/harbour-fees`, `${base}/missing`, `${base}/big`, ''].join('\n'))
    const out = await run(list)
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/importing \[.*\] 3\/3/)
    expect(out.stderr).toContain(`could not fetch ${base}/missing: HTTP 404`)
    expect(out.stderr).toContain(`could not fetch ${base}/big: the page is over the 5 MB limit for one file`)
    expect(out.stdout).toMatch(new RegExp(`${base}/posts/harbour-fees\\s*│\\s*translations \\(draft\\)`))
    expect(await translations('A Notice on Harbour Fees Is Issued')).toBe(1)
  }, 180_000)
})
