'use client'
import React from 'react'
import { createPortal } from 'react-dom'

export type PreviewMode = 'desktop' | 'mobile' | 'text'

/** The email preview over the whole admin: the HTML (or the text part) in a sandboxed frame. */
export function EmailPreviewDialog({ mode, html, onClose }: { mode: PreviewMode; html: string; onClose: () => void }) {
  if (typeof document === 'undefined') return null
  return createPortal(
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
        {mode} preview{' '}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </p>
      <iframe
        title="Email preview"
        sandbox=""
        srcDoc={html}
        style={{ width: mode === 'mobile' ? 375 : 680, flex: 1, background: '#fff', border: 0 }}
      />
    </div>,
    document.body,
  )
}
