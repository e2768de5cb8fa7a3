/** Plain text of Lexical rich text, including the words of inline glossary marks. */

type Node = {
  type?: string
  text?: string
  children?: Node[]
  fields?: { blockType?: string; text?: string; term?: unknown }
}

const BLOCKS = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem'])

export type TermName = (termId: string) => string | undefined

/** Text of a rich-text value; inline glossary marks without their own text use `termName`. */
export function lexicalText(value: unknown, termName: TermName = () => undefined): string {
  const walk = (node: Node | undefined): string => {
    if (!node || typeof node !== 'object') return ''
    if (node.type === 'text') return node.text ?? ''
    if (node.type === 'linebreak') return '\n'
    if (node.type === 'inlineBlock' && node.fields?.blockType === 'glossaryTerm') {
      const id = relationKey(node.fields.term)
      return node.fields.text || (id ? (termName(id) ?? '') : '')
    }
    const inner = (node.children ?? []).map(walk).join('')
    return BLOCKS.has(node.type ?? '') && node.type !== 'root' ? `${inner}\n` : inner
  }
  return walk((value as { root?: Node } | null)?.root).trim()
}

/** Ids of every glossary term marked inline in a rich-text value. */
export function inlineTermIds(value: unknown): string[] {
  const ids = new Set<string>()
  const walk = (node: Node | undefined) => {
    if (!node || typeof node !== 'object') return
    if (node.type === 'inlineBlock' && node.fields?.blockType === 'glossaryTerm') {
      const id = relationKey(node.fields.term)
      if (id) ids.add(id)
    }
    node.children?.forEach(walk)
  }
  walk((value as { root?: Node } | null)?.root)
  return [...ids]
}

/** A relation value (id, or populated document) as a string key; undefined when empty. */
export function relationKey(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    return id === undefined || id === null ? undefined : String(id)
  }
  return String(value)
}

export const relationKeys = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(relationKey).filter((v): v is string => v !== undefined) : []
