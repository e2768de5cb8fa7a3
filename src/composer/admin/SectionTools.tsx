'use client'
import React, { useState } from 'react'

import { searchItems } from './api'
import type { Column, Doc } from './model'

/** The end of a section: "Add item" / "Add brief" (a draft in place) and "Reuse past item" (search, then copy). */
export function SectionTools({
  column,
  issue,
  onAdd,
  onReuse,
}: {
  column: Column
  issue: string
  onAdd: (column: Column) => void
  onReuse: (itemId: string, column: Column) => void
}) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Doc[] | null>(null)
  const search = async (e: React.FormEvent) => {
    e.preventDefault()
    if (query.trim()) setFound((await searchItems(query.trim(), issue)).docs)
  }
  return (
    <li className="composer-tools">
      <button type="button" className="btn btn--style-primary btn--size-small" onClick={() => onAdd(column)}>
        {column.style === 'brief' ? 'Add brief' : 'Add item'}
        <span className="composer-sr"> to {column.name}</span>
      </button>
      <form className="composer-reuse" role="search" onSubmit={search}>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Reuse past item…"
          aria-label={`Reuse past item in ${column.name}: search`}
        />
        <button type="submit" className="btn btn--style-secondary btn--size-small">
          Search
        </button>
      </form>
      {found ? (
        <ul className="composer-reuse__results" aria-label={`Past items for ${column.name}`}>
          {found.length ? null : <li>No past items match.</li>}
          {found.map((doc) => (
            <li key={String(doc.id)}>
              <span>{String(doc.title ?? doc.headline ?? doc.id)}</span>{' '}
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                onClick={() => {
                  onReuse(String(doc.id), column)
                  setFound(null)
                  setQuery('')
                }}
              >
                Reuse here
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}
