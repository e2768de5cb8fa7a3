import type { PayloadRequest } from 'payload'

import { readLexical, runGroups, runsText } from '../../src/content/lexical'
import { dayLabel } from '../../src/lib/dates'
import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'

type RichText = { root?: { children?: unknown[] } } | null | undefined

export type ItemForCheck = {
  id?: number | string
  headline?: string | null
  date?: string | null
  body?: RichText
  section?: unknown
}

export type SectionStyle = 'full' | 'brief'

/** The words of a rich-text value run together (paragraphs unseparated), for emptiness and titles. */
const plain = (value: RichText): string =>
  runGroups(readLexical(value))
    .map((runs) => runsText(runs, undefined, { break: '', tab: '' }))
    .join('')

export const richTextIsEmpty = (value: RichText): boolean => plain(value).trim() === ''

/** What an item still misses before it can be published, as short phrases ("headline", "date"). */
export const missingContent = (item: ItemForCheck, style: SectionStyle): string[] => {
  const missing: string[] = []
  if (!item.section) missing.push('section')
  if (!item.date) missing.push('date')
  if (style === 'full' && !item.headline?.trim()) missing.push('headline')
  if (richTextIsEmpty(item.body)) missing.push(style === 'brief' ? 'text' : 'body')
  return missing
}

/** Look up the style of a section (full unless the section says brief). */
export const sectionStyleOf = async (req: PayloadRequest, section: unknown): Promise<SectionStyle> => {
  if (section && typeof section === 'object' && 'style' in section) {
    return (section as { style?: SectionStyle }).style === 'brief' ? 'brief' : 'full'
  }
  const id = relationId(section)
  if (id === undefined) return 'full'
  const doc = await req.payload.findByID({
    collection: 'sections',
    id,
    depth: 0,
    req,
    ...asSystem('derived'),
    disableErrors: true,
  })
  return doc?.style === 'brief' ? 'brief' : 'full'
}

/** A readable title for lists and pickers: the headline, or "3.4 CCP/ID Head Liu Jianchao met…" for a brief. */
export const itemTitle = (item: ItemForCheck): string => {
  if (item.headline?.trim()) return item.headline.trim()
  const words = plain(item.body).trim().replace(/\s+/g, ' ')
  const lead = words.length > 70 ? `${words.slice(0, 70).replace(/\s\S*$/, '')}…` : words
  const date = item.date ? dayLabel(item.date) : ''
  return [date, lead].filter(Boolean).join(' ') || `Untitled item ${String(item.id ?? '')}`.trim()
}

export const describeItem = (item: ItemForCheck): string =>
  item.headline?.trim() ? `"${item.headline.trim()}"` : `item ${String(item.id ?? '(new)')}`
