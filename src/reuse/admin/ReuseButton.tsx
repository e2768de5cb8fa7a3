'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

import { ReuseForm } from './ReuseForm'

/** Sidebar action on a saved item: "Reuse in issue…". */
export function ReuseButton() {
  const { id } = useDocumentInfo()
  const [open, setOpen] = useState(false)
  if (!id) return null
  return (
    <div className="field-type briefing-reuse" data-testid="reuse-button">
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
      >
        Reuse in issue…
      </button>
      {open ? <ReuseForm itemId={id} /> : null}
    </div>
  )
}
