import type { PayloadRequest } from 'payload'

import type { Id } from '../content/load'
import { keysForOrder } from '../content/order'
import { parseId } from '../lib/db'
import { refusal } from '../lib/endpoint'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'

/** What `POST /api/issues/:id/arrange` sets: sections in reading order, each with its items in order. */
export type Arrangement = { sections: Array<{ section: Id; items: Id[] }>; highlights?: string[] }

const SHAPE = 'Send { "sections": [{ "section": <id>, "items": [<id>, …] }, …], "highlights"?: [<id>, …] }.'

const shown = (value: unknown) => JSON.stringify(value ?? null).slice(0, 64)

/** The body as an arrangement: 400 naming the first thing that is wrong. Ids this database can't have are 400s too. */
export function parseArrangement(req: PayloadRequest, body: Record<string, unknown>): Arrangement {
  const id = (value: unknown, what: string): Id => {
    const parsed = parseId(req.payload, value)
    if (parsed === undefined) throw refusal(400, `There is no ${what} ${shown(value)}. ${SHAPE}`)
    return parsed
  }
  if (!Array.isArray(body.sections)) throw refusal(400, `The arrangement needs "sections". ${SHAPE}`)
  const sections = body.sections.map((row: unknown, n) => {
    const r = row as { section?: unknown; items?: unknown } | null
    if (!r || typeof r !== 'object' || r.section === undefined || !Array.isArray(r.items))
      throw refusal(400, `Section row ${n + 1} needs "section" and "items". ${SHAPE}`)
    return { section: id(r.section, 'section'), items: r.items.map((i: unknown) => id(i, 'item')) }
  })
  if (body.highlights === undefined) return { sections }
  if (!Array.isArray(body.highlights) || body.highlights.some((h) => typeof h !== 'string' || !h))
    throw refusal(400, `"highlights" must list the issue's highlight ids in order. ${SHAPE}`)
  return { sections, highlights: body.highlights as string[] }
}

type Current = { id: Id; section?: unknown; orderKey?: string | null }

/** Refuses unknown or repeated sections, items of other issues, repeats, and items left out. */
async function check(req: PayloadRequest, arrangement: Arrangement, items: Current[]): Promise<void> {
  const sectionIds = arrangement.sections.map((s) => String(s.section))
  const repeated = sectionIds.find((s, n) => sectionIds.indexOf(s) !== n)
  if (repeated) throw refusal(400, `Section ${repeated} is listed twice.`)
  const found = await req.payload.find({
    collection: 'sections',
    where: { id: { in: arrangement.sections.map((s) => s.section) } },
    depth: 0,
    pagination: false,
    select: { name: true },
    req,
    ...asSystem('operator'),
  })
  const unknown = sectionIds.find((s) => !found.docs.some((d) => String(d.id) === s))
  if (unknown) throw refusal(400, `There is no section ${unknown}.`)
  const mine = new Set(items.map((i) => String(i.id)))
  const listed = arrangement.sections.flatMap((s) => s.items.map(String))
  const foreign = listed.filter((i) => !mine.has(i))
  if (foreign.length) throw refusal(400, `Not items of this issue: ${foreign.join(', ')}. Nothing was changed.`)
  const twice = listed.find((i, n) => listed.indexOf(i) !== n)
  if (twice) throw refusal(400, `Item ${twice} is listed twice. List every item of the issue once.`)
  const left = [...mine].filter((i) => !listed.includes(i))
  if (left.length)
    throw refusal(400, `The arrangement leaves out items of this issue: ${left.join(', ')}. List every item once.`)
}

/** The issue's highlights in the order given: every highlight id once, or a 400. */
function orderHighlights<H extends { id?: string | null }>(current: H[], order: string[] | undefined): H[] | undefined {
  if (!order) return undefined
  const same = order.length === current.length && new Set(order).size === order.length
  const byId = new Map(current.map((h) => [String(h.id), h]))
  if (!same || order.some((id) => !byId.has(id)))
    throw refusal(400, `"highlights" must list each of the issue's ${current.length} highlight ids once.`)
  return order.map((id) => byId.get(id) as H)
}

/** The item writes an arrangement needs: only items whose section or key changes. */
export function placements(arrangement: Arrangement, items: Current[]) {
  const byId = new Map(items.map((i) => [String(i.id), i]))
  return arrangement.sections.flatMap(({ section, items: ids }) => {
    const docs = ids.map((id) => byId.get(String(id)) as Current)
    const moved = docs.map((doc) => String(relationId(doc.section)) !== String(section))
    // An item coming from another section is written anyway: it takes the new key, the others keep theirs.
    const keys = keysForOrder(docs.map((d, n) => (moved[n] ? null : d.orderKey)))
    return docs.flatMap((doc, n) => {
      if (!moved[n] && keys[n] === doc.orderKey) return []
      return [{ id: doc.id, orderKey: keys[n], ...(moved[n] ? { section } : {}) }]
    })
  })
}

/** Load the issue (404), check the arrangement against it and work out what to write. */
export async function planArrangement(req: PayloadRequest, issueId: unknown, arrangement: Arrangement) {
  const id = parseId(req.payload, issueId)
  const issue =
    id === undefined
      ? null
      : await req.payload.findByID({
          collection: 'issues',
          id,
          draft: true,
          depth: 0,
          req,
          ...asSystem('operator'),
          disableErrors: true,
        })
  if (!issue) throw refusal(404, `There is no issue ${shown(issueId)}.`)
  const found = await req.payload.find({
    collection: 'items',
    where: { issue: { equals: issue.id } },
    draft: true,
    depth: 0,
    pagination: false,
    select: { section: true, orderKey: true },
    req,
    ...asSystem('operator'),
  })
  const items = found.docs as Current[]
  await check(req, arrangement, items)
  const highlights = orderHighlights(issue.highlights ?? [], arrangement.highlights)
  const sections = arrangement.sections.map((s) => ({ section: s.section as number }))
  return { issue, sections, highlights, writes: placements(arrangement, items) }
}
