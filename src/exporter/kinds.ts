import type { Payload } from 'payload'

import { findAll, key } from '../content/load'
import { findSpecialIssues } from '../content/special'
import { isoDay } from '../lib/dates'
import { escapeHtml as esc } from '../lib/html'
import { asSystem } from '../lib/system'
import type { Media, Source, Translation } from '../payload-types'
import type { BodyBlock } from '../importer/types'
import type { ExportFormat } from './formats'
import { bodyBlocks } from './load'

/**
 * `briefing export` of a special issue (`--issue <slug>` of a special issue) or a translation
 * (`--translation <slug>`): their latest versions as txt, Markdown, HTML or JSON. Both are first put
 * into one outline (headings, meta lines, paragraphs, photos, quoted Chinese), rendered per format.
 */
type Line =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'body'; block: BodyBlock }
  | { kind: 'photo'; url: string; alt: string; caption: string }
  | { kind: 'chinese'; text: string }

export type ExportedDocument = { title: string; lines: Line[]; data: Record<string, unknown> }

const operator = { draft: true, as: asSystem('operator') }
const noTerms = () => undefined
const day = (value: unknown) => (typeof value === 'string' && value ? isoDay(value) : '')
const body = (value: unknown): Line[] => bodyBlocks(value, noTerms).map((block) => ({ kind: 'body', block }))

/** A special issue's outline: title, subtitle, publisher line, then each date heading with its entries. */
export async function loadSpecialExport(payload: Payload, slug: string): Promise<ExportedDocument | undefined> {
  const [issue] = await findSpecialIssues(payload, { slug, limit: 1, ...operator })
  if (!issue) return undefined
  const entries = (issue.entryGroups ?? []).flatMap((g) => g.entries ?? [])
  const media = await findAll<Media>(
    payload,
    'media',
    entries.flatMap((e) => (e.photos ?? []).map((p) => key(p.image))),
    operator,
  )
  const sources = await findAll<Source>(
    payload,
    'sources',
    entries.flatMap((e) => (e.sources ?? []).map(key)),
    operator,
  )
  const lines: Line[] = [{ kind: 'title', text: issue.title }]
  if (issue.subtitle) lines.push({ kind: 'meta', text: issue.subtitle })
  if (issue.publisherLine) lines.push({ kind: 'meta', text: issue.publisherLine })
  for (const group of issue.entryGroups ?? []) {
    lines.push({ kind: 'heading', text: group.heading })
    for (const entry of group.entries ?? []) {
      lines.push({ kind: 'subheading', text: entry.headline }, ...body(entry.body))
      for (const photo of entry.photos ?? []) {
        const m = media.get(key(photo.image))
        const caption = [photo.caption || m?.caption, photo.credit || m?.credit ? `(${photo.credit || m?.credit})` : '']
        lines.push({ kind: 'photo', url: m?.url ?? '', alt: m?.alt ?? '', caption: caption.filter(Boolean).join(' ') })
      }
      const names = (entry.sources ?? []).map((s) => sources.get(key(s))?.name).filter(Boolean)
      if (names.length) lines.push({ kind: 'meta', text: `Sources: ${names.join(', ')}` })
    }
  }
  const data = { kind: 'special', slug: issue.slug, status: issue._status ?? 'draft', title: issue.title }
  return { title: issue.label ?? issue.title, lines, data: { ...data, subtitle: issue.subtitle ?? null } }
}

