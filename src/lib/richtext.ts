/** Build Lexical rich-text JSON (the shape Payload stores) from plain paragraphs and lists. */
import { lexicalPlainText } from '../content/lexical'

type TextNode = { type: 'text'; text: string; format: number; detail: 0; mode: 'normal'; style: ''; version: 1 }
type ElementNode = {
  type: string
  children: Array<TextNode | ElementNode>
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
  [key: string]: unknown
}
export type RichText = { root: ElementNode & { type: 'root' } }

export type Block = string | { list: 'number' | 'bullet'; items: string[] }

const text = (value: string): TextNode => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const element = (
  type: string,
  children: ElementNode['children'],
  extra: Record<string, unknown> = {},
): ElementNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

const blockNode = (block: Block): ElementNode => {
  if (typeof block === 'string') return element('paragraph', [text(block)], { textFormat: 0, textStyle: '' })
  const tag = block.list === 'number' ? 'ol' : 'ul'
  return element(
    'list',
    block.items.map((item, i) => element('listitem', [text(item)], { value: i + 1 })),
    { listType: block.list, start: 1, tag },
  )
}

export const richText = (...blocks: Block[]): RichText => ({
  root: element('root', blocks.map(blockNode)) as RichText['root'],
})

/** Plain text of a rich-text value, paragraphs separated by blank lines (the one walker, src/content/lexical.ts). */
export const plainText = lexicalPlainText
