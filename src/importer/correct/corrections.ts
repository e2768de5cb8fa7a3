import type { DeriveBlock } from '../recognise/derive'
import { ImportError, type Role } from '../types'

export const ROLES: Role[] = [
  'header',
  'highlight',
  'section-heading',
  'headline',
  'original-title',
  'date-line',
  'body',
  'source',
  'url',
  'credit',
  'excerpt',
  'chrome',
]

/**
 * One editor's correction of the recognised blocks. `block` is the 0-based index in the block list
 * as it stands after the corrections before it (the list the preview shows), so a sequence of
 * corrections replays deterministically.
 */
export type Correction =
  | { op: 'role'; block: number; role: Role }
  | { op: 'join'; block: number }
  | { op: 'split'; block: number; offset: number }
  | { op: 'move'; block: number; section: string }

const fail = (n: number, message: string, line?: number): never => {
  throw new ImportError(`correction ${n + 1}: ${message}`, line)
}

/** Check the shape of corrections from a request; anything else is refused with the reason. */
export function readCorrections(value: unknown): Correction[] {
  if (value === undefined || value === null || value === '') return []
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value
  if (!Array.isArray(list)) throw new ImportError('corrections must be a list')
  return list.map((c: Record<string, unknown>, n) => {
    if (!c || typeof c !== 'object') return fail(n, 'must be an object')
    if (!Number.isInteger(c.block)) return fail(n, '"block" must be a block number')
    if (c.op === 'role') {
      if (!ROLES.includes(c.role as Role))
        return fail(n, `unknown role "${String(c.role)}" (one of ${ROLES.join(', ')})`)
      return { op: 'role', block: c.block as number, role: c.role as Role }
    }
    if (c.op === 'join') return { op: 'join', block: c.block as number }
    if (c.op === 'split') {
      if (!Number.isInteger(c.offset)) return fail(n, '"offset" must be a character position')
      return { op: 'split', block: c.block as number, offset: c.offset as number }
    }
    if (c.op === 'move') {
      if (typeof c.section !== 'string' || !c.section.trim()) return fail(n, '"section" must name a section')
      return { op: 'move', block: c.block as number, section: c.section.trim() }
    }
    return fail(n, `unknown op "${String(c.op)}" (role, join, split or move)`)
  })
}

const STARTS_ITEM: Role[] = ['headline', 'date-line']

/** Indexes [from, to) of the item starting at block i: up to the next item or section. */
export function itemExtent(blocks: DeriveBlock[], i: number): [number, number] {
  let end = i + 1
  if (blocks[i].role === 'headline' && blocks[end]?.role === 'date-line') end++
  while (end < blocks.length && !['section-heading', ...STARTS_ITEM].includes(blocks[end].role)) end++
  return [i, end]
}

/** Move the item starting at block i to the end of the section headed `section` (same file). */
export function moveItem(blocks: DeriveBlock[], i: number, section: string): DeriveBlock[] {
  const [from, to] = itemExtent(blocks, i)
  const moved = blocks.slice(from, to)
  const rest = [...blocks.slice(0, from), ...blocks.slice(to)]
  const key = section.toLowerCase()
  const head = rest.findIndex((b) => b.role === 'section-heading' && b.text.toLowerCase() === key)
  if (head < 0) throw new ImportError(`there is no section heading "${section}" to move the item to`, blocks[i].line)
  let at = rest.findIndex((b, k) => k > head && b.role === 'section-heading')
  if (at < 0) at = rest.length
  while (at > head + 1 && rest[at - 1].role === 'chrome') at--
  return [...rest.slice(0, at), ...moved, ...rest.slice(at)]
}

/** One correction applied to the block list (a new list; the input is not changed). */
function applyOne(blocks: DeriveBlock[], c: Correction, n: number): DeriveBlock[] {
  const b = blocks[c.block]
  if (!b) return fail(n, `there is no block ${c.block} (the file has ${blocks.length})`)
  const out = [...blocks]
  if (c.op === 'role') out[c.block] = { ...b, role: c.role }
  else if (c.op === 'join') {
    const next = blocks[c.block + 1]
    if (!next) return fail(n, 'the last block has no next block to join', b.line)
    out.splice(c.block, 2, { ...b, text: `${b.text} ${next.text}` })
  } else if (c.op === 'split') {
    const [head, tail] = [b.text.slice(0, c.offset).trim(), b.text.slice(c.offset).trim()]
    if (c.offset <= 0 || !head || !tail) return fail(n, `cannot split at ${c.offset}: both parts need text`, b.line)
    out.splice(c.block, 1, { ...b, text: head }, { ...b, text: tail })
  } else {
    if (!STARTS_ITEM.includes(b.role)) return fail(n, 'only an item (its headline or date line) can move', b.line)
    return moveItem(blocks, c.block, c.section)
  }
  return out
}

/** Apply the corrections in order; a bad one is refused with its number, line and reason. */
export function applyCorrections(blocks: DeriveBlock[], corrections: Correction[]): DeriveBlock[] {
  return corrections.reduce((list, c, n) => {
    try {
      return applyOne(list, c, n)
    } catch (err) {
      if (err instanceof ImportError && !err.message.startsWith('correction')) fail(n, err.message, err.line)
      throw err
    }
  }, blocks)
}
