import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import { correctRecognised } from './correct'
import type { Correction } from './correct/corrections'
import { parseFile } from './formats'
import { parseFileInWorker } from './formats/inWorker'
import { detectPlatform, importExport, type ImportedExport } from './platforms'
import type { Platform } from './platforms/types'
import { looksLikeArticle, recogniseArticle } from './recognise/article'
import { looksLikeListing, recogniseListing } from './recognise/listing'
import { REPORT_HEADER } from './recognise/patterns'
import { recogniseReport } from './recognise/report'
import { looksLikeSpecial, recogniseSpecial } from './recognise/special'
import { ImportError, type Block, type Format, type Recognised } from './types'
import { writeArticle } from './writer/article'
import { writeSpecial } from './writer/special'
import { writeTranslations } from './writer/translation'
import { knownNames } from './writer/lookups'
import { writeReport, type WriteSummary } from './writer/report'

export type ImportOptions = {
  dryRun?: boolean
  publish?: boolean
  /** Place a single translated article in this issue (slug) … */
  issue?: string
  /** … and this section (slug or name). */
  section?: string
  user?: PayloadRequest['user']
  /** Parse in a worker thread (the server does: its own thread keeps answering requests). */
  inWorker?: boolean
  /** The editor's corrections of the recognised blocks (the correction step, docs/import.md). */
  corrections?: Correction[]
  /** Apply this import profile (by name) instead of the first that matches the file. */
  profile?: string
  /** Save the corrections as an import profile of this name. */
  saveProfile?: string
  /** What the file is, overriding detection (`--as`). */
  as?: ImportKind
}

/** The kinds `--as` names. */
export const IMPORT_KINDS = ['report', 'special', 'translation'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export type ImportResult = {
  file: string
  ok: boolean
  format?: Format | Platform
  recognised?: Recognised | ImportedExport
  written?: WriteSummary
  warnings: string[]
  error?: string
  /** The import profile that was applied. */
  profile?: string
}

/** "report.txt:12: message" or "report.txt: message". */
export const describeError = (file: string, err: unknown): string => {
  const name = path.basename(file)
  if (err instanceof ImportError) return err.line ? `${name}:${err.line}: ${err.message}` : `${name}: ${err.message}`
  return `${name}: ${(err as Error).message ?? String(err)}`
}

const hasReportHeader = (blocks: Block[]) => blocks.some((b) => REPORT_HEADER.test(b.text))

/** Recognise one file (no writes): a weekly report, or a single article when a placement is given. */
export async function recogniseFile(payload: Payload, name: string, data: Uint8Array, options: ImportOptions = {}) {
  const { format, blocks, chrome } = await (options.inWorker ? parseFileInWorker : parseFile)(name, data)
  const recognised = await recogniseBlocks(payload, blocks, options)
  const chromeBlocks = chrome.map((b) => ({ line: b.line, text: b.text, role: 'chrome' as const }))
  recognised.blocks = [...(recognised.blocks ?? []), ...chromeBlocks].sort((a, b) => a.line - b.line)
  const corrected = await correctRecognised(payload, recognised, { format, blocks: [...blocks, ...chrome] }, options)
  return { format, ...corrected }
}

const isTranslation = (blocks: Block[]) => looksLikeArticle(blocks) || looksLikeListing(blocks)

/** The kind of a file: `--as` when given, else what its blocks look like (a report when unsure). */
function kindOf(blocks: Block[], options: ImportOptions): ImportKind {
  if (options.as) return options.as
  if (hasReportHeader(blocks)) return 'report'
  if (looksLikeSpecial(blocks)) return 'special'
  return isTranslation(blocks) ? 'translation' : 'report'
}

async function recogniseBlocks(payload: Payload, blocks: Block[], options: ImportOptions): Promise<Recognised> {
  const known = await knownNames(payload)
  const placed = Boolean(options.issue || options.section)
  const kind = kindOf(blocks, options)
  if (kind === 'translation' || (placed && !options.as && (isTranslation(blocks) || !hasReportHeader(blocks)))) {
    if (placed && (!options.issue || !options.section))
      throw new ImportError('an article placed in an issue needs both --issue <slug> and --section <slug-or-name>')
    return looksLikeListing(blocks) ? recogniseListing(blocks, known.sources) : recogniseArticle(blocks, known.sources)
  }
  if (kind === 'special') return recogniseSpecial(blocks)
  return recogniseReport(blocks, {
    knownSections: known.sections,
    knownOutlets: known.sources,
    section: options.section,
  })
}

/** Import one file: parse, recognise, and (unless a dry run) write it in one transaction. */
export async function importFile(
  payload: Payload,
  name: string,
  data: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = path.basename(name)
  try {
    const platform = detectPlatform(name, data)
    if (platform) {
      const { recognised, written } = await importExport(payload, platform, data, options)
      return { file, ok: true, format: platform, recognised, written, warnings: recognised.warnings }
    }
    const { format, recognised, profile } = await recogniseFile(payload, name, data, options)
    const applied = profile ? { profile } : {}
    if (options.dryRun) return { file, ok: true, format, recognised, warnings: recognised.warnings, ...applied }
    const written =
      recognised.kind === 'report'
        ? await writeReport(payload, recognised, options)
        : recognised.kind === 'special'
          ? await writeSpecial(payload, recognised, options)
          : options.issue && options.section
            ? await writeArticle(payload, recognised, { issue: options.issue, section: options.section }, options)
            : await writeTranslations(payload, recognised, options)
    return { file, ok: true, format, recognised, written, warnings: written.warnings, ...applied }
  } catch (err) {
    return { file, ok: false, warnings: [], error: describeError(name, err) }
  }
}
