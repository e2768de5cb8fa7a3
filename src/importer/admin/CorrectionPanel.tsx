'use client'

import { Button, SelectInput, TextInput } from '@payloadcms/ui'
import React, { useRef, useState } from 'react'

import { ROLES, type Correction } from '../correct/corrections'
import type { Role, RoledBlock } from '../types'

type Props = {
  blocks: RoledBlock[]
  /** The report's sections (none for an article or listing: items cannot move). */
  sections: string[]
  busy: boolean
  onCorrect: (c: Correction) => void
}

const ROLE_OPTIONS = ROLES.map((r) => ({ label: r.replace('-', ' '), value: r }))
const pick = (v: unknown): string | undefined =>
  (Array.isArray(v) ? v[0] : (v as { value?: string } | null))?.value as string | undefined

/** The section each block stands in (the last section heading before it). */
const sectionOf = (blocks: RoledBlock[]) => {
  let current = ''
  return blocks.map((b) => (b.role === 'section-heading' ? (current = b.text) : current))
}

/** Whether block i starts an item (a headline, or a date line not right under a headline). */
const startsItem = (blocks: RoledBlock[], i: number) =>
  blocks[i].role === 'headline' || (blocks[i].role === 'date-line' && blocks[i - 1]?.role !== 'headline')

function SplitBox({ block, onSplit }: { block: RoledBlock; onSplit: (offset: number) => void }) {
  const ref = useRef<HTMLTextAreaElement>(null)
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'start' }}>
      <textarea ref={ref} readOnly defaultValue={block.text} rows={3} style={{ flex: 1 }} aria-label="Text to split" />
      <Button buttonStyle="secondary" size="small" onClick={() => onSplit(ref.current?.selectionStart ?? 0)}>
        Split at cursor
      </Button>
    </div>
  )
}

/**
 * The correction step: every source block with its role (a select each), join and split controls,
 * and the section of each item. Each change is one correction; the form re-derives the preview.
 */
export function CorrectionPanel({ blocks, sections, busy, onCorrect }: Props) {
  const [splitting, setSplitting] = useState<number | undefined>()
  const inSection = sectionOf(blocks)
  return (
    <ol data-testid="import-blocks" style={{ listStyle: 'none', padding: 0, margin: '12px 0' }}>
      {blocks.map((b, i) => (
        <li
          key={`${i}-${b.line}-${b.text.slice(0, 20)}`}
          data-testid={`block-${i}`}
          data-role={b.role}
          style={{ display: 'grid', gridTemplateColumns: '4em 12em 1fr auto', gap: 8, padding: '4px 0' }}
        >
          <span style={{ color: 'var(--theme-elevation-500)' }}>line {b.line}</span>
          <SelectInput
            name={`role-${i}`}
            path={`role-${i}`}
            options={ROLE_OPTIONS}
            value={b.role}
            isClearable={false}
            readOnly={busy}
            onChange={(v) => {
              const role = pick(v) as Role | undefined
              if (role && role !== b.role) onCorrect({ op: 'role', block: i, role })
            }}
          />
          <div style={{ opacity: b.role === 'chrome' ? 0.5 : 1 }}>
            {splitting === i ? (
              <SplitBox
                block={b}
                onSplit={(offset) => {
                  setSplitting(undefined)
                  onCorrect({ op: 'split', block: i, offset })
                }}
              />
            ) : (
              <span data-testid="block-text">{b.text}</span>
            )}
            {sections.length && startsItem(blocks, i) ? (
              <SelectInput
                name={`section-${i}`}
                path={`section-${i}`}
                label="Section"
                options={sections.map((s) => ({ label: s, value: s }))}
                value={inSection[i]}
                isClearable={false}
                readOnly={busy}
                onChange={(v) => {
                  const section = pick(v)
                  if (section && section !== inSection[i]) onCorrect({ op: 'move', block: i, section })
                }}
              />
            ) : null}
          </div>
          <span style={{ display: 'flex', gap: 4 }}>
            <Button
              buttonStyle="subtle"
              size="small"
              disabled={busy || i === blocks.length - 1}
              onClick={() => onCorrect({ op: 'join', block: i })}
            >
              Join with next
            </Button>
            <Button buttonStyle="subtle" size="small" disabled={busy} onClick={() => setSplitting(i)}>
              Split…
            </Button>
          </span>
        </li>
      ))}
    </ol>
  )
}

/** What the correction step shows of one previewed file. */
export type View = { blocks: RoledBlock[]; sections: string[] }

type StepProps = {
  view: View
  busy: boolean
  onCorrect: (c: Correction) => void
  onSaveProfile: (name: string) => void
}

/** The correction step under the preview: saving the corrections as a profile, and the blocks. */
export function CorrectionStep({ view, busy, onCorrect, onSaveProfile }: StepProps) {
  const [name, setName] = useState('')
  return (
    <section>
      <h3>Blocks and their roles</h3>
      <p style={{ maxWidth: 720 }}>
        Correct what was misread: change a block’s role, join or split paragraphs, or move an item to another section.
        The preview above follows at once; Import writes what it shows. Save the corrections as a profile to apply them
        to later imports of the same kind.
      </p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end', maxWidth: 600 }}>
        <TextInput
          path="profileName"
          label="Profile name"
          value={name}
          placeholder="CACR Wix page"
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)}
        />
        <Button buttonStyle="secondary" disabled={busy || !name.trim()} onClick={() => onSaveProfile(name.trim())}>
          Save as profile
        </Button>
      </div>
      <CorrectionPanel blocks={view.blocks} sections={view.sections} busy={busy} onCorrect={onCorrect} />
    </section>
  )
}
