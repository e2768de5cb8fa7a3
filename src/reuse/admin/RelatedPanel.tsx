'use client'
import { useDocumentInfo, useField } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { ReuseForm } from './ReuseForm'

type Related = {
  id: number | string
  title: string
  date: string | null
  issue: string | null
  reasons: string[]
  linked: boolean
}

/** "Related past items": shared people, terms, sources and similar text, with one-click link or reuse. */
export function RelatedPanel() {
  const { id } = useDocumentInfo()
  const { value, setValue } = useField<Array<number | string>>({ path: 'related' })
  const [docs, setDocs] = useState<Related[] | null>(null)
  const [reusing, setReusing] = useState<number | string | null>(null)

  useEffect(() => {
    if (!id) return
    fetch(`/api/items/${id}/related?limit=8`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((r: { docs: Related[] }) => setDocs(r.docs))
      .catch(() => setDocs([]))
  }, [id])

  if (!id) return null
  const linked = new Set((value ?? []).map((v) => String(typeof v === 'object' && v ? (v as { id: unknown }).id : v)))
  return (
    <div className="field-type briefing-related" data-testid="related-panel" style={{ margin: '24px 0' }}>
      <h4>Related past items</h4>
      {docs === null ? <p>Looking for related items…</p> : null}
      {docs?.length === 0 ? <p>No related past items yet.</p> : null}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {docs?.map((d) => (
          <li
            key={String(d.id)}
            style={{ margin: '8px 0', borderTop: '1px solid var(--theme-elevation-100)', paddingTop: 6 }}
          >
            <a href={`/admin/collections/items/${d.id}`}>{d.title}</a>{' '}
            <small>
              {[d.issue, d.date?.slice(0, 10)].filter(Boolean).join(' · ')} — {d.reasons.join(', ')}
            </small>
            <div style={{ display: 'flex', gap: 8, marginTop: 4 }}>
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                disabled={linked.has(String(d.id))}
                onClick={() => setValue([...(value ?? []), d.id])}
              >
                {linked.has(String(d.id)) ? 'Linked as related' : 'Link as related'}
              </button>
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                onClick={() => setReusing(reusing === d.id ? null : d.id)}
              >
                Reuse in issue…
              </button>
            </div>
            {reusing === d.id ? <ReuseForm itemId={d.id} /> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
