'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { apiErrorMessage } from '../../admin/apiError'

type Problem = { code: string; severity: 'block' | 'warn'; message: string; item?: number | string }

const badge = (severity: Problem['severity']): React.CSSProperties => ({
  display: 'inline-block',
  minWidth: 44,
  marginRight: 6,
  padding: '0 4px',
  borderRadius: 3,
  fontSize: 11,
  textAlign: 'center',
  color: '#fff',
  background: severity === 'block' ? '#b42318' : '#9a6700',
})

/**
 * The preflight of one issue: its problems (severity, message, a link to the item), run again on
 * demand or after each save. Exported for the composer; `PreflightField` places it in the issue's sidebar.
 */
export function PreflightPanel({ issueId, refreshKey }: { issueId: number | string; refreshKey?: unknown }) {
  const [problems, setProblems] = useState<Problem[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [checkLinks, setCheckLinks] = useState(false)

  const run = useCallback(async () => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`/api/issues/${issueId}/preflight${checkLinks ? '?checkLinks=1' : ''}`, {
        credentials: 'include',
      })
      const body: unknown = await res.json().catch(() => null)
      if (!res.ok) throw new Error(apiErrorMessage(body, `Preflight failed (${res.status}).`))
      setProblems((body as { problems: Problem[] }).problems)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }, [issueId, checkLinks])

  // Runs again after each save (refreshKey) and when link checking is switched on or off.
  useEffect(() => {
    void run()
  }, [run, refreshKey])

  const blocks = problems?.filter((p) => p.severity === 'block').length ?? 0
  return (
    <section className="briefing-preflight" data-testid="preflight-panel" aria-busy={busy}>
      <h4 style={{ margin: '8px 0' }}>Preflight</h4>
      <p role="status" style={{ margin: '4px 0' }}>
        {error
          ? error
          : problems === null
            ? 'Checking…'
            : problems.length === 0
              ? 'No problems found.'
              : `${problems.length} problem(s), ${blocks} blocking publication.`}
      </p>
      {problems?.length ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.item ?? ''}-${i}`} data-severity={p.severity} style={{ margin: '4px 0' }}>
              <span style={badge(p.severity)}>{p.severity === 'block' ? 'Block' : 'Warn'}</span>
              {p.item !== undefined ? <a href={`/admin/collections/items/${p.item}`}>{p.message}</a> : p.message}
            </li>
          ))}
        </ul>
      ) : null}
      <label style={{ display: 'block', margin: '4px 0' }}>
        <input type="checkbox" checked={checkLinks} onChange={(e) => setCheckLinks(e.target.checked)} /> Also check that
        links answer
      </label>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={() => void run()}
      >
        {busy ? 'Checking…' : 'Run preflight'}
      </button>
    </section>
  )
}

/** The issue edit view's sidebar field: the preflight of the saved issue. */
export function PreflightField() {
  const { id, lastUpdateTime } = useDocumentInfo()
  if (!id) return null
  return <PreflightPanel issueId={id} refreshKey={lastUpdateTime} />
}
