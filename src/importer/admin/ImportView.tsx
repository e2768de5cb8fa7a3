import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasEditorRole } from '../../access'
import { AdminPage } from '../../admin/AdminPage'
import { MAX_IMPORT_BYTES } from '../formats/detect'
import { ImportForm } from './ImportForm'

/** Admin view /admin/import: upload reports (txt, html, md, docx) with a dry-run preview; editors only. */
export function ImportView(props: AdminViewServerProps) {
  const allowed = hasEditorRole(props.initPageResult.req.user)
  return (
    <AdminPage props={props} title="Import reports">
      <p style={{ maxWidth: 720 }}>
        Weekly reports as plain text, a web page saved from the browser (.html), Markdown or Word (.docx), up to{' '}
        {MAX_IMPORT_BYTES / 1024 / 1024} MB each. Preview first: nothing is written until you import. Importing a report
        again updates its issue. For a single translated article, give the issue and section to place it in.
      </p>
      {allowed ? <ImportForm /> : <p role="alert">Only editors and admins can import reports.</p>}
    </AdminPage>
  )
}
