'use client'
import React, { useEffect, useState } from 'react'

import { apiErrorMessage, type ApiErrors } from '../../admin/apiError'

type Stats = { counts: Record<string, number>; timeline: Array<{ day: string; active: number; total: number }> }
type Report = {
  imported: number
  skipped: Array<{ line: number; email: string; reason: string }>
  invalid: Array<{ line: number; value: string; reason: string }>
}

const STATUSES = ['pending', 'active', 'unsubscribed', 'bounced', 'complained']

/** Subscribers over time as an inline SVG line chart (active and all listed). */
function Chart({ timeline: points }: { timeline: Stats['timeline'] }) {
  if (points.length === 0) return <p>No subscribers yet.</p>
  // A single day still draws a line: start from zero the day before.
  const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10)
  const timeline = points.length === 1 ? [{ day: dayBefore(points[0].day), active: 0, total: 0 }, ...points] : points
  const W = 560
  const H = 140
  const max = Math.max(1, ...timeline.map((t) => t.total))
  const x = (i: number) => (timeline.length === 1 ? W / 2 : 30 + (i * (W - 40)) / (timeline.length - 1))
  const y = (v: number) => H - 20 - (v / max) * (H - 35)
  const line = (key: 'active' | 'total') =>
    timeline.map((t, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(t[key]).toFixed(1)}`).join(' ')
  return (
    <svg role="img" aria-label="Subscribers over time" viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }}>
      <text x="2" y="12" fontSize="10" fill="currentColor">
        {max}
      </text>
      <line x1="28" x2={W} y1={H - 20} y2={H - 20} stroke="currentColor" strokeOpacity=".3" />
      <path d={line('total')} fill="none" stroke="#8c959f" strokeWidth="1.5" />
      <path d={line('active')} fill="none" stroke="#1a7f37" strokeWidth="2" />
      {timeline.map((t, i) => (
        <circle key={t.day} cx={x(i)} cy={y(t.active)} r="2.5" fill="#1a7f37">
          <title>{`${t.day}: ${t.active} active, ${t.total} listed`}</title>
        </circle>
      ))}
      <text x="30" y={H - 5} fontSize="10" fill="currentColor">
        {timeline[0].day}
      </text>
      <text x={W - 70} y={H - 5} fontSize="10" fill="currentColor">
        {timeline[timeline.length - 1].day}
      </text>
      <text x={W - 150} y="12" fontSize="10" fill="#1a7f37">
        active
      </text>
      <text x={W - 100} y="12" fontSize="10" fill="#8c959f">
        all listed
      </text>
    </svg>
  )
}

/** Above the subscribers list: counts per status (as filters), chart, CSV import with report, CSV export. */
export function SubscribersTools() {
  const [stats, setStats] = useState<Stats | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState('')
  const [confirmed, setConfirmed] = useState(false)

  const load = async () => {
    const res = await fetch('/api/newsletter/subscribers/stats', { credentials: 'include' })
    if (res.ok) setStats((await res.json()) as Stats)
  }
  useEffect(() => {
    void load()
  }, [])

  const onFile = async (file: File | undefined) => {
    if (!file) return
    setError('')
    const res = await fetch('/api/newsletter/subscribers/import', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ csv: await file.text(), confirmed }),
    })
    const body = (await res.json()) as Report & ApiErrors
    if (!res.ok) return setError(apiErrorMessage(body, `Import failed (${res.status})`))
    setReport(body)
    void load()
  }

  return (
    <div style={{ marginTop: 24, marginBottom: 8 }} className="gutter--left gutter--right subscribers-tools">
      {stats ? (
        <p data-testid="subscriber-counts">
          <a href="/admin/collections/subscribers">All {stats.counts.total}</a>
          {STATUSES.map((s) => (
            <React.Fragment key={s}>
              {' · '}
              <a href={`/admin/collections/subscribers?where[status][equals]=${s}`}>
                {s} {stats.counts[s] ?? 0}
              </a>
            </React.Fragment>
          ))}
        </p>
      ) : null}
      {stats ? <Chart timeline={stats.timeline} /> : null}
      <p>
        <label>
          Import CSV (email,name):{' '}
          <input type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>{' '}
        <label>
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> consent already
          collected (mark active)
        </label>{' '}
        · <a href="/api/newsletter/subscribers/export">Export CSV</a>
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {report ? (
        <div role="status" data-testid="import-report">
          <p>
            Imported {report.imported}, skipped {report.skipped.length}, invalid {report.invalid.length}.
          </p>
          <ul>
            {report.skipped.map((r) => (
              <li key={`s${r.line}`}>
                Line {r.line}: skipped {r.email} ({r.reason})
              </li>
            ))}
            {report.invalid.map((r) => (
              <li key={`i${r.line}`}>
                Line {r.line}: invalid “{r.value}” ({r.reason})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
