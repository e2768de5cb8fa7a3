import type { Payload, PayloadRequest } from 'payload'

import { MAX_IMPORT_BYTES } from '../formats/detect'
import { ImportError } from '../types'
import { parseGhost } from './ghost'
import { isSubstackZip, parseSubstack } from './substack'
import { PLATFORM_NAMES, type ImportedExport, type Platform } from './types'
import { writeExport, type ExportSummary } from './write'
import { isWxr, parseWxr } from './wxr'

export type { ImportedExport } from './types'
export type { ExportSummary } from './write'

/** Exports hold a whole site: more room than one report, still bounded. */
export const MAX_EXPORT_BYTES = 10 * MAX_IMPORT_BYTES

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** A WordPress, Substack or Ghost export, told by its content (and a .json name); undefined for a report. */
export function detectPlatform(name: string, data: Uint8Array): Platform | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (bytes.subarray(0, 4).equals(ZIP)) return isSubstackZip(bytes) ? 'substack' : undefined
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  if (isWxr(head)) return 'wordpress'
  if (name.toLowerCase().endsWith('.json') || /^\s*\{\s*"(db|meta|data)"/.test(head)) return 'ghost'
  return undefined
}

/** Read an export (no writes). */
export async function parseExport(platform: Platform, data: Uint8Array): Promise<ImportedExport> {
  if (data.byteLength > MAX_EXPORT_BYTES)
    throw new ImportError(`the export is over the ${MAX_EXPORT_BYTES / 1024 / 1024} MB limit for one file`)
  if (platform === 'substack') return parseSubstack(data)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '')
  } catch {
    throw new ImportError(`unreadable encoding: the ${PLATFORM_NAMES[platform]} is not valid UTF-8`)
  }
  return platform === 'wordpress' ? parseWxr(text) : parseGhost(text)
}

export type ExportOptions = { dryRun?: boolean; publish?: boolean; issue?: string; section?: string }

/** Read an export and, unless a dry run, write it in one transaction (posts need an issue and a section). */
export async function importExport(
  payload: Payload,
  platform: Platform,
  data: Uint8Array,
  options: ExportOptions & { user?: PayloadRequest['user'] },
): Promise<{ recognised: ImportedExport; written?: ExportSummary }> {
  if (!options.issue || !options.section)
    throw new ImportError(`a ${PLATFORM_NAMES[platform]} needs --issue <slug> and --section <slug-or-name>`)
  const place = { issue: options.issue, section: options.section }
  const recognised = { ...(await parseExport(platform, data)), place }
  if (options.dryRun) return { recognised }
  const written = await writeExport(payload, recognised, place, options)
  return { recognised, written }
}

/** What a dry run read from an export: posts with their date, author and tags; subscribers by consent. */
export function describeExport(r: ImportedExport): string {
  const lines = [
    `${PLATFORM_NAMES[r.platform]}: ${r.posts.length} posts, ${r.subscribers.length} subscribers` +
      (r.place ? ` → issue ${r.place.issue}, section ${r.place.section}` : ''),
  ]
  for (const p of r.posts) {
    const about = [p.credit, p.tags.join(', ')].filter(Boolean).join('; ')
    lines.push(`  ${p.date ?? 'no date'}  ${p.headline ?? '(no title)'}${about ? ` (${about})` : ''}`)
  }
  const by = (status: string) => r.subscribers.filter((s) => s.status === status).length
  if (r.subscribers.length)
    lines.push(`  subscribers: ${by('active')} active, ${by('pending')} pending, ${by('unsubscribed')} unsubscribed`)
  for (const w of r.warnings) lines.push(`warning: ${w}`)
  return lines.join('\n')
}

/** The line printed after writing an export. */
export const describeWrittenExport = (file: string, w: ExportSummary): string =>
  `imported ${file} → issue ${w.issue} (${w.status}): ${w.created} post(s) created, ${w.updated} updated; ` +
  `${w.subscribers} subscriber(s) added, ${w.subscribersKept} already listed (left as they are)`
