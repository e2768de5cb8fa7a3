import type { Payload, PayloadRequest } from 'payload'

import type { Issue, Item, Section } from '../payload-types'
import { relationId } from '../lib/relations'
import { asUser } from '../lib/system'

export type MyIssueGroup = {
  issue: { id: number | string; label: string; periodLabel?: string | null; published: boolean }
  items: Array<{ id: number | string; title: string; section: string; status: string; date?: string | null }>
}

/**
 * The items assigned to a user across issues (latest versions, drafts included), grouped by issue
 * (newest period first) and in reading order within each, read with the user's own access.
 */
export async function myItems(payload: Payload, user: PayloadRequest['user']): Promise<MyIssueGroup[]> {
  if (!user) return []
  const found = await payload.find({
    collection: 'items',
    where: { assignee: { equals: user.id } },
    draft: true,
    depth: 1,
    limit: 500,
    sort: 'orderKey',
    select: { title: true, issue: true, section: true, status: true, date: true, orderKey: true },
    populate: {
      issues: { label: true, periodLabel: true, periodEnd: true, _status: true },
      sections: { name: true, position: true },
    },
    ...asUser(user),
  })
  const groups = new Map<string, MyIssueGroup & { periodEnd: string }>()
  for (const item of found.docs as Item[]) {
    const issue = typeof item.issue === 'object' ? (item.issue as Issue) : undefined
    const key = String(relationId(item.issue))
    const group = groups.get(key) ?? {
      issue: {
        id: relationId(item.issue) ?? key,
        label: issue?.label ?? `Issue ${key}`,
        periodLabel: issue?.periodLabel,
        published: issue?._status === 'published',
      },
      periodEnd: issue?.periodEnd ?? '',
      items: [],
    }
    const section = typeof item.section === 'object' ? (item.section as Section) : undefined
    group.items.push({
      id: item.id,
      title: item.title ?? `Item ${item.id}`,
      section: section?.name ?? '',
      status: item.status ?? 'unassigned',
      date: item.date,
    })
    groups.set(key, group)
  }
  return [...groups.values()]
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))
    .map(({ issue, items }) => ({ issue, items }))
}
