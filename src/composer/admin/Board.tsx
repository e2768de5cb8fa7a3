'use client'
import { DraggableSortable, DraggableSortableItem } from '@payloadcms/ui'
import React from 'react'

import { ItemCard } from './ItemCard'
import { flatIds, type Column } from './model'
import { SectionTools } from './SectionTools'

export type BoardActions = {
  onMove: (from: number, to: number) => void
  onOpen: (id: string) => void
  onSaveLine: (id: string, line: string) => void
  onAdd: (column: Column) => void
  onReuse: (itemId: string, column: Column) => void
}

/** A section's heading: a drop target (cards dropped on it go first in the section), not draggable. */
function SectionHeading({ column }: { column: Column }) {
  return (
    <DraggableSortableItem id={`section:${column.section}`} disabled={false}>
      {({ setNodeRef, transform, transition }) => (
        <li ref={setNodeRef} className="composer-heading" style={{ transform, transition }}>
          <h2 id={`composer-section-${column.section}`}>{column.name}</h2>
          <span className="composer-muted">
            {column.style === 'brief' ? 'Briefs' : 'Full items'} · {column.items.length}
          </span>
        </li>
      )}
    </DraggableSortableItem>
  )
}

/** Every section with its cards, in one sortable list: a card moves within its section or into another. */
export function Board({ columns, issue, actions }: { columns: Column[]; issue: string; actions: BoardActions }) {
  return (
    <DraggableSortable
      ids={flatIds(columns)}
      onDragEnd={({ moveFromIndex, moveToIndex }) => actions.onMove(moveFromIndex, moveToIndex)}
    >
      <ul className="composer-board" aria-label="Sections and their items">
        {columns.map((column) => (
          <React.Fragment key={column.section}>
            <SectionHeading column={column} />
            {column.items.map((card, n) => (
              <ItemCard
                key={card.id}
                card={card}
                position={n + 1}
                total={column.items.length}
                sectionName={column.name}
                onOpen={actions.onOpen}
                onSaveLine={actions.onSaveLine}
              />
            ))}
            <SectionTools column={column} issue={issue} onAdd={actions.onAdd} onReuse={actions.onReuse} />
          </React.Fragment>
        ))}
      </ul>
    </DraggableSortable>
  )
}
