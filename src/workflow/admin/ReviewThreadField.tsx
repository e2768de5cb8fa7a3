'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { ReviewThread } from './ReviewThread'

/** The review thread in an item's edit view (a `ui` field); a new item gets one once saved. */
export function ReviewThreadField() {
  const { id } = useDocumentInfo()
  if (!id) return <p className="field-type">Save the item to start its review comments.</p>
  return <ReviewThread itemId={id} />
}
