'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'

import { apiErrorMessage, type ApiErrors } from '../../admin/apiError'
import { escapeHtml } from '../../lib/html'
import type { LedgerSummary } from '../ledger'

type Status = {
  /** The issue's (or, from the translations endpoint, the translation's) id, slug and status. */
  issue?: { id: number | string; slug: string; status: string }
  translation?: { id: number | string; slug: string; status: string }
  audience: number
  target: Target
  targets: Array<Target & { label: string }>
  size: {
    format?: string
    reason?: string
    htmlBytes?: number
    fullHtmlBytes?: number
    textBytes?: number
    budget?: number
    error?: string
  }
  campaign: null | (LedgerSummary & { id: number | string; status: string; pausedReason: string | null })
  canSend: boolean
}

type Target = { newsletter: string | null; segment: string | null }
const targetQuery = (t: Target | null) =>
  t ? `?${new URLSearchParams({ newsletter: t.newsletter ?? '', segment: t.segment ?? '' })}` : ''

const kb = (n?: number) => (n === undefined ? '?' : `${(n / 1024).toFixed(1)} KB`)
const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: 12,
  marginBottom: 16,
}

/**
 * Issue (and translation) sidebar: email size, preview (desktop/mobile/text), send test, send with
 * confirmation, progress. `kind: 'translations'` uses the translation's endpoints.
 */
