import { describe, expect, it } from 'vitest'

import { flatIds, moveCard, toArrangement, toColumns, type Doc } from '../../src/composer/admin/model'
import { richText } from '../../src/lib/richtext'

/** The composer's picture of an issue and its moves (what the cards show and what a drop sends). */
const sections: Doc[] = [
  { id: 1, name: 'Senior Leaders', style: 'full' },
  { id: 2, name: 'Organization Work', style: 'brief' },
]
const issue: Doc = { id: 9, sections: [{ section: 2 }, { section: 1 }], highlights: [] }
const items: Doc[] = [
  { id: 11, section: 1, headline: 'B', orderKey: 'a1', date: '2024-03-05', body: richText('B.'), sources: [] },
  { id: 10, section: 1, headline: 'A', orderKey: 'a0', date: null, body: null, sources: [{ id: 3, name: 'Qiushi' }] },
  { id: 12, section: 2, orderKey: 'a2', date: '2024-03-04', body: richText('Yang Wanming was appointed …') },
]

describe('composer model', () => {
  const columns = toColumns(issue, items, sections)

  it('groups items into the issue’s sections in order, with what each card shows and lacks', () => {
    expect(columns.map((c) => [c.name, c.items.map((i) => i.id)])).toEqual([
      ['Organization Work', ['12']],
      ['Senior Leaders', ['10', '11']],
    ])
    expect(columns[0].items[0]).toMatchObject({ style: 'brief', label: '2024-03-04 Yang Wanming was appointed …' })
    expect(columns[1].items[0]).toMatchObject({ label: 'A', sources: ['Qiushi'], missing: ['body', 'date'] })
    expect(columns[1].items[1].missing).toEqual(['source'])
  })

  it('moves a card into another section through the one flat list, and refuses moves before the first heading', () => {
    expect(flatIds(columns)).toEqual(['section:2', 'item:12', 'section:1', 'item:10', 'item:11'])
    const moved = moveCard(columns, 4, 2)!
    expect(toArrangement(moved, []).sections).toEqual([
      { section: '2', items: ['12', '11'] },
      { section: '1', items: ['10'] },
    ])
    expect(moved[0].items[1]).toMatchObject({ id: '11', section: '2', style: 'brief' })
    expect(moveCard(columns, 1, 0)).toBeNull()
    expect(moveCard(columns, 0, 3)).toBeNull()
  })
})
