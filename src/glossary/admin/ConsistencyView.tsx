import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasEditorRole } from '../../access'
import { AdminPage } from '../../admin/AdminPage'
import { consistencyReport } from '../consistency'
import { ApplyRenderingForm } from './ApplyRenderingForm'

/** Admin "Consistency" view: originals rendered in more than one way, and terms that need review. */
export async function ConsistencyView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  if (!hasEditorRole(req.user)) {
    return (
      <AdminPage props={props} title="Consistency">
        <p>Only editors can check translation consistency.</p>
      </AdminPage>
    )
  }
  const report = await consistencyReport(req.payload, req)
  return (
    <AdminPage props={props} title="Consistency">
      <p>
        {report.itemsScanned} items checked (latest versions). Renderings are read from “English” (汉字) and English
        (汉字) in the text and from glossary marks.
      </p>
      <h2>Originals rendered more than one way</h2>
      {report.inconsistencies.length === 0 ? (
        <p data-testid="consistency-none">Every original is rendered one way. 一致。</p>
      ) : null}
      {report.inconsistencies.map((inc) => (
        <section
          key={inc.original}
          data-testid="inconsistency"
          style={{ margin: '24px 0', paddingTop: 12, borderTop: '1px solid var(--theme-elevation-150)' }}
        >
          <h3 lang="zh-Hans">
            {inc.original}{' '}
            {inc.term ? (
              <small>
                glossary: <a href={`/admin/collections/glossary-terms/${inc.term.id}`}>{inc.term.english}</a>
              </small>
            ) : (
              <small>not in the glossary</small>
            )}
          </h3>
          <ApplyRenderingForm inconsistency={inc} />
        </section>
      ))}
      <h2>Terms in published items that need attention</h2>
      {report.termProblems.length === 0 ? <p>Every term used in published items is reviewed and defined.</p> : null}
      <table>
        <tbody>
          {report.termProblems.map((t) => (
            <tr key={t.id} data-testid="term-problem">
              <td>
                <a href={`/admin/collections/glossary-terms/${t.id}`}>{t.english}</a>{' '}
                <span lang="zh-Hans">{t.original}</span>
              </td>
              <td>{t.problems.join(', ')}</td>
              <td>
                {t.items} published item{t.items === 1 ? '' : 's'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminPage>
  )
}
