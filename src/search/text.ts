/** Plain text of Lexical rich text (read by the one walker, src/content/lexical.ts), including the words of inline glossary marks. */
import { markedTerms, readLexical, runsText } from '../content/lexical'

export type TermName = (termId: string) => string | undefined

/** Text of a rich-text value, one line per block or list item; inline glossary marks without their own text use `termName`. */
export function lexicalText(value: unknown, termName: TermName = () => undefined): string {
  const name = (term: unknown) => {
    const id = relationKey(term)
    return id ? termName(id) : undefined
  }
  return readLexical(value)
    .map((b) =>
      b.type === 'list'
        ? `${b.items.map((runs) => `${runsText(runs, name)}\n`).join('')}\n`
        : `${runsText(b.runs, name)}\n`,
    )
    .join('')
    .trim()
}

/** Ids of every glossary term marked inline in a rich-text value. */
export function inlineTermIds(value: unknown): string[] {
  return [
    ...new Set(
      markedTerms(value)
        .map(relationKey)
        .filter((id): id is string => id !== undefined),
    ),
  ]
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
