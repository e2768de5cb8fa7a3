import type { Payload } from 'payload'
import React from 'react'

import { relationKey } from '../../search/text'
import { asSystem } from '../../lib/system'

type Props = { siblingData?: { term?: unknown; text?: string | null }; payload?: Payload }

/**
 * The label of an inline glossary mark in the editor: the words as written, underlined; hovering
 * shows the original 汉字 and pinyin (and the agreed English when the words differ).
 */
export async function GlossaryTermLabel({ siblingData, payload }: Props) {
  const id = relationKey(siblingData?.term)
  const term =
    id && payload
      ? await payload.findByID({
          collection: 'glossary-terms',
          id,
          depth: 0,
          ...asSystem('operator'),
          disableErrors: true,
        })
      : null
  const text = siblingData?.text?.trim() || term?.english || 'Glossary term'
  const title = term
    ? [term.original, term.pinyin, term.english !== text ? `glossary: ${term.english}` : ''].filter(Boolean).join(' · ')
    : 'Choose a glossary term'
  return (
    <span
      className="briefing-glossary-mark"
      title={title}
      data-original={term?.original ?? ''}
      style={{ borderBottom: '1px dotted currentColor' }}
    >
      {text}
      {term ? null : ' ⚠'}
    </span>
  )
}
