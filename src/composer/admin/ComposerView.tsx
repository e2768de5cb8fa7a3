import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { hasEditorRole } from '../../access'
import { Composer } from './Composer'

/** The Composer tab of an issue (/admin/collections/issues/:id/composer): editors arrange the issue here. */
export function ComposerView(props: DocumentViewServerProps) {
  const id = props.doc?.id ?? props.routeSegments?.[2]
  const user = props.initPageResult.req.user
  return (
    <Gutter>
      <h1 style={{ margin: '16px 0' }}>Composer</h1>
      {!id ? (
        <p>Save the issue first; then compose it here.</p>
      ) : hasEditorRole(user) ? (
        <Composer issueId={String(id)} />
      ) : (
        <p role="alert">Only editors and admins arrange issues. Open your items from “Items”.</p>
      )}
    </Gutter>
  )
}
