import { Pill } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from '../../admin/AdminPage'
import { dayLabel } from '../../lib/dates'
import { myItems } from '../myItems'
import { statusLabel } from '../status'

/** Admin "My items": the signed-in user's assigned items across issues, grouped by issue, with status. */
export async function MyItemsView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const groups = await myItems(req.payload, req.user)
  return (
    <AdminPage props={props} title="My items">
      <div data-testid="my-items">
        {groups.length === 0 ? <p>Nothing is assigned to you.</p> : null}
        {groups.map(({ issue, items }) => (
          <section key={String(issue.id)} data-testid="my-items-issue" style={{ marginBottom: 32 }}>
            <h2 style={{ marginBottom: 8 }}>
              <a href={`/admin/collections/issues/${issue.id}`}>{issue.label}</a>{' '}
              <small style={{ color: 'var(--theme-elevation-500)' }}>
                {issue.periodLabel} {issue.published ? '· published' : '· draft'}
              </small>
            </h2>
            <div className="table">
              <table cellPadding={0} cellSpacing={0}>
                <thead>
                  <tr>
                    <th>Item</th>
                    <th>Section</th>
                    <th>Date</th>
                    <th>Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={String(item.id)} data-status={item.status}>
                      <td>
                        <a href={`/admin/collections/items/${item.id}`}>{item.title}</a>
                      </td>
                      <td>{item.section}</td>
                      <td>{item.date ? dayLabel(item.date) : ''}</td>
                      <td>
                        <Pill size="small" pillStyle={item.status === 'approved' ? 'success' : 'light'}>
                          {statusLabel(item.status)}
                        </Pill>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </AdminPage>
  )
}
