import type { PayloadRequest } from 'payload'

import { compareItems } from '../content/order'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'
import type { PreflightIssue, PreflightItem } from './types'

/** The issue (latest draft) and its items in reading order, or null when there is no such issue. */
export async function loadPreflightIssue(req: PayloadRequest, id: number | string): Promise<PreflightIssue | null> {
  const issue = await req.payload.findByID({
    collection: 'issues',
    id,
    draft: true,
    depth: 0,
    req,
    ...asSystem('operator'),
    disableErrors: true,
  })
  if (!issue) return null
  const { docs } = await req.payload.find({
    collection: 'items',
    where: { issue: { equals: issue.id } },
    draft: true,
    depth: 0,
    limit: 2000,
    req,
    ...asSystem('operator'),
  })
  const sections = (issue.sections ?? []).flatMap((row) => {
    const section = relationId(row.section)
    return section === undefined ? [] : [section]
  })
  const rank = (item: PreflightItem) => {
    const at = sections.findIndex((s) => String(s) === String(relationId(item.section)))
    return at < 0 ? sections.length : at
  }
  const items = (docs as unknown as PreflightItem[])
    .sort(compareItems)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.order - b.order)
    .map(({ item }) => item)
  const record = issue as unknown as Record<string, unknown>
  return {
    id: issue.id,
    label: String(issue.label ?? `Issue ${issue.id}`),
    kind: String(record.kind ?? 'weekly'),
    periodStart: issue.periodStart,
    periodEnd: issue.periodEnd,
    highlights: (issue.highlights ?? []) as PreflightIssue['highlights'],
    sections,
    coverImage: issue.coverImage,
    entries: entriesOf(record.entryGroups),
    items,
  }
}

/** A special issue's entries, which it keeps in its date groups (`entryGroups[].entries[]`). */
export const entriesOf = (entryGroups: unknown): PreflightIssue['entries'] =>
  ((entryGroups ?? []) as Array<{ entries?: PreflightIssue['entries'] | null }>).flatMap((group) => group.entries ?? [])
