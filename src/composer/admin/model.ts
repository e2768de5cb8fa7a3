import { lexicalPlainText } from '../../content/lexical'
import { compareItems } from '../../content/order'
import { relationId } from '../../lib/relations'

/**
 * The composer's picture of an issue: its sections in reading order (columns), each with its items
 * in order (cards), and its highlights. Pure functions; the components only render and send.
 */
export type Card = {
  id: string
  section: string
  style: 'full' | 'brief'
  label: string
  /** A brief's one line (its text), edited inline. */
  line: string
  date: string | null
  sources: string[]
  assignee: string | null
  /** The assignee's and the creator's ids (who may step the status on), and the version a save is based on. */
  assigneeId: string | null
  createdBy: string | null
  updatedAt: string | null
  status: string | null
  missing: string[]
}
export type Column = { section: string; name: string; style: 'full' | 'brief'; items: Card[] }
export type HighlightRow = { id: string; text: string; target: string }
export type Doc = Record<string, unknown> & { id: number | string }

const HEADER = 'section:'
const ITEM = 'item:'

const nameOf = (value: unknown): string | null => {
  if (!value || typeof value !== 'object') return value === null || value === undefined ? null : String(value)
  const v = value as { name?: string; email?: string; title?: string }
  return v.name || v.email || v.title || null
}

/** What a card shows; assignee and status are read by name when the fields exist (issue 15, assignments). */
export function toCard(doc: Doc, style: 'full' | 'brief'): Card {
  const line = lexicalPlainText(doc.body).trim()
  const headline = typeof doc.headline === 'string' ? doc.headline.trim() : ''
  const date = typeof doc.date === 'string' ? doc.date.slice(0, 10) : null
  const sources = Array.isArray(doc.sources) ? doc.sources.map((s) => nameOf(s) ?? '').filter(Boolean) : []
  const missing = [
    ...(style === 'full' && !headline ? ['headline'] : []),
    ...(line ? [] : [style === 'brief' ? 'text' : 'body']),
    ...(date ? [] : ['date']),
    ...(style === 'full' && !sources.length ? ['source'] : []),
  ]
  const label = style === 'brief' ? `${date ?? 'No date'} ${line.split(/\s+/).slice(0, 8).join(' ')}` : headline
  return {
    id: String(doc.id),
    section: String(relationId(doc.section)),
    style,
    label: label.trim() || (style === 'brief' ? 'New brief' : 'Untitled item'),
    line,
    date,
    sources,
    assignee: nameOf(doc.assignee),
    assigneeId: relationId(doc.assignee) === undefined ? null : String(relationId(doc.assignee)),
    createdBy: relationId(doc.createdBy) === undefined ? null : String(relationId(doc.createdBy)),
    updatedAt: typeof doc.updatedAt === 'string' ? doc.updatedAt : null,
    status: typeof doc.status === 'string' ? doc.status : null,
    missing,
  }
}

/** Columns from the issue, its items and the sections: the issue's order, then sections only items name. */
export function toColumns(issue: Doc, items: Doc[], sections: Doc[]): Column[] {
  const byId = new Map(sections.map((s) => [String(s.id), s]))
  const rows = Array.isArray(issue.sections) ? (issue.sections as Array<{ section?: unknown }>) : []
  const order = [...rows.map((r) => String(relationId(r.section))), ...items.map((i) => String(relationId(i.section)))]
  const unique = order.filter((id, n) => order.indexOf(id) === n && byId.has(id))
  const sorted = [...items].sort(compareItems)
  return unique.map((id) => {
    const s = byId.get(id) as Doc
    const style = s.style === 'brief' ? 'brief' : 'full'
    const mine = sorted.filter((i) => String(relationId(i.section)) === id)
    return { section: id, name: String(s.name), style, items: mine.map((i) => toCard(i, style)) }
  })
}

export function toHighlights(issue: Doc, columns: Column[], items: Doc[]): HighlightRow[] {
  const rows = Array.isArray(issue.highlights) ? (issue.highlights as Array<Record<string, unknown>>) : []
  return rows.map((h) => {
    const section = columns.find((c) => c.section === String(relationId(h.section)))
    const item = items.find((i) => String(i.id) === String(relationId(h.item)))
    const target = item
      ? `Item: ${String(item.headline ?? item.title ?? item.id)}`
      : section
        ? `${section.name} section`
        : 'No target'
    return { id: String(h.id), text: lexicalPlainText(h.text).trim().slice(0, 140), target }
  })
}

/** The ids of the one sortable list: each section's header, then its cards. */
export const flatIds = (columns: Column[]): string[] =>
  columns.flatMap((c) => [`${HEADER}${c.section}`, ...c.items.map((i) => `${ITEM}${i.id}`)])

export const isHeader = (id: string): boolean => id.startsWith(HEADER)

/** Move one card in the flat list (within its section or into another); null when nothing moves. */
export function moveCard(columns: Column[], from: number, to: number): Column[] | null {
  const ids = flatIds(columns)
  if (from === to || from < 0 || to < 0 || isHeader(ids[from])) return null
  const [moved] = ids.splice(from, 1)
  ids.splice(to, 0, moved)
  if (!isHeader(ids[0])) return null
  const cards = new Map(columns.flatMap((c) => c.items.map((i) => [`${ITEM}${i.id}`, i])))
  const out = columns.map((c) => ({ ...c, items: [] as Card[] }))
  let current = -1
  for (const id of ids) {
    if (isHeader(id)) current = out.findIndex((c) => `${HEADER}${c.section}` === id)
    else {
      const col = out[current]
      col.items.push({ ...(cards.get(id) as Card), section: col.section, style: col.style })
    }
  }
  return out
}

export const moveInList = <T>(list: T[], from: number, to: number): T[] => {
  const copy = [...list]
  const [moved] = copy.splice(from, 1)
  copy.splice(to, 0, moved)
  return copy
}

/** The body of POST /api/issues/:id/arrange. */
export const toArrangement = (columns: Column[], highlights: HighlightRow[]) => ({
  sections: columns.map((c) => ({ section: c.section, items: c.items.map((i) => i.id) })),
  highlights: highlights.map((h) => h.id),
})

/** Where a card is now, for the announcement. */
export function whereIs(columns: Column[], id: string): { column: Column; index: number } | null {
  for (const column of columns) {
    const index = column.items.findIndex((i) => i.id === id)
    if (index >= 0) return { column, index }
  }
  return null
}
