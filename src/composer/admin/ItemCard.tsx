'use client'
import { DraggableSortableItem } from '@payloadcms/ui'
import React, { useState } from 'react'

import { idFromKey } from '../../lib/relations'
import { ReviewThread } from '../../workflow/admin/ReviewThread'
import { CardWorkflow, type Person } from './CardWorkflow'
import type { Card } from './model'

const BADGE: Record<string, string> = {
  headline: 'No headline',
  body: 'No body',
  text: 'No text',
  date: 'No date',
  source: 'No source',
}

/** A brief's one line, edited in place: Enter or leaving the field saves it. */
function BriefLine({ card, onSave }: { card: Card; onSave: (line: string) => void }) {
  const [value, setValue] = useState(card.line)
  const save = () => {
    if (value.trim() !== card.line) onSave(value.trim())
  }
  return (
    <input
      className="composer-brief-line"
      aria-label={`Text of the brief ${card.label}`}
      value={value}
      placeholder="The one line of this brief"
      onChange={(e) => setValue(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          save()
        }
      }}
    />
  )
}

/** The item's review comments, loaded when the editor opens them. */
function CardComments({ card }: { card: Card }) {
  const [open, setOpen] = useState(false)
  return (
    <div className="composer-comments">
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide comments' : 'Comments'}
      </button>
      {/* The item's id as the API has it (a number on SQLite/PostgreSQL): "11" is refused as "invalid: Item". */}
      {open ? <ReviewThread itemId={idFromKey(card.id)} /> : null}
    </div>
  )
}

/** One item as a card: drag handle, what it is, completeness badges, and its actions. */
export function ItemCard({
  card,
  position,
  total,
  sectionName,
  people,
  onOpen,
  onSaveLine,
  onSaveWorkflow,
}: {
  card: Card
  position: number
  total: number
  sectionName: string
  people: Person[]
  onOpen: (id: string) => void
  onSaveLine: (id: string, line: string) => void
  onSaveWorkflow: (card: Card, data: Record<string, unknown>) => Promise<void>
}) {
  return (
    <DraggableSortableItem id={`item:${card.id}`}>
      {({ attributes, listeners, setNodeRef, transform, transition, isDragging }) => (
        <li
          ref={setNodeRef}
          className={`composer-card${isDragging ? ' composer-card--dragging' : ''}`}
          style={{ transform, transition }}
          data-item={card.id}
          aria-label={card.label}
        >
          <button
            type="button"
            className="composer-handle"
            {...attributes}
            {...listeners}
            aria-label={`Move ${card.label} (${position} of ${total} in ${sectionName})`}
          >
            ⠿
          </button>
          <div className="composer-card__body">
            {card.style === 'brief' ? (
              // Keyed by its text: a reload that brings a text changed elsewhere replaces what the field shows.
              <BriefLine key={card.line} card={card} onSave={(line) => onSaveLine(card.id, line)} />
            ) : (
              <strong className="composer-card__title">{card.label}</strong>
            )}
            <div className="composer-muted">{[card.date, card.sources.join(', ')].filter(Boolean).join(' · ')}</div>
            <CardWorkflow card={card} people={people} onSave={onSaveWorkflow} />
            <div className="composer-badges">
              {card.missing.map((m) => (
                <span key={m} className="composer-badge">
                  {BADGE[m] ?? m}
                </span>
              ))}
            </div>
            <CardComments card={card} />
          </div>
          <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => onOpen(card.id)}>
            Open
          </button>
        </li>
      )}
    </DraggableSortableItem>
  )
}
