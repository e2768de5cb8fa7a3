'use client'
import React from 'react'

/** The web page and the email of the issue as they are now (the existing previews), beside the composer. */
export function Preview({ slug, issue, version }: { slug: string; issue: string; version: number }) {
  return (
    <aside className="composer-preview" aria-label="Preview">
      <h2>Web page</h2>
      <iframe title="Web page preview" src={`/preview/issues/${encodeURIComponent(slug)}?v=${version}`} />
      <h2>Email</h2>
      <iframe title="Email preview" src={`/api/newsletter/issues/${issue}/preview?v=${version}`} />
    </aside>
  )
}
