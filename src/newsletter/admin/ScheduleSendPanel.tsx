'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { apiErrorMessage, type ApiErrors } from '../../admin/apiError'
import type { ScheduleView } from '../schedule'

type Target = { newsletter: string; segment: string | null; label: string }
type Schedules = { docs: ScheduleView[]; targets: Target[]; issue: { status: string } }

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: 12,
  marginBottom: 16,
}

/** The browser's time zone ("Asia/Shanghai"): times are entered and shown in it, stored in UTC. */
const zoneName = () => Intl.DateTimeFormat().resolvedOptions().timeZone
const localTime = (iso: string) =>
  // timeZoneName cannot be combined with dateStyle/timeStyle (a RangeError): the parts one by one.
  new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso))
const targetOf = (s: ScheduleView) => `${s.newsletter?.name ?? '?'}${s.segment ? `: ${s.segment.name}` : ''}`

/** Pending schedules (with Cancel) and the last failed ones (with the reason). */
function ScheduleList({ docs, onCancel }: { docs: ScheduleView[]; onCancel: (s: ScheduleView) => void }) {
  const pending = docs.filter((s) => s.status === 'pending' || s.status === 'running')
  const failed = docs.filter((s) => s.status === 'failed').slice(0, 3)
  return (
    <>
      {pending.map((s) => (
        <p key={s.id} data-testid="schedule-pending">
          {s.action === 'publish-and-send' ? 'Publish and send' : 'Send'} at <strong>{localTime(s.at)}</strong> to{' '}
          {targetOf(s)}
          {s.scheduledBy ? `, scheduled by ${s.scheduledBy.name || s.scheduledBy.email}` : ''}
          {s.status === 'running' && !s.interrupted ? ' (running)' : ' '}
          {s.status === 'running' && s.interrupted
            ? ' (interrupted: the worker running it stopped; the next worker resumes it, nobody is sent twice)'
            : ''}
          {s.status === 'pending' ? (
            <button type="button" onClick={() => onCancel(s)}>
              Cancel
            </button>
          ) : null}
        </p>
      ))}
      {failed.map((s) => (
        <p key={s.id} data-testid="schedule-failed">
          Not sent ({localTime(s.at)}, {targetOf(s)}): {s.failure}
        </p>
      ))}
    </>
  )
}

/** "Send at" (published issue) or "Publish and send at" (draft): time, audience, override reason. */
function ScheduleForm({
  published,
  targets,
  onSchedule,
}: {
  published: boolean
  targets: Target[]
  onSchedule: (body: Record<string, unknown>) => Promise<boolean>
}) {
  const [at, setAt] = useState('')
  const [target, setTarget] = useState('')
  const [override, setOverride] = useState('')
  // '' is the issue's own newsletter (its publication's, else the first), as for an immediate send.
  const [newsletter, segment] = target ? target.split('/') : []
  const schedule = async () => {
    const ok = await onSchedule({
      // datetime-local is the browser's local time: the Date carries its zone into UTC.
      at: new Date(at).toISOString(),
      action: published ? 'send' : 'publish-and-send',
      newsletter: newsletter || undefined,
      segment: segment || undefined,
      override: override || undefined,
    })
    if (ok) setAt('')
  }
  return (
    <>
      <p>
        <label>
          {published ? 'Send at' : 'Publish and send at'}{' '}
          <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} aria-label="Scheduled time" />
        </label>
      </p>
      <p>
        <label>
          To{' '}
          <select aria-label="Scheduled send to" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">The issue’s newsletter</option>
            {targets.map((t) => (
              <option key={`${t.newsletter}/${t.segment ?? ''}`} value={`${t.newsletter}/${t.segment ?? ''}`}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <input
          type="text"
          placeholder="Override reason (optional)"
          aria-label="Preflight override reason"
          value={override}
          onChange={(e) => setOverride(e.target.value)}
        />
      </p>
      <button type="button" onClick={() => void schedule()} disabled={!at}>
        Schedule
      </button>
    </>
  )
}

/**
 * Scheduled sends of one issue (issue sidebar and the Composer): the pending ones with their time in
 * the editor's zone, target and who scheduled them, each with Cancel; failed ones with their reason;
 * and a form for "send at" (published issue) or "publish and send at" (draft).
 */
export function ScheduleSendPanel({ issueId }: { issueId: string | number }) {
  const [data, setData] = useState<Schedules | null>(null)
  const [message, setMessage] = useState('')
  const api = `/api/issues/${issueId}/schedule-send`

  const load = useCallback(async () => {
    const res = await fetch(api, { credentials: 'include', cache: 'no-store' })
    if (res.ok) setData((await res.json()) as Schedules)
  }, [api])
  useEffect(() => void load(), [load])

  if (!data) return null
  const call = async (method: 'POST' | 'DELETE', body: Record<string, unknown>, done: string) => {
    setMessage('…')
    const res = await fetch(api, {
      method,
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await res.json().catch(() => ({}))) as ApiErrors
    setMessage(res.ok ? done : apiErrorMessage(answer, `Error ${res.status}`))
    void load()
    return res.ok
  }
  return (
    <div style={box} data-testid="schedule-send">
      <h4 style={{ marginTop: 0 }}>Scheduled sends</h4>
      <p>
        Times in your time zone: <strong data-testid="schedule-zone">{zoneName()}</strong>
      </p>
      <ScheduleList
        docs={data.docs}
        onCancel={(s) =>
          void call('DELETE', { newsletter: s.newsletter?.slug, segment: s.segment?.slug }, 'Cancelled.')
        }
      />
      <ScheduleForm
        published={data.issue.status === 'published'}
        targets={data.targets}
        onSchedule={(body) => call('POST', body, 'Scheduled.')}
      />
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}

/** The issue sidebar's field: the panel for the issue being edited (nothing before its first save). */
export function ScheduleSendField() {
  const { id } = useDocumentInfo()
  return id ? <ScheduleSendPanel issueId={id} /> : null
}
