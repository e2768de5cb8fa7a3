import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { eachNode, markedTerms, readLexical, runsText } from '../../src/content/lexical'
import { toBlocks } from '../../src/content/richtext'
import { escapeHtml } from '../../src/lib/html'
import { richText } from '../../src/lib/richtext'
import { paragraphWith, termMark } from './search-fixtures'

/** Source lines (outside tests) matching a pattern, as "file:line: text". */
const grep = (pattern: string): string[] => {
  try {
    return execFileSync(
      'grep',
      ['-rnE', pattern, 'src', 'templates', 'collections', 'bin', 'scripts', '--include=*.ts', '--include=*.tsx'],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .filter(Boolean)
  } catch {
    return [] // grep exits 1 when nothing matches
  }
}
const files = (lines: string[]) => [...new Set(lines.map((l) => l.split(':')[0]))].sort()

describe('the one HTML escaper', () => {
  it('escapes all five characters, in text and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    )
    expect(escapeHtml('&amp;')).toBe('&amp;amp;')
  })

  it('drops characters XML forbids and renders null and undefined as nothing', () => {
    expect(escapeHtml('a\u0000b\u000bc\uffff')).toBe('abc')
    expect(escapeHtml('line\nbreak\ttab')).toBe('line\nbreak\ttab')
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
    expect(escapeHtml(42)).toBe('42')
  })

  it('is the only escaper in the code', () => {
    expect(files(grep(`&amp;['"]|'&(lt|gt|quot|#39);'`))).toEqual(['src/lib/html.ts'])
  })
})

describe('the one Lexical walker', () => {
  const doc = () => {
    const value = paragraphWith('Xi spoke of ', termMark(7, ''), ' and “', termMark(8, 'self-revolution'), '”.')
    const para = value.root.children[0] as { children: unknown[] }
    para.children.push(
      { type: 'linebreak', version: 1 },
      {
        type: 'link',
        fields: { url: 'https://example.com/a' },
        children: [{ type: 'text', text: 'a link', format: 1, version: 1 }],
        version: 1,
      },
    )
    const list = richText({ list: 'bullet', items: ['one', 'two'] }).root.children[0] as {
      children: Array<{ children: unknown[] }>
    }
    list.children[0].children.push(richText({ list: 'number', items: ['nested'] }).root.children[0])
    value.root.children.push(list as never, { type: 'heading', tag: 'h2', children: [] } as never)
    return value
  }

  it('reads blocks of runs: text with format and links, line breaks, glossary marks, flattened lists', () => {
    const blocks = readLexical(doc())
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'heading'])
    const [para, list] = blocks as [
      Extract<(typeof blocks)[0], { runs: unknown }>,
      Extract<(typeof blocks)[0], { items: unknown }>,
    ]
    expect(para.runs.map((r) => r.kind)).toEqual(['text', 'mark', 'text', 'mark', 'text', 'break', 'text'])
    expect(para.runs[6]).toEqual({ kind: 'text', text: 'a link', format: 1, links: ['https://example.com/a'] })
    expect(runsText(para.runs, (t) => (t === 7 ? 'dynamic zero' : undefined))).toBe(
      'Xi spoke of dynamic zero and “self-revolution”.\na link',
    )
    expect(list.listType).toBe('bullet')
    expect(list.items.map((runs) => runsText(runs))).toEqual(['one', 'nested', 'two'])
    expect(markedTerms(doc())).toEqual([7, 8])
    expect(readLexical(null)).toEqual([])
    expect(readLexical({ root: {} })).toEqual([])
  })

  it('feeds the view-model blocks (links sanitised, empty blocks dropped)', () => {
    const blocks = toBlocks(doc())
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list'])
    expect(blocks[0]).toMatchObject({ type: 'paragraph' })
    const inlines = (blocks[0] as { inlines: Array<{ text: string; href?: string; bold?: boolean }> }).inlines
    expect(inlines.at(-1)).toEqual({ text: 'a link', href: 'https://example.com/a', bold: true })
  })

  it('visits every node for in-place rewrites', () => {
    const value = doc()
    eachNode(value, (node) => {
      if (node.type === 'text' && node.text === 'one') node.text = 'first'
    })
    expect(runsText((readLexical(value)[1] as { items: Parameters<typeof runsText>[0][] }).items[0])).toBe('first')
  })

  it('is the only module that walks Lexical JSON', () => {
    const walkers = grep(
      `type === '(inlineBlock|linebreak|listitem|autolink)'|\\.children\\?\\.forEach|\\(n(ode)?\\.children \\?\\? \\[\\]\\)\\.map`,
    )
    expect(files(walkers)).toEqual(['src/content/lexical.ts'])
  })
})

describe('access control', () => {
  it('is bypassed in one module only, each caller naming its reason', async () => {
    expect(files(grep('overrideAccess: true'))).toEqual(['src/lib/system.ts'])
    const reasons = grep(`asSystem\\('`).map((l) => /asSystem\('(\w+)'\)/.exec(l)?.[1])
    const { SYSTEM_REASONS } = await import('../../src/lib/system')
    expect(new Set(reasons)).toEqual(new Set(Object.keys(SYSTEM_REASONS)))
  })
})
