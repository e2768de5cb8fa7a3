'use client'
import { DraggableSortableItem } from '@payloadcms/ui'
import React from 'react'

import { Sortable } from './Sortable'

export type Row = { id: string; label: string; detail?: string }

/** A reorderable list (sections, highlights): pointer or keyboard (focus the handle, Space, arrows, Space). */
export function OrderList({
  name,
  rows,
  onMove,
}: {
  name: string
  rows: Row[]
  onMove: (from: number, to: number) => void
}) {
  return (
    <Sortable
      ids={rows.map((r) => r.id)}
      nameOf={(id) => `“${rows.find((r) => r.id === id)?.label ?? id}”`}
      placeOf={(_, to) => `position ${to + 1} of ${rows.length}`}
      onMove={onMove}
    >
      <ol className="composer-order" aria-label={name}>
        {rows.map((row, n) => (
          <DraggableSortableItem id={row.id} key={row.id}>
            {({ attributes, listeners, setNodeRef, transform, transition }) => (
              <li className="composer-order__row" ref={setNodeRef} style={{ transform, transition }}>
                <button
                  type="button"
                  className="composer-handle"
                  {...attributes}
                  {...listeners}
                  aria-label={`Move ${row.label} (${n + 1} of ${rows.length})`}
                >
                  ⠿
                </button>
                <span className="composer-order__label">{row.label}</span>
                {row.detail ? <span className="composer-muted"> → {row.detail}</span> : null}
              </li>
            )}
          </DraggableSortableItem>
        ))}
      </ol>
    </Sortable>
  )
}
