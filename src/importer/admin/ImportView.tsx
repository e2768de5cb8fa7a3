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
      <p className="briefing-import-intro" style={{ maxWidth: 720 }}>
        Weekly reports, special issue pages, and translated articles or blog listings of them, as plain text, a web page
        saved from the browser (.html), Markdown, Word (.docx) or PDF, up to {MAX_IMPORT_BYTES / 1024 / 1024} MB each;
        or a WordPress, Substack or Ghost export. What a file is, is read from its text: a report becomes an issue, a
        special issue page an issue of kind special, an article or each post of a listing a translation. Preview first:
        nothing is written until you import. Importing a file again updates what it made. To put an article (or each
        post of a listing) into an issue as items instead, give the issue and section.
      </p>
      {allowed ? <ImportForm /> : <p role="alert">Only editors and admins can import reports.</p>}
    </AdminPage>
  )
}
