import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compareItems, keysForOrder } from '../../src/content/order'
import { convertPositionsToOrderKeys } from '../../src/composer/convert'
import { buildIssueView } from '../../src/content/viewModel'
import { loadIssue } from '../../src/exporter/load'
import { richText } from '../../src/lib/richtext'
import { asSystem } from '../../src/lib/system'
import { bootPayload, type TestPayload } from '../helpers/payload'

/** Items are ordered by fractional order keys: one write per move, the same order in every output. */
let t: TestPayload
let payload: Payload
let full: number
let brief: number

beforeAll(async () => {
  t = await bootPayload('composer-order')
  payload = t.payload
  full = (await payload.create({ collection: 'sections', data: { name: 'Senior Leaders', style: 'full' } })).id
  brief = (await payload.create({ collection: 'sections', data: { name: 'Organization Work', style: 'brief' } })).id
})
afterAll(async () => {
  await t?.close()
})

const item = (issue: number, section: number, headline: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'items',
    data: { issue, section, headline, date: '2024-03-05', body: richText(`${headline} text.`), ...extra } as never,
    draft: true,
  })

describe('order keys', () => {
  it('gives new items keys in order of creation, also when the issue is set only later (autosave)', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 5 }, draft: true })
    const a = await item(issue.id, full, 'A')
    const b = await item(issue.id, full, 'B')
    const empty = await payload.create({ collection: 'items', data: {} as never, draft: true })
    expect(empty.orderKey ?? null).toBeNull()
    const c = await payload.update({
      collection: 'items',
      id: empty.id,
      draft: true,
      data: { issue: issue.id, section: brief },
    })
    const keys = [a.orderKey, b.orderKey, c.orderKey]
    expect(keys.every((k) => typeof k === 'string' && k.length > 0)).toBe(true)
    expect([...keys].sort()).toEqual(keys)
    expect(new Set(keys).size).toBe(3)
  })

  it('keeps the keys already in order and gives new ones only to moved items', () => {
    expect(keysForOrder(['a0', 'a1', 'a2'])).toEqual(['a0', 'a1', 'a2'])
    // a2 moved to the front: only it gets a new key, before a0.
    const moved = keysForOrder(['a2', 'a0', 'a1'])
    expect(moved.slice(1)).toEqual(['a0', 'a1'])
    expect(moved[0] < 'a0').toBe(true)
    // Items without keys, or with duplicate keys, get keys between their neighbours.
    const filled = keysForOrder([null, 'a0', 'a0', undefined, 'a1'])
    expect([...filled].sort()).toEqual(filled)
    expect(new Set(filled).size).toBe(5)
    expect(filled[1]).toBe('a0')
    expect(filled[4]).toBe('a1')
  })

  it('sorts by key (byte order, not locale order), then date, then id; items without a key last', () => {
    const docs = [
      { id: 4, orderKey: null, date: '2024-03-01' },
      { id: 3, orderKey: 'a0V', date: '2024-03-01' },
      { id: 2, orderKey: 'a0a', date: '2024-03-01' },
      { id: 1, orderKey: 'Zz', date: '2024-03-01' },
    ]
    expect([...docs].sort(compareItems).map((d) => d.id)).toEqual([1, 3, 2, 4])
  })
})

describe('one order in every output', () => {
  it('the web view-model and the export show the keys’ order, whatever the creation order', async () => {
    const issue = await payload.create({
      collection: 'issues',
      data: { volume: 6, periodStart: '2024-03-02', periodEnd: '2024-03-08' },
      draft: true,
    })
    const first = await item(issue.id, full, 'Created first')
    const second = await item(issue.id, full, 'Created second')
    // Move the second before the first: one write.
    await payload.update({
      collection: 'items',
      id: second.id,
      data: { orderKey: keysForOrder([null, first.orderKey])[0] },
      draft: true,
    })
    const view = await buildIssueView(
      payload,
      { id: issue.id },
      {
        draft: true,
        as: asSystem('operator'),
        publicUrl: 'https://x.example.com',
      },
    )
    expect(view!.sections[0].items.map((i) => i.headline)).toEqual(['Created second', 'Created first'])
    const exported = await loadIssue(payload, String(issue.slug))
    const senior = exported.sections.find((s) => s.name === 'Senior Leaders')!
    expect(senior.items.map((i) => i.headline)).toEqual(['Created second', 'Created first'])
  })
})

describe('existing data keeps its order', () => {
  it('turns position numbers into order keys, per issue, in the order positions gave', async () => {
    const issue = await payload.create({ collection: 'issues', data: { volume: 7 }, draft: true })
    const made = []
    for (const [headline, position, section] of [
      ['Third', 2, full],
      ['First', 0, full],
      ['Brief two', 1, brief],
      ['Second', 1, full],
      ['Brief one', 0, brief],
    ] as const) {
      made.push(await item(issue.id, section, headline, { position }))
    }
    // As legacy data: no keys yet.
    for (const doc of made) await payload.update({ collection: 'items', id: doc.id, data: { orderKey: null } })
    const converted = await convertPositionsToOrderKeys(payload)
    expect(converted).toBeGreaterThanOrEqual(5)
    const after = await payload.find({ collection: 'items', where: { issue: { equals: issue.id } }, depth: 0 })
    const inOrder = (section: number) =>
      after.docs
        .filter((d) => d.section === section)
        .sort(compareItems)
        .map((d) => d.headline ?? d.title)
    expect(inOrder(full)).toEqual(['First', 'Second', 'Third'])
    expect(after.docs.every((d) => typeof d.orderKey === 'string')).toBe(true)
    expect(inOrder(brief)).toHaveLength(2)
    expect(after.docs.filter((d) => d.section === brief).sort(compareItems)[0].position).toBe(0)
    // Running it again changes nothing.
    expect(await convertPositionsToOrderKeys(payload)).toBe(0)
  })
})
