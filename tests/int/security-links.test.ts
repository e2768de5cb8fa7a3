import { describe, expect, it } from 'vitest'

import { safeHref, toBlocks } from '../../src/content/richtext'

/** Rich-text and source links: only http(s), mailto and true same-origin paths survive (issue 11, item 17). */
const linkParagraph = (url: string) => ({
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'link', fields: { url }, children: [{ type: 'text', text: 'x' }] }] },
    ],
  },
})

const hrefOf = (url: string): string | undefined => {
  const [block] = toBlocks(linkParagraph(url))
  return block?.type === 'paragraph' ? block.inlines[0]?.href : undefined
}

describe('link sanitizer', () => {
  const refused = [
    '/\\evil.example/x',
    '/\\/evil.example/x',
    '//evil.example/x',
    '\\\\evil.example/x',
    '\\/evil.example',
    '/.//evil.example/x',
    ' //evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\u0000//evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'http:evil.example',
    'https:/evil.example',
    'items/1',
    '',
    '   ',
  ]
  it.each(refused)('drops %j', (url) => {
    expect(safeHref(url)).toBeUndefined()
    expect(hrefOf(url)).toBeUndefined()
  })

  const kept: Array<[string, string]> = [
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['HTTP://Example.com', 'http://example.com/'],
    [' https://example.com/x ', 'https://example.com/x'],
    ['mailto:editor@example.com', 'mailto:editor@example.com'],
    ['/items/12', '/items/12'],
    ['/glossary/dynamic-zero?x=1#top', '/glossary/dynamic-zero?x=1#top'],
    ['#senior-leaders', '#senior-leaders'],
  ]
  it.each(kept)('keeps %j as %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected)
    expect(hrefOf(url)).toBe(expected)
  })
})

describe('article and homepage links', () => {
  it('webLink keeps only absolute http(s) links that pass the sanitizer', async () => {
    const { webLink } = await import('../../src/content/richtext')
    expect(webLink('https://example.com/a')).toBe('https://example.com/a')
    expect(webLink('/items/1')).toBeNull()
    expect(webLink('https://exa mple.com\\@evil')).toBeNull()
    expect(webLink('mailto:a@example.com')).toBeNull()
    expect(webLink('javascript:alert(1)')).toBeNull()
  })
})
