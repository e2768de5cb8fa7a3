'use client'
import React, { useCallback, useEffect, useState } from 'react'

import { apiErrorMessage } from '../../admin/apiError'

type Person = { id: number | string; name?: string | null; email?: string } | number | string | null
type Comment = {
  id: number | string
  body: string
  parent?: { id: number | string } | number | string | null
  author?: Person
  resolved?: boolean
  resolvedBy?: Person
  createdAt: string
}

const who = (p: Person | undefined): string =>
  p && typeof p === 'object' ? p.name || p.email || `user ${p.id}` : p ? `user ${p}` : 'someone'
const parentId = (c: Comment) => (c.parent && typeof c.parent === 'object' ? c.parent.id : c.parent)
const when = (iso: string) => new Date(iso).toLocaleString()

async function send(path: string, method: string, body: unknown): Promise<string | null> {
  const res = await fetch(path, {
    method,
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return res.ok ? null : apiErrorMessage(await res.json().catch(() => null), `Failed (${res.status}).`)
}

/** Unsent text by item and box, so that it survives the edit view re-rendering its fields. */
const unsent = new Map<string, string>()

function Composer({
  label,
  draftKey,
  onSend,
}: {
  label: string
  draftKey: string
  onSend: (text: string) => Promise<boolean>
}) {
  const [text, setStoredText] = useState(() => unsent.get(draftKey) ?? '')
  const setText = (value: string) => {
    unsent.set(draftKey, value)
    setStoredText(value)
  }
  const [busy, setBusy] = useState(false)
  return (
    // Not a <form>: the edit view is one, and a nested form would submit (save) the document instead.
    <div style={{ display: 'grid', gap: 6, marginTop: 8 }}>
      <textarea
        aria-label={label}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        style={{ width: '100%', padding: 8, font: 'inherit' }}
      />
      <div>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy || !text.trim()}
          onClick={async () => {
            setBusy(true)
            if (await onSend(text)) setText('')
            setBusy(false)
          }}
        >
          {label}
        </button>
      </div>
    </div>
  )
}

/**
 * The review thread of one item: its comment threads (oldest first), replies, resolve / reopen, and a
 * new comment. Exported for the item's edit view and for the composer, which places it beside a card.
 */
export function ReviewThread({ itemId }: { itemId: number | string }) {
  const [comments, setComments] = useState<Comment[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    const res = await fetch(`/api/comments?where[item][equals]=${itemId}&depth=1&limit=500&sort=createdAt`, {
      credentials: 'include',
    })
    const body = await res.json().catch(() => null)
    if (!res.ok) return setError(apiErrorMessage(body, 'Could not load the review comments.'))
    setComments((body as { docs: Comment[] }).docs)
  }, [itemId])
  useEffect(() => {
    void load()
  }, [load])

  const act = async (path: string, method: string, body: unknown): Promise<boolean> => {
    const failed = await send(path, method, body)
    setError(failed)
    if (!failed) await load()
    return !failed
  }
  const roots = (comments ?? []).filter((c) => !parentId(c))
  return (
    <div className="field-type" data-testid="review-thread" style={{ margin: '24px 0' }}>
      <h4>Review comments</h4>
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      ) : null}
      {comments === null ? <p>Loading comments…</p> : null}
      {comments?.length === 0 ? <p>No comments yet.</p> : null}
      {roots.map((root) => (
        <section
          key={String(root.id)}
          data-testid="review-comment"
          data-resolved={root.resolved ? 'true' : 'false'}
          style={{
            borderTop: '1px solid var(--theme-elevation-150)',
            padding: '8px 0',
            opacity: root.resolved ? 0.7 : 1,
          }}
        >
          {[root, ...(comments ?? []).filter((c) => String(parentId(c)) === String(root.id))].map((c) => (
            <div key={String(c.id)} style={{ marginLeft: c === root ? 0 : 24, marginBottom: 6 }}>
              <small>
                <strong>{who(c.author)}</strong> · {when(c.createdAt)}
              </small>
              <p style={{ margin: '2px 0', whiteSpace: 'pre-wrap' }}>{c.body}</p>
            </div>
          ))}
          {root.resolved ? <small>Resolved by {who(root.resolvedBy)}. </small> : null}
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() => act(`/api/comments/${root.id}`, 'PATCH', { resolved: !root.resolved })}
          >
            {root.resolved ? 'Reopen' : 'Resolve'}
          </button>
          {root.resolved ? null : (
            <Composer
              label="Reply"
              draftKey={`${itemId}:${root.id}`}
              onSend={(text) => act('/api/comments', 'POST', { item: itemId, parent: root.id, body: text })}
            />
          )}
        </section>
      ))}
      <Composer
        label="Add comment"
        draftKey={`${itemId}:new`}
        onSend={(text) => act('/api/comments', 'POST', { item: itemId, body: text })}
      />
    </div>
  )
}
