import type { Payload } from 'payload'
import React from 'react'

import { missingContent } from '../../collections/hooks/itemCompleteness'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'

type Props = { payload: Payload }

/** Dashboard panel: the current draft issue, items per section and what is still missing. */
export async function DraftIssuePanel({ payload }: Props) {
  const drafts = await payload.find({
    collection: 'issues',
    where: { _status: { equals: 'draft' } },
    sort: '-periodEnd',
    limit: 1,
    depth: 1,
    draft: true,
    ...asSystem('operator'),
  })
  const issue = drafts.docs[0]
  if (!issue) {
    return (
      <div className="briefing-panel" style={{ marginBottom: 24 }}>
        <h2>Current draft issue</h2>
        <p>
          No draft issue. <a href="/admin/collections/issues/create">Start the next issue</a>.
        </p>
      </div>
    )
  }
  const items = await payload.find({
    collection: 'items',
    where: { issue: { equals: issue.id } },
    draft: true,
    depth: 0,
    limit: 1000,
    ...asSystem('operator'),
  })
  const rows = (issue.sections ?? []).map((row) => {
    const section = typeof row.section === 'object' ? row.section : undefined
    const id = relationId(row.section)
    const mine = items.docs.filter((i) => String(relationId(i.section)) === String(id))
    const style = section?.style === 'brief' ? 'brief' : 'full'
    const incomplete = mine.filter((i) => missingContent(i, style).length > 0).length
    return { name: section?.name ?? String(id), count: mine.length, incomplete }
  })
  const missing: string[] = []
  if (!issue.highlights?.length) missing.push('highlights')
  for (const r of rows) {
    if (r.count === 0) missing.push(`items in ${r.name}`)
    if (r.incomplete) missing.push(`${r.incomplete} incomplete item(s) in ${r.name}`)
  }
  return (
    <div className="briefing-panel" style={{ marginBottom: 24 }} data-testid="draft-issue-panel">
      <h2>
        Current draft:{' '}
        <a href={`/admin/collections/issues/${issue.id}`}>{issue.label ?? `${issue.volume}|${issue.number}`}</a>{' '}
        <small>{issue.periodLabel}</small>
      </h2>
      <table>
        <thead>
          <tr>
            <th align="left">Section</th>
            <th align="right">Items</th>
            <th align="right">Incomplete</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td align="right">{r.count}</td>
              <td align="right">{r.incomplete}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{missing.length ? `Still missing: ${missing.join('; ')}.` : 'Nothing missing: ready to publish.'}</p>
    </div>
  )
}
