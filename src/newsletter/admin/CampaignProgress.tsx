'use client'
import React from 'react'

import type { PanelCampaign } from './useNewsletterStatus'

/** A campaign's progress, the way to its report, and (for editors) pause, resume and retry. */
export function CampaignProgress({
  campaign: c,
  canSend,
  post,
}: {
  campaign: PanelCampaign
  canSend: boolean
  post: (path: string, body: unknown) => Promise<void>
}) {
  const act = (action: string) => () => void post(`/api/newsletter/campaigns/${c.id}/${action}`, {})
  return (
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
      {canSend ? (
        <p>
          {c.status === 'sending' ? (
            <button type="button" onClick={act('pause')}>
              Pause
            </button>
          ) : null}
          {c.status === 'paused' ? (
            <button type="button" onClick={act('resume')}>
              Resume
            </button>
          ) : null}{' '}
          {c.failed > 0 ? (
            <button type="button" onClick={act('retry-failed')}>
              Retry failed
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
