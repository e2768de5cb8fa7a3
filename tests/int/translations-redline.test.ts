import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { redline } from '../../src/content/redline'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

/** Editions of a law translation and the word-level redline between two of them. */
const FIRST = `Article 1 This Law is formulated to prevent espionage.

Article 2 State security organs lead the work.

Article 3 Citizens shall report espionage.`

const SECOND = `Article 1 This Law is formulated to prevent and punish espionage.

Article 2 Counter-espionage work shall adhere to the overall national security concept.

Article 3 State security organs lead the work.

Article 4 Citizens and organizations shall report espionage.`

/** The marked changes of a redline's HTML, in order: ["+", text] or ["-", text]. */
const changes = (html: string) =>
  [...html.matchAll(/<(ins|del)>(?:<span class="visually-hidden">[^<]*<\/span>)?([\s\S]*?)<\/\1>/g)].map((m) => [
    m[1] === 'ins' ? '+' : '-',
    m[2].replace(/\s+/g, ' ').trim(),
  ])

let t: TestPayload
let web: { url: string; close: () => Promise<void> }

beforeAll(async () => {
  t = await bootPayload('translations-redline')
  await t.payload.create({
    collection: 'translations',
    data: {
      headline: 'Counter-Espionage Law',
      editions: [
        { label: 'First reading draft', date: '2022-12-30T12:00:00.000Z', body: FIRST },
        { label: 'Second reading draft', date: '2023-03-01T12:00:00.000Z', body: SECOND },
      ],
      _status: 'published',
    },
  })
  web = await startWebApp(t.payload)
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('redlines between editions', () => {
  it('marks exactly the word-level differences, aligning renumbered articles', () => {
    const rows = redline(FIRST, SECOND)
    expect(rows.map((r) => [r.from, r.to, r.kind])).toEqual([
      ['Article 1', 'Article 1', 'changed'],
      [null, 'Article 2', 'added'],
      ['Article 2', 'Article 3', 'changed'],
      ['Article 3', 'Article 4', 'changed'],
    ])
    const html = rows.map((r) => r.html).join('\n')
    expect(changes(html)).toEqual([
      ['+', 'and punish'],
      ['+', 'Article 2 Counter-espionage work shall adhere to the overall national security concept.'],
      ['-', '2'],
      ['+', '3'],
      ['-', '3'],
      ['+', '4'],
      ['+', 'and organizations'],
    ])
  })

  it('shows an edition, and the redline on request with a legend; bad requests are a 404 with a message', async () => {
    const base = `${web.url}/translations/counter-espionage-law`
    const page = await (await fetch(base)).text()
    expect(page).toContain('Second reading draft')
    expect(page).toContain(
      'href="/translations/counter-espionage-law?compare=first-reading-draft&amp;with=second-reading-draft"',
    )
    const res = await fetch(`${base}?compare=first-reading-draft&with=second-reading-draft`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<p class="legend">')
    expect(html).toMatch(/struck through/)
    expect(html).toMatch(/underlined/)
    const legendEnd = html.indexOf('</p>', html.indexOf('<p class="legend">'))
    expect(changes(html.slice(legendEnd))).toHaveLength(7)
    expect(html).toContain('<span class="moved-note">Renumbered: Article 2 → Article 3</span>')
    const bad = await fetch(`${base}?compare=first-reading-draft&with=third-draft`)
    expect(bad.status).toBe(404)
    expect(await bad.text()).toContain('There is no edition “third-draft” of this translation.')
  })
})
