'use client'
import React, { useEffect, useState } from 'react'

import { apiErrorMessage } from '../../admin/apiError'

type Option = { id: number | string; label: string }

const json = async (url: string) => {
  const res = await fetch(url, { credentials: 'include' })
  if (!res.ok) throw new Error(`${res.status}`)
  return res.json()
}

/** The issues (drafts first; the first is chosen) and the sections an item may be reused in. */
function useReuseTargets(choose: (issue: string) => void, setMessage: (message: string) => void) {
  const [issues, setIssues] = useState<Option[]>([])
  const [sections, setSections] = useState<Option[]>([])
  useEffect(() => {
    json('/api/issues?draft=true&depth=0&limit=40&sort=-periodEnd')
      .then((r: { docs: Array<{ id: number; label?: string; _status?: string }> }) => {
        const rows = [...r.docs].sort((a, b) => Number(a._status === 'published') - Number(b._status === 'published'))
        setIssues(
          rows.map((d) => ({
            id: d.id,
            label: `${d.label ?? d.id}${d._status === 'published' ? ' (published)' : ' (draft)'}`,
          })),
        )
        if (rows[0]) choose(String(rows[0].id))
      })
      .catch(() => setMessage('Could not load issues.'))
    json('/api/sections?depth=0&limit=100&sort=position')
      .then((r: { docs: Array<{ id: number; name: string }> }) =>
        setSections(r.docs.map((d) => ({ id: d.id, label: d.name }))),
      )
      .catch(() => undefined)
  }, [choose, setMessage])
  return { issues, sections }
}

/** "Reuse in issue…": choose an issue (drafts first) and optionally a section, then create the copy and open it. */
export function ReuseForm({ itemId, onDone }: { itemId: number | string; onDone?: () => void }) {
  const [issue, setIssue] = useState('')
  const [section, setSection] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const { issues, sections } = useReuseTargets(setIssue, setMessage)

  const submit = async () => {
    setBusy(true)
    setMessage('')
    const res = await fetch(`/api/items/${itemId}/reuse`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ issue, ...(section ? { section } : {}) }),
    })
    const body = await res.json().catch(() => ({}))
    setBusy(false)
    if (!res.ok) {
      setMessage(apiErrorMessage(body, `Reuse failed (${res.status}).`))
      return
    }
    onDone?.()
    window.location.href = `/admin/collections/items/${body.doc.id}`
  }

  return (
    <div className="briefing-reuse-form" style={{ display: 'grid', gap: 6, margin: '6px 0' }}>
      <label>
        Issue{' '}
        <select value={issue} onChange={(e) => setIssue(e.target.value)} aria-label="Issue to reuse in">
          {issues.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Section{' '}
        <select value={section} onChange={(e) => setSection(e.target.value)} aria-label="Section">
          <option value="">Same as the original</option>
          {sections.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        disabled={busy || !issue}
        onClick={submit}
      >
        {busy ? 'Reusing…' : 'Create draft copy'}
      </button>
      {message ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      ) : null}
    </div>
  )
}
