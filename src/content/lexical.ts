/**
 * The one Lexical walker: the only module that knows the shape of rich text as Payload stores it
 * (`{ root: { children: [...] } }`, text/linebreak/tab/link nodes, lists, and our glossary marks,
 * `{ type: 'inlineBlock', fields: { blockType: 'glossaryTerm', term, text } }` from src/lexical.ts).
 *
 * `readLexical` turns a value into plain blocks of runs; every output (view-model, exports, search
 * text, glossary checks) maps those. `eachNode` visits the raw nodes for the one caller that
 * rewrites them in place (the glossary's preferred-rendering fix).
 */
import { relationId } from '../lib/relations'

export type LexNode = {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  url?: string
  fields?: { url?: string; blockType?: string; term?: unknown; text?: string | null }
  children?: LexNode[]
}

/** A piece of inline content. `links` are the raw URLs of the enclosing links, outermost first. */
export type Run =
  | { kind: 'text'; text: string; format: number; links: unknown[] }
  | { kind: 'break' }
  | { kind: 'tab' }
  | { kind: 'mark'; term: unknown; text: string; links: unknown[] }

/** A top-level block. Nested lists are flattened into their parent list's items. */
export type LexBlock =
  | { type: 'paragraph' | 'quote'; runs: Run[] }
  | { type: 'heading'; tag: string | undefined; runs: Run[] }
  | { type: 'list'; listType: string | undefined; items: Run[][] }

const rootOf = (value: unknown): LexNode | undefined =>
  (value as { root?: LexNode } | null | undefined)?.root ?? undefined

/** The glossary mark of a node: its term (relation value) and own text ('' when it has none). */
export const glossaryMark = (node: LexNode): { term: unknown; text: string } | undefined =>
  node.type === 'inlineBlock' && node.fields?.blockType === 'glossaryTerm'
    ? { term: node.fields.term, text: node.fields.text ?? '' }
    : undefined

function runsOf(nodes: LexNode[] | undefined, links: unknown[], out: Run[] = []): Run[] {
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      if (node.text) out.push({ kind: 'text', text: node.text, format: Number(node.format) || 0, links })
    } else if (node.type === 'linebreak') out.push({ kind: 'break' })
    else if (node.type === 'tab') out.push({ kind: 'tab' })
    else if (node.type === 'link' || node.type === 'autolink')
      runsOf(node.children, [...links, node.fields?.url ?? node.url], out)
    else if (node.type === 'inlineBlock') {
      const mark = glossaryMark(node)
      if (mark) out.push({ kind: 'mark', ...mark, links })
    } else runsOf(node.children, links, out)
  }
  return out
}

function listItems(list: LexNode): Run[][] {
  const items: Run[][] = []
  for (const child of list.children ?? []) {
    const own = (child.children ?? []).filter((c) => c.type !== 'list')
    items.push(runsOf(own, []))
    for (const nested of (child.children ?? []).filter((c) => c.type === 'list')) items.push(...listItems(nested))
  }
  return items
}

/** Rich text → top-level blocks of runs, in order (empty blocks kept; callers decide). */
export function readLexical(value: unknown): LexBlock[] {
  return (rootOf(value)?.children ?? []).map((node): LexBlock => {
    if (node.type === 'list') return { type: 'list', listType: node.listType, items: listItems(node) }
    const runs = runsOf(node.children ?? (node.type === 'text' ? [node] : []), [])
    if (node.type === 'heading') return { type: 'heading', tag: node.tag, runs }
    return { type: node.type === 'quote' ? 'quote' : 'paragraph', runs }
  })
}

/** Visit every node depth-first (for rewriting a copy in place). */
export function eachNode(value: unknown, visit: (node: LexNode) => void): void {
  const walk = (node: LexNode | undefined) => {
    if (!node || typeof node !== 'object') return
    visit(node)
    node.children?.forEach(walk)
  }
  walk(rootOf(value))
}

/** Text of runs: marks without their own text use `termName`; line breaks and tabs as given. */
export const runsText = (
  runs: Run[],
  termName: (term: unknown) => string | undefined = () => undefined,
  breaks = { break: '\n', tab: '' },
): string =>
  runs
    .map((r) => (r.kind === 'text' ? r.text : r.kind === 'mark' ? r.text || termName(r.term) || '' : breaks[r.kind]))
    .join('')

/** Every run group (a paragraph-like block, or one list item) in reading order. */
export const runGroups = (blocks: LexBlock[]): Run[][] =>
  blocks.flatMap((b) => (b.type === 'list' ? b.items : [b.runs]))

/** The term relation values of every glossary mark in a rich-text value, in order. */
export const markedTerms = (value: unknown): unknown[] =>
  runGroups(readLexical(value)).flatMap((runs) => runs.flatMap((r) => (r.kind === 'mark' ? [r.term] : [])))

/** Plain text of a rich-text value: blocks separated by blank lines, list items numbered. */
export const lexicalPlainText = (value: unknown): string =>
  readLexical(value)
    .map((b) =>
      b.type === 'list' ? b.items.map((runs, i) => `${i + 1}. ${runsText(runs)}`).join('\n') : runsText(b.runs),
    )
    .join('\n\n')

/** The string id of a relation value, for lookups by key. */
export const termKey = (term: unknown): string | undefined => {
  const id = relationId(term)
  return id === undefined || id === null ? undefined : String(id)
}
