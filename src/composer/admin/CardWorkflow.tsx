'use client'
import { useAuth } from '@payloadcms/ui'
import React, { useState } from 'react'

import { idFromKey } from '../../lib/relations'
import { ITEM_STATUSES, statusChoices } from '../../workflow/status'
import type { Card } from './model'

export type Person = { id: string; name: string }

const roleOf = (user: unknown) => (user as { role?: string } | null)?.role

/**
 * A card's assignee and status as controls, saved at once (the item's REST with If-Match, so that a
 * change made elsewhere meanwhile is refused, not overwritten). Only the statuses the workflow allows
 * this user are offered; an answer's error is shown on the card.
 */
export function CardWorkflow({
  card,
  people,
  onSave,
}: {
  card: Card
  people: Person[]
  onSave: (card: Card, data: Record<string, unknown>) => Promise<void>
}) {
  const { user } = useAuth()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const editor = ['admin', 'editor'].includes(roleOf(user) ?? '')
  const me = user ? String(user.id) : null
  const own = me !== null && (card.assigneeId === me || card.createdBy === me)
  const choices = statusChoices(card.status ?? 'unassigned', { editor, own })
  const save = async (data: Record<string, unknown>) => {
    setBusy(true)
    setError('')
    try {
      await onSave(card, data)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const known = card.assigneeId === null || people.some((p) => p.id === card.assigneeId)
  return (
    <div className="composer-workflow">
      <label>
        <span className="composer-muted">Assignee </span>
        <select
          aria-label={`Assignee of ${card.label}`}
          value={card.assigneeId ?? ''}
          disabled={busy || !editor}
          onChange={(e) => void save({ assignee: e.target.value ? idFromKey(e.target.value) : null })}
        >
          <option value="">Nobody</option>
          {known ? null : <option value={card.assigneeId ?? ''}>{card.assignee}</option>}
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="composer-muted">Status </span>
        <select
          aria-label={`Status of ${card.label}`}
          value={card.status ?? 'unassigned'}
          disabled={busy || choices.length < 2}
          onChange={(e) => void save({ status: e.target.value })}
        >
          {ITEM_STATUSES.filter((s) => choices.includes(s.value)).map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="composer-card__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
