import type { Payload, PayloadRequest } from 'payload'

import { richText } from '../lib/richtext'
import { seedIssues, seedSections, seedSources, seedTerms } from './data'
import { asSystem } from '../lib/system'

type Log = (line: string) => void

/** Find one document by a field, or create it; returns its id. Never changes an existing document. */
async function ensure(
  payload: Payload,
  req: Partial<PayloadRequest>,
  collection: 'sections' | 'sources' | 'glossary-terms',
  where: Record<string, { equals: unknown }>,
  data: Record<string, unknown>,
): Promise<number | string> {
  const found = await payload.find({ collection, where, limit: 1, depth: 0, ...asSystem('seed'), req })
  if (found.docs[0]) return found.docs[0].id
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const created = await payload.create({ collection, data: data as any, ...asSystem('seed'), req })
  return created.id
}

/**
 * Load demo content: sections, sources, glossary terms, one published issue and one draft issue.
 * Idempotent: what exists (matched by slug, or by original for terms) is left as it is.
 */
export async function seed(payload: Payload, log: Log = () => {}): Promise<{ created: number; existing: number }> {
  const req = {}
  let created = 0
  let existing = 0
  const sectionIds = new Map<string, number | string>()
  for (const s of seedSections)
    sectionIds.set(s.slug, await ensure(payload, req, 'sections', { slug: { equals: s.slug } }, { ...s }))
  const sourceIds = new Map<string, number | string>()
  for (const s of seedSources)
    sourceIds.set(s.slug, await ensure(payload, req, 'sources', { slug: { equals: s.slug } }, { ...s }))
  const termIds = new Map<string, number | string>()
  for (const t of seedTerms) {
    const data = { ...t, aliases: 'aliases' in t ? [...t.aliases] : [] }
    termIds.set(t.original, await ensure(payload, req, 'glossary-terms', { original: { equals: t.original } }, data))
  }
  log(`sections ${sectionIds.size}, sources ${sourceIds.size}, glossary terms ${termIds.size}`)

  for (const spec of seedIssues) {
    const slug = `${spec.volume}-${spec.number}`
    const found = await payload.find({
      collection: 'issues',
      where: { slug: { equals: slug } },
      draft: true,
      limit: 1,
      ...asSystem('seed'),
    })
    if (found.docs[0]) {
      existing++
      log(`issue ${slug} exists: left unchanged`)
      continue
    }
    const issue = await payload.create({
      collection: 'issues',
      ...asSystem('seed'),
      draft: true,
      data: {
        volume: spec.volume,
        number: spec.number,
        periodStart: spec.periodStart,
        periodEnd: spec.periodEnd,
        plannedPublication: spec.periodEnd,
        sections: spec.sections.map((s) => ({ section: sectionIds.get(s) as number })),
        highlights: spec.highlights.map((h) => ({
          text: richText(h.text),
          section: sectionIds.get(h.section) as number,
        })),
        _status: 'draft',
      },
    })
    for (const item of spec.items) {
      await payload.create({
        collection: 'items',
        ...asSystem('seed'),
        draft: true,
        data: {
          issue: issue.id,
          section: sectionIds.get(item.section) as number,
          headline: item.headline,
          date: item.date,
          body: item.body.length ? richText(...item.body) : undefined,
          sources: item.source ? [sourceIds.get(item.source) as number] : [],
          terms: (item.terms ?? []).map((o) => termIds.get(o) as number),
          excerpt: item.excerpt,
          // The published demo issue was reviewed: its items are approved (the publish/send gate passes).
          status: spec.status === 'published' ? 'approved' : 'unassigned',
          _status: 'draft',
        },
      })
    }
    if (spec.status === 'published') {
      await payload.update({
        collection: 'issues',
        id: issue.id,
        ...asSystem('seed'),
        data: { _status: 'published', publishedAt: new Date(`${spec.periodEnd}T12:00:00Z`).toISOString() },
      })
    }
    created++
    log(`issue ${slug} created (${spec.status}, ${spec.items.length} items)`)
  }
  return { created, existing }
}