export function IssueNewsletterPanel({ kind = 'issues' }: { kind?: 'issues' | 'translations' }) {
  const { id } = useDocumentInfo()
  const noun = kind === 'translations' ? 'translation' : 'issue'
  const [status, setStatus] = useState<Status | null>(null)
  const [message, setMessage] = useState('')
  const [testTo, setTestTo] = useState('')
  const [preview, setPreview] = useState<null | 'desktop' | 'mobile' | 'text'>(null)
  const [previewDoc, setPreviewDoc] = useState('')
  const [target, setTarget] = useState<Target | null>(null)
  const api = `/api/newsletter/${kind}/${id}`

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`${api}/status${targetQuery(target)}`, { credentials: 'include' })
    if (res.ok) setStatus((await res.json()) as Status)
  }, [api, id, target])

  useEffect(() => {
    void load()
    const sending = status?.campaign?.status === 'sending' || status?.campaign?.status === 'preparing'
    const timer = sending ? setInterval(() => void load(), 2000) : undefined
    return () => clearInterval(timer)
  }, [load, status?.campaign?.status])

  if (!id) return <div style={box}>Save the {noun} to preview its newsletter.</div>
  if (!status) return <div style={box}>Newsletter: loading…</div>

  const post = async (path: string, body: unknown) => {
    setMessage('…')
    const res = await fetch(path, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const data = (await res.json().catch(() => ({}))) as ApiErrors & { to?: string; reopened?: number }
    setMessage(
      res.ok
        ? data.to
          ? `Test sent to ${data.to}.`
          : data.reopened !== undefined
            ? `Retrying ${data.reopened} recipient(s).`
            : 'Done.'
        : apiErrorMessage(data, `Error ${res.status}`),
    )
    void load()
  }

  const send = () => {
    const label = status.targets.find(
      (t) => t.newsletter === status.target.newsletter && t.segment === status.target.segment,
    )?.label
    if (window.confirm(`Send this ${noun} to ${status.audience} recipient(s) of ${label ?? 'the newsletter'} now?`))
      void post(`${api}/send`, { confirmRecipients: status.audience, ...status.target })
  }

  const openPreview = async (mode: 'desktop' | 'mobile' | 'text') => {
    setPreview(mode)
    setPreviewDoc('')
    const res = await fetch(`${api}/preview?format=${mode === 'text' ? 'text' : 'html'}`, { credentials: 'include' })
    const body = await res.text()
    const escaped = escapeHtml(body)
    setPreviewDoc(
      mode === 'text' ? `<pre style="white-space:pre-wrap;font:14px/1.5 monospace;margin:16px">${escaped}</pre>` : body,
    )
  }

  const c = status.campaign
  const published = (status.issue ?? status.translation)?.status === 'published'
  const over = (status.size.fullHtmlBytes ?? 0) > (status.size.budget ?? Infinity)
  return (
    <div style={box} className="newsletter-panel">
      <h4 style={{ marginTop: 0 }}>Newsletter</h4>
      {status.size.error ? (
        <p>Email: {status.size.error}</p>
      ) : (
        <p data-testid="newsletter-size">
          Email size: <strong>{kb(status.size.htmlBytes)}</strong> HTML ({status.size.format}
          {status.size.reason === 'auto-size'
            ? `: the full issue is ${kb(status.size.fullHtmlBytes)}, over Gmail's limit`
            : ''}
          ), {kb(status.size.textBytes)} text.
          {over ? ' Sent as a digest.' : ''}
        </p>
      )}
      <p>
        Preview:{' '}
        <button type="button" onClick={() => void openPreview('desktop')}>
          Desktop
        </button>{' '}
        <button type="button" onClick={() => void openPreview('mobile')}>
          Mobile
        </button>{' '}
        <button type="button" onClick={() => void openPreview('text')}>
          Text
        </button>
      </p>
      {status.targets.length > 1 ? (
        <p>
          <label>
            Send to{' '}
            <select
              data-testid="newsletter-target"
              value={`${status.target.newsletter ?? ''}/${status.target.segment ?? ''}`}
              onChange={(e) => {
                const [newsletter, segment] = e.target.value.split('/')
                setTarget({ newsletter: newsletter || null, segment: segment || null })
              }}
            >
              {status.targets.map((t) => (
                <option key={`${t.newsletter}/${t.segment ?? ''}`} value={`${t.newsletter}/${t.segment ?? ''}`}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        </p>
      ) : null}
      {status.canSend ? (
        <>
          <p>
            <input
              type="email"
              placeholder="test@example.com"
              value={testTo}
              onChange={(e) => setTestTo(e.target.value)}
              aria-label="Test address"
            />{' '}
            <button type="button" onClick={() => void post(`${api}/test`, { email: testTo })}>
              Send test
            </button>
          </p>
          {!c && published ? (
            <button type="button" onClick={send} data-testid="newsletter-send">
              Send to {status.audience} recipients…
            </button>
          ) : null}
          {!c && !published ? <p>Publish the {noun} to send it.</p> : null}
        </>
      ) : (
        <p>Only editors and admins can send.</p>
      )}
      {c ? (
        <div data-testid="newsletter-campaign">
          <p>
            Campaign <strong>{c.status}</strong>
            {c.pausedReason ? ` (${c.pausedReason})` : ''}: sent {c.sent} of {c.total}, failed {c.failed}, skipped{' '}
            {c.skipped}, remaining {c.pending + c.sending}.
          </p>
          <progress max={Math.max(1, c.total)} value={c.sent + c.failed + c.skipped} style={{ width: '100%' }} />
          <p>
            <a href={`/admin/collections/campaigns/${c.id}`} data-testid="newsletter-report">
              Report of this send
            </a>{' '}
            (delivered, bounces, opens, clicks per link, 72-hour chart, CSV)
          </p>
          {status.canSend ? (
            <p>
              {c.status === 'sending' ? (
                <button type="button" onClick={() => void post(`/api/newsletter/campaigns/${c.id}/pause`, {})}>
                  Pause
                </button>
              ) : null}
              {c.status === 'paused' ? (
                <button type="button" onClick={() => void post(`/api/newsletter/campaigns/${c.id}/resume`, {})}>
                  Resume
                </button>
              ) : null}{' '}
              {c.failed > 0 ? (
                <button type="button" onClick={() => void post(`/api/newsletter/campaigns/${c.id}/retry-failed`, {})}>
                  Retry failed
                </button>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      {preview && typeof document !== 'undefined'
        ? createPortal(
            <div
              role="dialog"
              aria-label="Email preview"
              style={{
                position: 'fixed',
                inset: 0,
                background: 'rgba(0,0,0,.6)',
                zIndex: 100000,
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                padding: 24,
              }}
            >
              <p style={{ color: '#fff' }}>
                {preview} preview{' '}
                <button type="button" onClick={() => setPreview(null)}>
                  Close
                </button>
              </p>
              <iframe
                title="Email preview"
                sandbox=""
                srcDoc={previewDoc}
                style={{ width: preview === 'mobile' ? 375 : 680, flex: 1, background: '#fff', border: 0 }}
              />
            </div>,
            document.body,
          )
        : null}
    </div>
  )
}
