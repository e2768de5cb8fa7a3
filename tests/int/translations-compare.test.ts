import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { redline } from '../../src/content/redline'
import { richText } from '../../src/lib/richtext'
import { comparables, pickPair } from '../../src/translations/compare'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

/** What the admin's Compare tab offers: a translation's editions and saved versions, read as the editor. */
let t: TestPayload
let editor: Awaited<ReturnType<typeof makeUser>>
let id: number | string

beforeAll(async () => {
  t = await bootPayload('translations-compare')
  editor = await makeUser(t.payload, 'editor', 'compare-editor@example.com')
  const doc = await t.payload.create({
    collection: 'translations',
    data: { headline: 'Data Security Law', body: richText('Article 1 The state protects data.') },
    draft: true,
  })
  id = doc.id
  await t.payload.update({
    collection: 'translations',
    id,
    data: { body: richText('Article 1 The state protects important data.') },
    draft: true,
  })
})
afterAll(async () => {
  await t?.close()
})

describe('comparing saved versions of a translation', () => {
  it('offers every saved version, newest first; by default the two latest, with the exact word-level change', async () => {
    const all = (await comparables(t.payload, id, editor))!
    const versions = all.filter((c) => c.value.startsWith('version:'))
    expect(versions).toHaveLength(2)
    expect(versions[0].label).toMatch(/^Saved version of \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \(draft\)$/)
    const [from, to] = pickPair(all)!
    expect([from.value, to.value]).toEqual([versions[1].value, versions[0].value])
    expect(from.text).toBe('Data Security Law\n\nArticle 1 The state protects data.')
    const html = redline(from.text, to.text)
      .map((r) => r.html)
      .join('')
    expect(html.match(/<ins>.*?<\/ins>/g)).toEqual([
      '<ins><span class="visually-hidden">added: </span>important </ins>',
    ])
    expect(html).not.toContain('<del>')
  })

  it('takes the two sides asked for, editions included, and nothing for a reader who may not see the draft', async () => {
    await t.payload.update({
      collection: 'translations',
      id,
      data: {
        editions: [
          { label: 'Draft', body: 'Article 1 Old.' },
          { label: 'Final', body: 'Article 1 New.' },
        ],
      },
      draft: true,
    })
    const all = (await comparables(t.payload, id, editor))!
    expect(all.slice(0, 2).map((c) => c.value)).toEqual(['edition:draft', 'edition:final'])
    expect(pickPair(all)!.map((c) => c.value)).toEqual(['edition:draft', 'edition:final'])
    const latest = all.find((c) => c.value.startsWith('version:'))!
    expect(pickPair(all, latest.value, 'edition:draft')!.map((c) => c.value)).toEqual([latest.value, 'edition:draft'])
    expect(await comparables(t.payload, id, null)).toBeNull()
  })
})