/** A translation's outline: headline, original title, source and credits, introduction, translation, original, updates. */
export async function loadTranslationExport(payload: Payload, slug: string): Promise<ExportedDocument | undefined> {
  const res = await payload.find({
    collection: 'translations',
    where: { slug: { equals: slug } },
    draft: true,
    depth: 0,
    limit: 1,
    ...asSystem('operator'),
  })
  const t = res.docs[0] as Translation | undefined
  if (!t) return undefined
  const source = t.source
    ? (await findAll<Source>(payload, 'sources', [key(t.source)], operator)).get(key(t.source))
    : undefined
  const lines: Line[] = [{ kind: 'title', text: t.headline }]
  if (t.originalTitle) lines.push({ kind: 'chinese', text: t.originalTitle })
  const origin = [source?.name, day(t.originalDate), (t.originalAuthors ?? []).join(', ')].filter(Boolean).join(', ')
  if (origin) lines.push({ kind: 'meta', text: `Source: ${origin}` })
  if (t.sourceUrl) lines.push({ kind: 'meta', text: `Source URL: ${t.sourceUrl}` })
  for (const c of t.credits ?? []) lines.push({ kind: 'meta', text: `${CREDIT[c.role] ?? c.role}: ${c.person}` })
  const part = (heading: string, value: unknown) => {
    const blocks = body(value)
    if (blocks.length) lines.push({ kind: 'heading', text: heading }, ...blocks)
  }
  part('Introduction', t.introduction)
  part('Translation', t.body)
  const original = bodyBlocks(t.original, noTerms)
  if (original.length) lines.push({ kind: 'heading', text: t.excerpt ? 'Original (excerpt)' : 'Original' })
  for (const b of original) lines.push({ kind: 'chinese', text: typeof b === 'string' ? b : b.items.join('\n') })
  if (t.updateNotes?.length) lines.push({ kind: 'heading', text: 'Updates' })
  for (const n of t.updateNotes ?? []) lines.push({ kind: 'body', block: `${day(n.date)}: ${n.text}` })
  const { id: _id, createdBy: _c, updatedBy: _u, importKey: _k, ...data } = t as Translation & Record<string, unknown>
  return { title: t.headline, lines, data: { kind: 'translation', ...data } }
}

const CREDIT: Record<string, string> = {
  translator: 'Translated by',
  introduction: 'Introduction by',
  editor: 'Edited by',
}

const blockText = (b: BodyBlock, bullet: (i: number) => string) =>
  typeof b === 'string' ? b : b.items.map((item, i) => `${bullet(i)} ${item}`).join('\n')
const listMark = (b: BodyBlock) => (i: number) => (typeof b !== 'string' && b.list === 'number' ? `${i + 1}.` : '-')

function toText(lines: Line[]): string {
  const out = lines.map((l) =>
    l.kind === 'body' ? blockText(l.block, listMark(l.block)) : l.kind === 'photo' ? l.caption : l.text,
  )
  return out.join('\n\n') + '\n'
}

function toMarkdown(lines: Line[]): string {
  const md = (l: Line): string => {
    if (l.kind === 'title') return `# ${l.text}`
    if (l.kind === 'heading') return `## ${l.text}`
    if (l.kind === 'subheading') return `### ${l.text}`
    if (l.kind === 'meta') return `*${l.text}*`
    if (l.kind === 'chinese')
      return l.text
        .split('\n')
        .map((s) => `> ${s}`)
        .join('\n')
    if (l.kind === 'photo') return `![${l.alt}](${l.url})\n${l.caption}`
    return blockText(l.block, listMark(l.block))
  }
  return lines.map(md).join('\n\n') + '\n'
}

function toHtml(doc: ExportedDocument): string {
  const html = (l: Line): string => {
    if (l.kind === 'title') return `<h1>${esc(l.text)}</h1>`
    if (l.kind === 'heading') return `<h2>${esc(l.text)}</h2>`
    if (l.kind === 'subheading') return `<h3>${esc(l.text)}</h3>`
    if (l.kind === 'meta') return `<p class="meta">${esc(l.text)}</p>`
    if (l.kind === 'chinese') return `<p lang="zh-Hans">${esc(l.text)}</p>`
    if (l.kind === 'photo')
      return `<figure><img src="${esc(l.url)}" alt="${esc(l.alt)}"><figcaption>${esc(l.caption)}</figcaption></figure>`
    const b = l.block
    if (typeof b === 'string') return `<p>${esc(b)}</p>`
    const tag = b.list === 'number' ? 'ol' : 'ul'
    return `<${tag}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`
  }
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(doc.title)}</title>\n</head>\n<body>\n<article>\n${doc.lines.map(html).join('\n')}\n</article>\n</body>\n</html>\n`
}

export const renderDocument = (doc: ExportedDocument, format: ExportFormat): string =>
  format === 'txt'
    ? toText(doc.lines)
    : format === 'md'
      ? toMarkdown(doc.lines)
      : format === 'html'
        ? toHtml(doc)
        : JSON.stringify(doc.data, null, 2) + '\n'
