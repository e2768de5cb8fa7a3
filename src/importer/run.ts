import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import { parseFile } from './formats'
import { parseFileInWorker } from './formats/inWorker'
import { detectPlatform, importExport, type ImportedExport } from './platforms'
import type { Platform } from './platforms/types'
import { looksLikeArticle, recogniseArticle } from './recognise/article'
import { recogniseReport } from './recognise/report'
import { ImportError, type Format, type ImportedArticle, type ImportedReport } from './types'
import { writeArticle } from './writer/article'
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
}

export type ImportResult = {
  file: string
  ok: boolean
  format?: Format | Platform
  recognised?: ImportedReport | ImportedArticle | ImportedExport
  written?: WriteSummary
  warnings: string[]
  error?: string
}

/** "report.txt:12: message" or "report.txt: message". */
export const describeError = (file: string, err: unknown): string => {
  const name = path.basename(file)
  if (err instanceof ImportError) return err.line ? `${name}:${err.line}: ${err.message}` : `${name}: ${err.message}`
  return `${name}: ${(err as Error).message ?? String(err)}`
}

/** Recognise one file (no writes): a weekly report, or a single article when a placement is given. */
export async function recogniseFile(payload: Payload, name: string, data: Uint8Array, options: ImportOptions = {}) {
  const { format, blocks } = await (options.inWorker ? parseFileInWorker : parseFile)(name, data)
  const known = await knownNames(payload)
  const placed = Boolean(options.issue || options.section)
  if (placed && looksLikeArticle(blocks)) {
    if (!options.issue || !options.section)
      throw new ImportError('an article needs both --issue <slug> and --section <slug-or-name>')
    return { format, recognised: recogniseArticle(blocks, known.sources) }
  }
  return { format, recognised: recogniseReport(blocks, { knownSections: known.sections, knownOutlets: known.sources }) }
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
    const { format, recognised } = await recogniseFile(payload, name, data, options)
    if (options.dryRun) return { file, ok: true, format, recognised, warnings: recognised.warnings }
    const written =
      recognised.kind === 'article'
        ? await writeArticle(payload, recognised, { issue: options.issue!, section: options.section! }, options)
        : await writeReport(payload, recognised, options)
    return { file, ok: true, format, recognised, written, warnings: written.warnings }
  } catch (err) {
    return { file, ok: false, warnings: [], error: describeError(name, err) }
  }
}
