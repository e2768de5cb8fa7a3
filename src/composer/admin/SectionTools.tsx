'use client'
import React, { useState } from 'react'

import { type ReuseCandidate, searchReusable } from './api'
import type { Column } from './model'

const KIND_LABEL: Record<ReuseCandidate['kind'], string> = {
  item: 'Item',
  translation: 'Translation',
  entry: 'Special issue entry',
}

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
  onReuse: (reusePath: string, column: Column) => void
}) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<ReuseCandidate[] | null>(null)
  const search = async (e: React.FormEvent) => {
    e.preventDefault()
    if (query.trim()) setFound((await searchReusable(query.trim(), issue)).docs)
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
          placeholder="Reuse past item or translation…"
          aria-label={`Reuse past item in ${column.name}: search`}
        />
        <button type="submit" className="btn btn--style-secondary btn--size-small">
          Search
        </button>
      </form>
      {found ? (
        <ul className="composer-reuse__results" aria-label={`Past items for ${column.name}`}>
          {found.length ? null : <li>Nothing published matches.</li>}
          {found.map((doc) => (
            <li key={doc.reuse}>
              <span>
                <span className="composer-muted">{KIND_LABEL[doc.kind]}:</span> {doc.title}
              </span>{' '}
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                onClick={() => {
                  onReuse(doc.reuse, column)
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
