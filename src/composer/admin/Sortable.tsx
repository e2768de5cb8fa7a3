'use client'
import {
  closestCenter,
  DndContext,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import React, { useId } from 'react'

import { RowKeyboardSensor } from './rowKeyboard'

export type SortableProps = {
  /** The sortable ids in their order (Payload's `DraggableSortableItem`s inside use them). */
  ids: string[]
  /** What a screen reader calls the row with this id ("Alpha", "Section Senior Leaders"). */
  nameOf: (id: string) => string
  /** Where a move from index `from` to index `to` would put the row ("Senior Leaders, position 2 of 3"); null: nowhere. */
  placeOf: (from: number, to: number) => string | null
  onMove: (from: number, to: number) => void
  children: React.ReactNode
}

const INSTRUCTIONS =
  'To move it, press Space or Enter on its handle, then the Up and Down arrow keys; ' +
  'Space or Enter drops it, Escape puts it back. Every move is saved at once.'

/**
 * A vertical sortable list for the composer: pointer (after 5 px) and keyboard (Space, arrows, Space),
 * with announcements that name the row and where it goes. Payload's `DraggableSortable` wraps the list
 * in a droppable of its own (a drop near the middle of a long list lands on the list, i.e. nowhere) and
 * announces raw ids; this context has neither problem. Rows are Payload's `DraggableSortableItem`s.
 */
export function Sortable({ ids, nameOf, placeOf, onMove, children }: SortableProps) {
  const id = useId()
  const index = (key: UniqueIdentifier | undefined) => (key === undefined ? -1 : ids.indexOf(String(key)))
  // Arrow keys step through the rows in list order. dnd-kit's `sortableKeyboardCoordinates` goes by
  // geometry (the nearest row above or below, aligned by its bottom edge); with tall cards and short section
  // headings it never reached the next section's heading (the card stayed "where it was"). Here the step
  // goes to the next row where the moved one can go, and the dragged rect is centred on it, so that
  // `closestCenter` picks exactly that row.
  const byOrder: KeyboardCoordinateGetter = (event, { context: { active, over, droppableRects, collisionRect } }) => {
    const step = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0
    if (!step) return undefined
    event.preventDefault()
    if (!active || !collisionRect) return undefined
    const from = index(active.id)
    let to = index(over?.id ?? active.id) + step
    while (to >= 0 && to < ids.length && to !== from && placeOf(from, to) === null) to += step
    const rect = to >= 0 && to < ids.length ? droppableRects.get(ids[to]) : undefined
    if (!rect) return undefined
    return {
      x: rect.left + rect.width / 2 - collisionRect.width / 2,
      y: rect.top + rect.height / 2 - collisionRect.height / 2,
    }
  }
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(RowKeyboardSensor, { coordinateGetter: byOrder }),
  )
  const place = (active: UniqueIdentifier, over: UniqueIdentifier | undefined) =>
    index(over) < 0 ? null : index(over) === index(active) ? 'where it was' : placeOf(index(active), index(over))
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(String(active.id))}.`,
    onDragOver: ({ active, over }) =>
      `${nameOf(String(active.id))}: ${place(active.id, over?.id) ?? 'not over a place it can go'}.`,
    onDragEnd: ({ active, over }) =>
      `Dropped ${nameOf(String(active.id))}: ${place(active.id, over?.id) ?? 'it stays where it was'}.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(String(active.id))} was cancelled; it stays where it was.`,
  }
  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      onDragEnd={({ active, over }) => {
        const from = index(active.id)
        const to = index(over?.id)
        if (from >= 0 && to >= 0 && from !== to) onMove(from, to)
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  )
}
