import { Banner, Pill } from '@payloadcms/ui'
import type { Payload } from 'payload'
import React from 'react'

import { missingContent } from '../../collections/hooks/itemCompleteness'
import { relationId } from '../lib/relations'
import { asSystem } from '../lib/system'

type Props = { payload: Payload }

/** A dashboard card in the admin's own look (its elevation colours, radius and spacing). */
const Panel = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <section
    className="briefing-panel"
    data-testid={testId}
    style={{
      display: 'grid',
      gap: 'calc(var(--base) * 0.8)',
      marginBottom: 'calc(var(--base) * 2)',
      padding: 'calc(var(--base) * 1.2)',
      border: '1px solid var(--theme-elevation-150)',
      borderRadius: 'var(--style-radius-m)',
      background: 'var(--theme-elevation-0)',
    }}
  >
    {children}
  </section>
)

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
      <Panel>
        <h2 style={{ margin: 0 }}>Current draft issue</h2>
        <p>
          No draft issue. <a href="/admin/collections/issues/create">Start the next issue</a>.
        </p>
      </Panel>
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
  const rows: SectionRow[] = (issue.sections ?? []).map((row) => {
    const section = typeof row.section === 'object' ? row.section : undefined
    const id = relationId(row.section)
    const mine = items.docs.filter((i) => String(relationId(i.section)) === String(id))
    const style = section?.style === 'brief' ? 'brief' : 'full'
    const incomplete = mine.filter((i) => missingContent(i, style).length > 0).length
    const approved = mine.filter((i) => i.status === 'approved').length
    return { name: section?.name ?? String(id), count: mine.length, incomplete, approved }
  })
  const missing: string[] = []
  if (!issue.highlights?.length) missing.push('highlights')
  for (const r of rows) {
    if (r.count === 0) missing.push(`items in ${r.name}`)
    if (r.incomplete) missing.push(`${r.incomplete} incomplete item(s) in ${r.name}`)
  }
  return (
    <Panel testId="draft-issue-panel">
      <h2 style={{ margin: 0 }}>
        Current draft:{' '}
        <a href={`/admin/collections/issues/${issue.id}`}>{issue.label ?? `${issue.volume}|${issue.number}`}</a>{' '}
        <small style={{ color: 'var(--theme-elevation-500)' }}>{issue.periodLabel}</small>
      </h2>
      <SectionCounts rows={rows} />
      <Banner type={missing.length ? 'info' : 'success'}>
        {missing.length ? `Still missing: ${missing.join('; ')}.` : 'Nothing missing: ready to publish.'}
      </Banner>
    </Panel>
  )
}

type SectionRow = { name: string; count: number; incomplete: number; approved: number }

/** Items, incomplete and approved ones per section of the issue. */
function SectionCounts({ rows }: { rows: SectionRow[] }) {
  return (
    <div className="table">
      <table cellPadding={0} cellSpacing={0}>
        <thead>
          <tr>
            <th>Section</th>
            <th>Items</th>
            <th>Incomplete</th>
            <th>Approved</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td>{r.count}</td>
              <td>{r.incomplete ? <Pill pillStyle="warning">{r.incomplete}</Pill> : 0}</td>
              <td>
                {r.approved}/{r.count}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
