'use client'

import React, { useState } from 'react'

import { apiErrorMessage, type ApiErrors } from '../../admin/apiError'
import type { Correction } from '../correct/corrections'
import type { RoledBlock } from '../types'
import { CorrectionStep, type View } from './CorrectionPanel'

type Result = {
  file: string
  ok: boolean
  error?: string
  preview?: string
  warnings: string[]
  profile?: string
  profileSaved?: string
  recognised?: { kind: string; blocks?: RoledBlock[]; sections?: Array<{ name: string }> }
  written?: {
    issue: string
    issueId: number | string
    status: string
    items: number
    terms: number
    newTerms: number
    replaced: boolean
    kind?: 'translations' | 'special'
    slugs?: string[]
  }
}

/** Where an import went: the issue (weekly or special), or the translations it wrote. */
function WrittenSummary({ written }: { written: NonNullable<Result['written']> }) {
  if (written.kind === 'translations')
    return (
      <p>
        Imported {written.items} translation(s) ({written.status}
        {written.replaced ? ', replacing an earlier import' : ''}):{' '}
        {(written.slugs ?? []).map((slug, n) => (
          <React.Fragment key={slug}>
            {n ? ', ' : ''}
            <a href={`/translations/${slug}`}>{slug}</a>
          </React.Fragment>
        ))}
        .
      </p>
    )
  return (
    <p>
      Imported into{' '}
      <a href={`/admin/collections/issues/${written.issueId}`}>
        {written.kind === 'special' ? 'special issue' : 'issue'} {written.issue}
      </a>{' '}
      ({written.status}
      {written.replaced ? ', replaced the previous import' : ''}): {written.items} item(s), {written.terms} term(s),{' '}
      {written.newTerms} new.
    </p>
  )
}

// Every format the importer reads (src/importer/inputs.ts IMPORTABLE): reports, special issues,
// translations, PDFs and WordPress/Substack/Ghost exports.
const ACCEPT = '.txt,.text,.html,.htm,.xhtml,.md,.markdown,.docx,.pdf,.xml,.json,.zip'

/** What the correction step shows of one previewed file: its blocks and its sections. */
const viewOf = (r: Result | undefined): View | undefined =>
  r?.ok && r.recognised?.blocks && !r.written
    ? { blocks: r.recognised.blocks, sections: (r.recognised.sections ?? []).map((s) => s.name) }
    : undefined

/** One file through POST /api/import: its answer, or what went wrong. */
async function postImport(file: File, body: FormData): Promise<Result> {
  try {
    const res = await fetch('/api/import', { method: 'POST', body, credentials: 'include' })
    const json = (await res.json()) as Partial<Result> & ApiErrors
    const error = res.ok ? undefined : apiErrorMessage(json, `Import failed (${res.status})`)
    return { ok: false, ...json, error, file: json.file ?? file.name, warnings: json.warnings ?? [] }
  } catch (err) {
    return { file: file.name, ok: false, warnings: [], error: (err as Error).message }
  }
}

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
  /** The profile just saved: later previews apply it (the corrections are in it now). */
  const [profile, setProfile] = useState<string | undefined>()

  const run = async (dryRun: boolean, fixes = corrections, save?: string): Promise<Result[]> => {
    setBusy(true)
    setResults([])
    const out: Result[] = []
    for (const file of files) {
      const body = new FormData()
      body.append('file', file)
      const one = files.length === 1 ? { corrections: fixes, saveProfile: save, profile } : {}
      body.append('_payload', JSON.stringify({ dryRun, publish, issue, section, ...one }))
      out.push(await postImport(file, body))
      setResults([...out])
    }
    setBusy(false)
    if (files.length === 1) setView(viewOf(out[0]))
    return out
  }

  /** Save the corrections as a profile, then preview with that profile applied instead. */
  const saveAsProfile = async (name: string) => {
    const [answer] = await run(true, corrections, name)
    if (!answer?.ok) return
    setProfile(name)
    setCorrections([])
  }

  /** One more correction: preview again with it; a refused one is dropped (its message stays). */
  const correct = async (c: Correction) => {
    const next = [...corrections, c]
    const [answer] = await run(true, next)
    if (answer?.ok) setCorrections(next)
  }

  return (
    <div className="briefing-import">
      <ImportOptions
        issue={issue}
        section={section}
        publish={publish}
        onFiles={(chosen) => {
          setFiles(chosen)
          setCorrections([])
          setView(undefined)
          setProfile(undefined)
        }}
        onIssue={setIssue}
        onSection={setSection}
        onPublish={setPublish}
      />
      <ImportActions
        busy={busy}
        hasFiles={files.length > 0}
        corrections={corrections.length}
        onRun={(dryRun) => void run(dryRun)}
        onUndo={() => {
          setCorrections([])
          void run(true, [])
        }}
      />
      <ImportResults busy={busy} results={results} total={files.length} />
      {view && files.length === 1 ? (
        <CorrectionStep
          view={view}
          busy={busy}
          onCorrect={(c) => void correct(c)}
          onSaveProfile={(name) => void saveAsProfile(name)}
        />
      ) : null}
    </div>
  )
}

