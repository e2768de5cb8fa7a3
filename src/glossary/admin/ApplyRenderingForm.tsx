'use client'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { apiErrorMessage } from '../../admin/apiError'
import type { Inconsistency } from '../consistency'

/**
 * Choose the preferred rendering and the items to change; saves each as a new draft. Translations and
 * special-issue entries are listed with a link to edit them by hand.
 */
export function ApplyRenderingForm({ inconsistency }: { inconsistency: Inconsistency }) {
  const router = useRouter()
  const [preferred, setPreferred] = useState(inconsistency.preferred)
  const others = inconsistency.renderings.filter((r) => r.english.toLowerCase() !== preferred.toLowerCase())
  const [chosen, setChosen] = useState<Set<string>>(
    new Set(others.flatMap((r) => r.items.filter((i) => i.collection === 'items').map((i) => String(i.id)))),
  )
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const toggle = (id: string) => {
    const next = new Set(chosen)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setChosen(next)
  }
  const apply = async () => {
    setBusy(true)
    const res = await fetch('/api/glossary-terms/consistency/apply', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ original: inconsistency.original, preferred, items: [...chosen] }),
    })
    const body = await res.json().catch(() => ({}))
    setBusy(false)
    setMessage(res.ok ? body.message : apiErrorMessage(body, `Failed (${res.status})`))
    if (res.ok) router.refresh()
  }
  return (
    <div>
      {inconsistency.renderings.map((r) => (
        <RenderingChoice
          key={r.english}
          rendering={r}
          original={inconsistency.original}
          preferred={preferred}
          chosen={chosen}
          onPrefer={setPreferred}
          onToggle={toggle}
        />
      ))}
      <label>
        Preferred rendering{' '}
        <input value={preferred} onChange={(e) => setPreferred(e.target.value)} aria-label="Preferred rendering" />
      </label>{' '}
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        disabled={busy || chosen.size === 0}
        onClick={apply}
      >
        Apply to {chosen.size} item{chosen.size === 1 ? '' : 's'} as new drafts
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}

type Rendering = Inconsistency['renderings'][number]

/** One rendering: a radio to prefer it, then its items (ticked to change) and what is edited by hand. */
function RenderingChoice(props: {
  rendering: Rendering
  original: string
  preferred: string
  chosen: Set<string>
  onPrefer: (english: string) => void
  onToggle: (id: string) => void
}) {
  const { rendering: r, preferred, chosen } = props
  return (
    <div style={{ margin: '8px 0' }}>
      <label>
        <input
          type="radio"
          name={`preferred-${props.original}`}
          checked={preferred === r.english}
          onChange={() => props.onPrefer(r.english)}
        />{' '}
        <strong>“{r.english}”</strong> in {r.items.length} item{r.items.length === 1 ? '' : 's'}
      </label>
      <ul style={{ margin: '4px 0 0 24px' }}>
        {r.items.map((i) =>
          i.collection === 'items' ? (
            <li key={`items:${i.id}`}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(String(i.id))}
                  disabled={r.english.toLowerCase() === preferred.toLowerCase()}
                  onChange={() => props.onToggle(String(i.id))}
                />{' '}
                <a href={i.url}>{i.title}</a> <small>{[i.issue, i.status].filter(Boolean).join(' · ')}</small>
              </label>
            </li>
          ) : (
            <li key={`${i.collection}:${i.id}:${i.title}`}>
              <a href={i.url}>{i.title}</a>{' '}
              <small>
                {[i.collection === 'translations' ? 'translation' : `special issue ${i.issue ?? ''}`, i.status]
                  .filter(Boolean)
                  .join(' · ')}{' '}
                (edit by hand)
              </small>
            </li>
          ),
        )}
      </ul>
    </div>
  )
}
