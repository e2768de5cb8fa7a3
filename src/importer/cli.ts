import fs from 'node:fs'
import path from 'node:path'

import type { Command } from 'commander'

import { fail, withPayload } from '../cli/context'
import { EXPORT_FORMATS, type ExportFormat } from '../exporter/formats'
import type { ImportKind } from './run'

type ImportOpts = {
  dryRun?: boolean
  json?: boolean
  publish?: boolean
  issue?: string
  section?: string
  archive?: string
  profile?: string
  as?: string
}
type ExportOpts = { issue?: string; translation?: string; format: string; out?: string; all?: boolean }

/** `briefing import` and `briefing export`. */
export function registerImporterCommands(program: Command): void {
  program
    .command('import')
    .description(
      'Import weekly reports (.txt, .html, .md, .docx, .pdf), one translated article, or a WordPress, Substack or Ghost export; or restore an archive',
    )
    .argument('[files...]', 'files, directories (every importable file in them) or url-lists (a .txt of URLs)')
    .option('--as <kind>', 'what the files are, overriding detection: report, special or translation')
    .option('--dry-run', 'print what was recognised (every block with its role) and write nothing')
    .option('--json', 'print the recognised structure (and what was written) as JSON on stdout')
    .option('--publish', 'publish the imported issue (and its items); otherwise it stays a draft')
    .option('--issue <slug>', 'for a single translated article or an export: the issue to place it in (e.g. 3-9)')
    .option('--section <slug-or-name>', 'for a single translated article or an export: the section to place it in')
    .option('--profile <name>', 'apply this import profile (saved corrections) instead of the one that matches')
    .option('--archive <dir>', 'restore an archive written by `briefing export --all` into an empty database')
    .action(async (files: string[], opts: ImportOpts) => {
      if (opts.archive) {
        if (files.length) fail('--archive takes a directory and no files')
        const { runRestore } = await import('./archiveCli')
        return runRestore(opts.archive)
      }
      if (!files.length) fail('name at least one file to import (or --archive <dir>)')
      const missing = files.filter((f) => !fs.existsSync(f))
      if (missing.length) fail(`no such file: ${missing.join(', ')}`)
      const { IMPORT_KINDS } = await import('./run')
      if (opts.as !== undefined && !IMPORT_KINDS.includes(opts.as as ImportKind))
        fail(`--as must be one of ${IMPORT_KINDS.join(', ')} (got "${opts.as}")`)
      const { runImport } = await import('./importCli')
      const code = await runImport(files, { ...opts, as: opts.as as ImportKind | undefined })
      process.exitCode = code
    })

  program
    .command('export')
    .description(
      'Export one issue (weekly or special) or translation as txt, md, html or json; or everything (--all) as an archive',
    )
    .option('--issue <slug>', 'the issue to export (e.g. 3-9, or a special issue)')
    .option('--translation <slug>', 'the translation to export')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'txt')
    .option('--out <path>', 'write to this file (for --all: this directory) instead of stdout')
    .option('--all', 'every collection as JSON lines plus the media files, into --out <dir>')
    .action(async (opts: ExportOpts) => {
      if (opts.all) {
        if (!opts.out) fail('--all needs --out <dir>')
        const { exportArchive } = await import('../exporter/archive')
        await withPayload(async (payload) => {
          const manifest = await exportArchive(payload, opts.out!)
          const total = Object.values(manifest.collections).reduce((a, b) => a + b, 0)
          console.error(
            `exported ${total} documents from ${Object.keys(manifest.collections).length} collections and ${manifest.files} media files to ${opts.out}`,
          )
        }).catch((err: Error) => fail(err.message))
        return
      }
      if (opts.issue && opts.translation) fail('name one thing to export: --issue or --translation, not both')
      if (!opts.issue && !opts.translation)
        fail(
          'name the issue with --issue <slug> or the translation with --translation <slug> (or use --all --out <dir>)',
        )
      if (!EXPORT_FORMATS.includes(opts.format as ExportFormat))
        fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
      const { exportOne } = await import('../exporter/one')
      // withPayload keeps boot notices off stdout: it holds the export alone.
      await withPayload(async (payload) => {
        const { text, what } = await exportOne(payload, opts, opts.format as ExportFormat)
        if (opts.out) {
          fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true })
          fs.writeFileSync(opts.out, text)
          console.error(`wrote ${what} as ${opts.format} to ${opts.out}`)
        } else process.stdout.write(text)
      }).catch((err: Error) => fail(err.message))
    })
}