/** The files, the article issue and section, and Publish. */
function ImportOptions(props: {
  issue: string
  section: string
  publish: boolean
  onFiles: (files: File[]) => void
  onIssue: (issue: string) => void
  onSection: (section: string) => void
  onPublish: (publish: boolean) => void
}) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'end', margin: '16px 0' }}>
      <label>
        Report files
        <br />
        <input
          type="file"
          name="files"
          multiple
          accept={ACCEPT}
          onChange={(e) => props.onFiles(Array.from(e.target.files ?? []))}
          data-testid="import-files"
        />
      </label>
      <label>
        Article issue (slug)
        <br />
        <input
          name="issue"
          value={props.issue}
          onChange={(e) => props.onIssue(e.target.value)}
          placeholder="3-9"
          size={8}
        />
      </label>
      <label>
        Article section
        <br />
        <input
          name="section"
          value={props.section}
          onChange={(e) => props.onSection(e.target.value)}
          placeholder="senior-leaders"
        />
      </label>
      <label>
        <input
          type="checkbox"
          name="publish"
          checked={props.publish}
          onChange={(e) => props.onPublish(e.target.checked)}
        />{' '}
        Publish
      </label>
    </div>
  )
}

/** Preview (dry run), Import, and undoing the corrections made so far. */
function ImportActions(props: {
  busy: boolean
  hasFiles: boolean
  corrections: number
  onRun: (dryRun: boolean) => void
  onUndo: () => void
}) {
  const { busy, hasFiles, corrections } = props
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <button
        type="button"
        className="btn btn--style-secondary"
        disabled={busy || !hasFiles}
        onClick={() => props.onRun(true)}
      >
        Preview (dry run)
      </button>
      <button
        type="button"
        className="btn btn--style-primary"
        disabled={busy || !hasFiles}
        onClick={() => props.onRun(false)}
      >
        Import
      </button>
      {corrections ? (
        <button type="button" className="btn btn--style-secondary" disabled={busy} onClick={props.onUndo}>
          Undo {corrections} correction(s)
        </button>
      ) : null}
    </div>
  )
}

/** Progress, then one section per file: its error, what was written or the preview, its warnings. */
function ImportResults({ busy, results, total }: { busy: boolean; results: Result[]; total: number }) {
  return (
    <div aria-live="polite" data-testid="import-results">
      {busy ? (
        <p>
          Working… {results.length}/{total}
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
          {r.written ? <WrittenSummary written={r.written} /> : null}
          {r.profileSaved ? <p role="status">Saved the corrections as profile “{r.profileSaved}”.</p> : null}
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
  )
}
