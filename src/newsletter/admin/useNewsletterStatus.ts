'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

import { apiErrorMessage } from '../../admin/apiError'
import type { LedgerSummary } from '../ledger'

/** A newsletter and, optionally, one of its saved segments (slugs). */
export type Target = { newsletter: string | null; segment: string | null }

export type PanelCampaign = LedgerSummary & { id: number | string; status: string; pausedReason: string | null }

/** The answer of `GET /api/newsletter/<kind>/<id>/status`. */
export type NewsletterStatus = {
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
  campaign: null | PanelCampaign
  canSend: boolean
}

export const targetKey = (t: Target) => `${t.newsletter ?? ''}/${t.segment ?? ''}`

const targetQuery = (t: Target | null) =>
  t ? `?${new URLSearchParams({ newsletter: t.newsletter ?? '', segment: t.segment ?? '' })}` : ''

const POLL_MS = 2000

/**
 * The panel's status for the chosen audience. Answers are applied only when they are the newest answer
 * for the audience chosen now: an answer for an audience the editor has since left (or an older answer
 * arriving after a newer one) never replaces it. `current` is false until the chosen audience's own
 * answer is in, so the panel never offers to send with another audience's count. While a campaign is
 * preparing or sending, the status is asked again `POLL_MS` after each answer (never overlapping).
 */
export function useNewsletterStatus(api: string, id: number | string | undefined) {
  const [target, setTarget] = useState<Target | null>(null)
  const [status, setStatus] = useState<NewsletterStatus | null>(null)
  const [error, setError] = useState('')
  const chosen = useRef<string>('')
  const asked = useRef(0)
  const applied = useRef(0)

  const load = useCallback(async () => {
    if (!id) return
    const key = target ? targetKey(target) : ''
    chosen.current = key
    const ticket = ++asked.current
    const fresh = () => chosen.current === key && ticket > applied.current
    try {
      const res = await fetch(`${api}/status${targetQuery(target)}`, { credentials: 'include' })
      const body = (await res.json().catch(() => ({}))) as NewsletterStatus
      if (!fresh()) return
      applied.current = ticket
      if (res.ok) {
        setStatus(body)
        setError('')
      } else setError(apiErrorMessage(body, `The newsletter status could not be read (error ${res.status}).`))
    } catch {
      if (fresh()) setError('The server did not answer; the newsletter status is not up to date.')
    }
  }, [api, id, target])

  const campaignStatus = status?.campaign?.status
  const sending = campaignStatus === 'sending' || campaignStatus === 'preparing'
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = async () => {
      await load()
      if (live && sending) timer = setTimeout(() => void run(), POLL_MS)
    }
    void run()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [load, sending])

  const current = Boolean(status && (!target || targetKey(status.target) === targetKey(target)))
  return { status, error, target, setTarget, current, reload: load }
}
