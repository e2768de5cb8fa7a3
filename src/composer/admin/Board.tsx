'use client'
import { DraggableSortableItem } from '@payloadcms/ui'
import React from 'react'

import type { Person } from './CardWorkflow'
import { ItemCard } from './ItemCard'
import { flatIds, isHeader, moveCard, whereIs, type Card, type Column } from './model'
import { SectionTools } from './SectionTools'
import { Sortable } from './Sortable'

export type BoardActions = {
  onMove: (from: number, to: number) => void
  onOpen: (id: string) => void
  onSaveLine: (id: string, line: string) => void
  onSaveWorkflow: (card: Card, data: Record<string, unknown>) => Promise<void>
  onAdd: (column: Column) => void
  onReuse: (reusePath: string, column: Column) => void
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

/** Where a card would be after a move from `from` to `to` in the flat list ("Senior Leaders, position 2 of 3"). */
export function placeOfMove(columns: Column[], from: number, to: number): string | null {
  const id = flatIds(columns)[from]
  const next = moveCard(columns, from, to)
  const at = next && whereIs(next, id.replace(/^item:/, ''))
  return at ? `${at.column.name}, position ${at.index + 1} of ${at.column.items.length}` : null
}

/** Every section with its cards, in one sortable list: a card moves within its section or into another. */
export function Board({
  columns,
  issue,
  people,
  actions,
}: {
  columns: Column[]
  issue: string
  people: Person[]
  actions: BoardActions
}) {
  const labels = new Map(columns.flatMap((c) => c.items.map((i) => [`item:${i.id}`, `“${i.label}”`])))
  const nameOf = (id: string) =>
    isHeader(id) ? `the heading of ${columns.find((c) => `section:${c.section}` === id)?.name}` : (labels.get(id) ?? id)
  return (
    <Sortable
      ids={flatIds(columns)}
      nameOf={nameOf}
      placeOf={(from, to) => placeOfMove(columns, from, to)}
      onMove={actions.onMove}
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
                people={people}
                onOpen={actions.onOpen}
                onSaveLine={actions.onSaveLine}
                onSaveWorkflow={actions.onSaveWorkflow}
              />
            ))}
            <SectionTools column={column} issue={issue} onAdd={actions.onAdd} onReuse={actions.onReuse} />
          </React.Fragment>
        ))}
      </ul>
    </Sortable>
  )
}
