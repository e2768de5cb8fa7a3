'use client'
import { useDocumentInfo, useField } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Suggestion = { id: string; english: string; original: string; pinyin: string; kind: string; matched: string }

const asId = (v: string) => (/^\d+$/.test(v) ? Number(v) : v)

/** Sidebar: glossary terms mentioned in the saved item but not linked, with one click to link them all. */
export function TermSuggestions() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const { value, setValue } = useField<Array<number | string>>({ path: 'terms' })
  const [docs, setDocs] = useState<Suggestion[]>([])

  useEffect(() => {
    if (!id) return
    fetch(`/api/items/${id}/term-suggestions`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((r: { docs: Suggestion[] }) => setDocs(r.docs))
      .catch(() => setDocs([]))
  }, [id, lastUpdateTime])

  const linked = new Set((value ?? []).map((v) => String(typeof v === 'object' && v ? (v as { id: unknown }).id : v)))
  const open = docs.filter((d) => !linked.has(d.id))
  if (!id || !open.length) return null
  return (
    <div className="field-type briefing-term-suggestions" data-testid="term-suggestions">
      <h4 style={{ margin: '8px 0' }}>Glossary terms found</h4>
      <ul style={{ paddingLeft: 16, margin: 0 }}>
        {open.map((d) => (
          <li key={d.id} title={`${d.original} · ${d.pinyin}`}>
            {d.english} <span lang="zh-Hans">{d.original}</span>
            {d.matched !== d.english && d.matched !== d.original ? <small> (as “{d.matched}”)</small> : null}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={() => setValue([...(value ?? []), ...open.map((d) => asId(d.id))])}
      >
        Link all {open.length}
      </button>
    </div>
  )
}
