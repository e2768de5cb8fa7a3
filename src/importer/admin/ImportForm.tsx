'use client'

import React, { useState } from 'react'

import { apiErrorMessage, type ApiErrors } from '../../admin/apiError'
import type { Correction } from '../correct/corrections'
import type { RoledBlock } from '../types'
import { CorrectionPanel } from './CorrectionPanel'

type Result = {
  file: string
  ok: boolean
  error?: string
  preview?: string
  warnings: string[]
  recognised?: { kind: string; blocks?: RoledBlock[]; sections?: Array<{ name: string }> }
  written?: {
    issue: string
    issueId: number | string
    status: string
    items: number
    terms: number
    newTerms: number
    replaced: boolean
  }
}

const ACCEPT = '.txt,.text,.html,.htm,.md,.markdown,.docx'

type View = { blocks: RoledBlock[]; sections: string[] }

/** What the correction step shows of one previewed file: its blocks and its sections. */
const viewOf = (r: Result | undefined): View | undefined =>
  r?.ok && r.recognised?.blocks && !r.written
    ? { blocks: r.recognised.blocks, sections: (r.recognised.sections ?? []).map((s) => s.name) }
    : undefined

/**
 * Choose files, preview (dry run) or import them one by one through POST /api/import. A single
 * file's preview can be corrected block by block; Import then writes the corrected structure.
 */
export function ImportForm() {
  const [files, setFiles] = useState<File[]>([])
  const [publish, setPublish] = useState(false)
  const [issue, setIssue] = useState('')
  const [section, setSection] = useState('')
  const [busy, setBusy] = useState(false)
  const [results, setResults] = useState<Result[]>([])
  const [corrections, setCorrections] = useState<Correction[]>([])
  const [view, setView] = useState<View | undefined>()

  const run = async (dryRun: boolean, fixes = corrections): Promise<Result[]> => {
    setBusy(true)
    setResults([])
    const out: Result[] = []
    for (const file of files) {
      const body = new FormData()
      body.append('file', file)
      const one = files.length === 1 ? { corrections: fixes } : {}
      body.append('_payload', JSON.stringify({ dryRun, publish, issue, section, ...one }))
      try {
        const res = await fetch('/api/import', { method: 'POST', body, credentials: 'include' })
        const json = (await res.json()) as Partial<Result> & ApiErrors
        const error = res.ok ? undefined : apiErrorMessage(json, `Import failed (${res.status})`)
        out.push({ ok: false, ...json, error, file: json.file ?? file.name, warnings: json.warnings ?? [] })
      } catch (err) {
        out.push({ file: file.name, ok: false, warnings: [], error: (err as Error).message })
      }
      setResults([...out])
    }
    setBusy(false)
    if (files.length === 1) setView(viewOf(out[0]))
    return out
  }

  /** One more correction: preview again with it; a refused one is dropped (its message stays). */
  const correct = async (c: Correction) => {
    const next = [...corrections, c]
    const [answer] = await run(true, next)
    if (answer?.ok) setCorrections(next)
  }

  return (
    <div className="briefing-import">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'end', margin: '16px 0' }}>
        <label>
          Report files
          <br />
          <input
            type="file"
            name="files"
            multiple
            accept={ACCEPT}
            onChange={(e) => {
              setFiles(Array.from(e.target.files ?? []))
              setCorrections([])
              setView(undefined)
            }}
            data-testid="import-files"
          />
        </label>
        <label>
          Article issue (slug)
          <br />
          <input name="issue" value={issue} onChange={(e) => setIssue(e.target.value)} placeholder="3-9" size={8} />
        </label>
        <label>
          Article section
          <br />
          <input
            name="section"
            value={section}
            onChange={(e) => setSection(e.target.value)}
            placeholder="senior-leaders"
          />
        </label>
        <label>
          <input type="checkbox" name="publish" checked={publish} onChange={(e) => setPublish(e.target.checked)} />{' '}
          Publish
        </label>
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <button
          type="button"
          className="btn btn--style-secondary"
          disabled={busy || !files.length}
          onClick={() => run(true)}
        >
          Preview (dry run)
        </button>
        <button
          type="button"
          className="btn btn--style-primary"
          disabled={busy || !files.length}
          onClick={() => run(false)}
        >
          Import
        </button>
        {corrections.length ? (
          <button
            type="button"
            className="btn btn--style-secondary"
            disabled={busy}
            onClick={() => {
              setCorrections([])
              void run(true, [])
            }}
          >
            Undo {corrections.length} correction(s)
          </button>
        ) : null}
      </div>
      <div aria-live="polite" data-testid="import-results">
        {busy ? (
          <p>
            Working… {results.length}/{files.length}
          </p>
        ) : null}
        {results.map((r, i) => (
          <section
            key={`${r.file}-${i}`}
            style={{ borderTop: '1px solid var(--theme-elevation-150)', padding: '12px 0' }}
          >
            <h3 style={{ margin: 0 }}>{r.file}</h3>
            {r.ok ? null : (
              <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
                {r.error}
              </p>
            )}
            {r.written ? (
              <p>
                Imported into <a href={`/admin/collections/issues/${r.written.issueId}`}>issue {r.written.issue}</a> (
                {r.written.status}
                {r.written.replaced ? ', replaced the previous import' : ''}): {r.written.items} item(s),{' '}
                {r.written.terms} term(s), {r.written.newTerms} new.
              </p>
            ) : null}
            {r.ok && !r.written && r.preview ? <pre style={{ whiteSpace: 'pre-wrap' }}>{r.preview}</pre> : null}
            {r.warnings.length ? (
              <ul>
                {r.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </div>
      {view && files.length === 1 ? (
        <section>
          <h3>Blocks and their roles</h3>
          <p style={{ maxWidth: 720 }}>
            Correct what was misread: change a block’s role, join or split paragraphs, or move an item to another
            section. The preview above follows at once; Import writes what it shows.
          </p>
          <CorrectionPanel
            blocks={view.blocks}
            sections={view.sections}
            busy={busy}
            onCorrect={(c) => void correct(c)}
          />
        </section>
      ) : null}
    </div>
  )
}
