'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

import { apiErrorMessage, type ApiErrors } from '../../admin/apiError'
import { escapeHtml } from '../../lib/html'
import { CampaignProgress } from './CampaignProgress'
import { EmailPreviewDialog, type PreviewMode } from './EmailPreviewDialog'
import { targetKey, useNewsletterStatus, type NewsletterStatus, type Target } from './useNewsletterStatus'

const kb = (n?: number) => (n === undefined ? '?' : `${(n / 1024).toFixed(1)} KB`)
const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: 12,
  marginBottom: 16,
}

function SizeLine({ size }: { size: NewsletterStatus['size'] }) {
  if (size.error) return <p>Email: {size.error}</p>
  const over = (size.fullHtmlBytes ?? 0) > (size.budget ?? Infinity)
  return (
    <p data-testid="newsletter-size">
      Email size: <strong>{kb(size.htmlBytes)}</strong> HTML ({size.format}
      {size.reason === 'auto-size' ? `: the full issue is ${kb(size.fullHtmlBytes)}, over Gmail's limit` : ''}),{' '}
      {kb(size.textBytes)} text.
      {over ? ' Sent as a digest.' : ''}
    </p>
  )
}

/** The audience choice: shows the editor's choice at once, while its count is still being read. */
function TargetChoice({
  targets,
  value,
  onChange,
}: {
  targets: NewsletterStatus['targets']
  value: Target
  onChange: (t: Target) => void
}) {
  if (targets.length < 2) return null
  return (
    <p>
      <label>
        Send to{' '}
        <select
          data-testid="newsletter-target"
          value={targetKey(value)}
          onChange={(e) => {
            const [newsletter, segment] = e.target.value.split('/')
            onChange({ newsletter: newsletter || null, segment: segment || null })
          }}
        >
          {targets.map((t) => (
            <option key={targetKey(t)} value={targetKey(t)}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
    </p>
  )
}

/** POST to an endpoint of the panel; the outcome as a line for the editor. */
async function postAction(path: string, body: unknown): Promise<string> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const data = (await res.json().catch(() => ({}))) as ApiErrors & { to?: string; reopened?: number }
  if (!res.ok) return apiErrorMessage(data, `Error ${res.status}`)
  if (data.to) return `Test sent to ${data.to}.`
  return data.reopened !== undefined ? `Retrying ${data.reopened} recipient(s).` : 'Done.'
}

/**
 * Issue (and translation) sidebar: email size, preview (desktop/mobile/text), send test, the audience
 * (newsletter or segment) with its exact count, send with confirmation, progress and the send's report.
 * `kind: 'translations'` uses the translation's endpoints.
 */
export function IssueNewsletterPanel({ kind = 'issues' }: { kind?: 'issues' | 'translations' }) {
  const { id } = useDocumentInfo()
  const noun = kind === 'translations' ? 'translation' : 'issue'
  const api = `/api/newsletter/${kind}/${id}`
  const { status, error, target, setTarget, current, reload } = useNewsletterStatus(api, id)
  const [message, setMessage] = useState('')
  const [testTo, setTestTo] = useState('')
  const [preview, setPreview] = useState<null | { mode: PreviewMode; html: string }>(null)

  if (!id) return <div style={box}>Save the {noun} to preview its newsletter.</div>
  if (!status) return <div style={box}>{error ? `Newsletter: ${error}` : 'Newsletter: loading…'}</div>

  const post = async (path: string, body: unknown) => {
    setMessage('…')
    setMessage(await postAction(path, body))
    void reload()
  }
  const send = () => {
    const label = status.targets.find((t) => targetKey(t) === targetKey(status.target))?.label
    if (window.confirm(`Send this ${noun} to ${status.audience} recipient(s) of ${label ?? 'the newsletter'} now?`))
      void post(`${api}/send`, { confirmRecipients: status.audience, ...status.target })
  }
  const openPreview = async (mode: PreviewMode) => {
    setPreview({ mode, html: '' })
    const res = await fetch(`${api}/preview?format=${mode === 'text' ? 'text' : 'html'}`, { credentials: 'include' })
    const body = await res.text()
    const html =
      mode === 'text'
        ? `<pre style="white-space:pre-wrap;font:14px/1.5 monospace;margin:16px">${escapeHtml(body)}</pre>`
        : body
    setPreview({ mode, html })
  }

  const c = current ? status.campaign : null
  const published = (status.issue ?? status.translation)?.status === 'published'
  return (
    <div style={box} className="newsletter-panel">
      <h4 style={{ marginTop: 0 }}>Newsletter</h4>
      <SizeLine size={status.size} />
      <p>
        Preview:{' '}
        {(['desktop', 'mobile', 'text'] as const).map((mode) => (
          <React.Fragment key={mode}>
            <button type="button" onClick={() => void openPreview(mode)}>
              {mode[0].toUpperCase() + mode.slice(1)}
            </button>{' '}
          </React.Fragment>
        ))}
      </p>
      <TargetChoice targets={status.targets} value={target ?? status.target} onChange={setTarget} />
      {error ? <p role="alert">{error}</p> : null}
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
          {!current ? <p data-testid="newsletter-counting">Counting the recipients…</p> : null}
          {current && !c && published ? (
            <button type="button" onClick={send} data-testid="newsletter-send">
              Send to {status.audience} recipients…
            </button>
          ) : null}
          {current && !c && !published ? <p>Publish the {noun} to send it.</p> : null}
        </>
      ) : (
        <p>Only editors and admins can send.</p>
      )}
      {c ? <CampaignProgress campaign={c} canSend={status.canSend} post={post} /> : null}
      {message ? <p role="status">{message}</p> : null}
      {preview ? <EmailPreviewDialog mode={preview.mode} html={preview.html} onClose={() => setPreview(null)} /> : null}
    </div>
  )
}
