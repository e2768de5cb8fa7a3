import type { Payload } from 'payload'

import { slugify } from '../../lib/slug'
import { outletKey } from '../recognise/outlets'
import type { TermCandidate } from '../types'
import type { TxReq } from './transaction'
import { asSystem } from '../../lib/system'

type Id = number | string

/** Ids are numbers on SQLite and strings on MongoDB; the generated types say number. */
export const rel = (id: Id): number => id as number

const OUTLET_KINDS: Record<string, 'newspaper' | 'journal' | 'agency' | 'website'> = {
  xinhua: 'agency',
  qiushi: 'journal',
  'seeking truth': 'journal',
  'study times': 'newspaper',
  cctv: 'website',
}

/** Names of existing sections and sources, for the recogniser (read outside any transaction). */
export async function knownNames(payload: Payload): Promise<{ sections: string[]; sources: string[] }> {
  const [sections, sources] = await Promise.all([
    payload.find({
      collection: 'sections',
      pagination: false,
      depth: 0,
      ...asSystem('import'),
      select: { name: true },
    }),
    payload.find({ collection: 'sources', pagination: false, depth: 0, ...asSystem('import'), select: { name: true } }),
  ])
  return { sections: sections.docs.map((d) => d.name), sources: sources.docs.map((d) => d.name) }
}

/** Sections by name (case-insensitive); missing ones are created with the recognised style. */
export async function resolveSections(
  payload: Payload,
  req: TxReq,
  wanted: Array<{ name: string; style: 'full' | 'brief' }>,
  warnings: string[],
) {
  const all = await payload.find({ collection: 'sections', pagination: false, depth: 0, req, ...asSystem('import') })
  const byName = new Map(all.docs.map((d) => [d.name.toLowerCase(), d]))
  let position = Math.max(0, ...all.docs.map((d) => d.position ?? 0))
  const ids = new Map<string, Id>()
  let created = 0
  for (const w of wanted) {
    const key = w.name.toLowerCase()
    const found = byName.get(key)
    if (found) {
      if (found.style !== w.style) await adoptStyle(payload, req, found, w.style, warnings)
      ids.set(key, found.id)
      continue
    }
    position += 10
    const doc = await payload.create({
      collection: 'sections',
      data: { name: w.name, style: w.style, position },
      req,
      ...asSystem('import'),
      depth: 0,
    })
    byName.set(key, doc)
    ids.set(key, doc.id)
    created++
  }
  return { ids, created }
}

/**
 * A section that no item uses yet takes the style the report shows (e.g. a seeded "full" section
 * that the report writes as date-prefixed one-liners); one in use keeps its style, with a warning.
 */
async function adoptStyle(
  payload: Payload,
  req: TxReq,
  section: { id: Id; name: string; style: 'full' | 'brief' },
  style: 'full' | 'brief',
  warnings: string[],
): Promise<void> {
  const { totalDocs } = await payload.count({
    collection: 'items',
    where: { section: { equals: section.id } },
    req,
    ...asSystem('import'),
  })
  if (totalDocs > 0) {
    warnings.push(`section "${section.name}" is ${section.style} style in Briefing but reads as ${style} here`)
    return
  }
  await payload.update({
    collection: 'sections',
    id: section.id,
    data: { style },
    req,
    ...asSystem('import'),
    depth: 0,
  })
  warnings.push(`section "${section.name}" changed from ${section.style} to ${style} style, as in the report`)
}

/** Sources by name (case- and apostrophe-insensitive), created when missing. */
export async function resolveSources(payload: Payload, req: TxReq, names: string[]) {
  const all = await payload.find({ collection: 'sources', pagination: false, depth: 0, req, ...asSystem('import') })
  const byKey = new Map(all.docs.map((d) => [outletKey(d.name), d.id as Id]))
  let created = 0
  for (const name of names) {
    const key = outletKey(name)
    if (byKey.has(key)) continue
    const doc = await payload.create({
      collection: 'sources',
      data: { name, kind: OUTLET_KINDS[key] ?? 'newspaper' },
      req,
      ...asSystem('import'),
      depth: 0,
    })
    byKey.set(key, doc.id)
    created++
  }
  return { id: (name: string) => byKey.get(outletKey(name))!, created }
}

/** Glossary terms by original; new candidates are created unreviewed with a unique slug. */
export async function resolveTerms(payload: Payload, req: TxReq, candidates: TermCandidate[]) {
  const originals = [...new Set(candidates.map((c) => c.original))]
  const byOriginal = new Map<string, Id>()
  if (!originals.length) return { id: (o: string) => byOriginal.get(o)!, created: 0 }
  const found = await payload.find({
    collection: 'glossary-terms',
    where: { original: { in: originals } },
    pagination: false,
    depth: 0,
    req,
    ...asSystem('import'),
    select: { original: true },
  })
  for (const d of found.docs) if (!byOriginal.has(d.original)) byOriginal.set(d.original, d.id)
  const missing = candidates.filter(
    (c, i) => !byOriginal.has(c.original) && candidates.findIndex((x) => x.original === c.original) === i,
  )
  const bases = missing.map((c) => slugify(c.english) || slugify(c.original))
  const taken = new Set<string>()
  if (bases.length) {
    const clash = await payload.find({
      collection: 'glossary-terms',
      where: { slug: { in: bases } },
      pagination: false,
      depth: 0,
      req,
      ...asSystem('import'),
      select: { slug: true },
    })
    clash.docs.forEach((d) => d.slug && taken.add(d.slug))
  }
  for (const [i, c] of missing.entries()) {
    const slug = taken.has(bases[i]) ? slugify(`${c.english} ${c.original}`) : bases[i]
    taken.add(slug)
    const doc = await payload.create({
      collection: 'glossary-terms',
      data: { english: c.english, original: c.original, kind: c.kind, slug, status: 'unreviewed' },
      req,
      ...asSystem('import'),
      depth: 0,
    })
    byOriginal.set(c.original, doc.id)
  }
  return { id: (o: string) => byOriginal.get(o)!, created: missing.length }
}
