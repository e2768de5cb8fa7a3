import fs from 'node:fs'

import { SingleBar } from 'cli-progress'

import { fail, withPayload } from '../cli/context'
import { profileNamed } from './correct/profiles'
import { expandInputs } from './inputs'
import { describeWrittenExport, type ExportSummary } from './platforms'
import { describeError, importFile, type ImportOptions, type ImportResult } from './run'
import { describeBlocks, describeRecognised, resultsJson, summaryTable } from './summary'

/**
 * Import files one by one (each in its own transaction): a directory gives its importable files in
 * name order, a url-list the pages it names. Returns the exit code.
 */
export async function runImport(paths: string[], options: ImportOptions & { json?: boolean }): Promise<number> {
  return withPayload(async (payload) => {
    // An unknown profile is a bad argument: refused before any file is read.
    if (options.profile) await profileNamed(payload, options.profile).catch((err: Error) => fail(err.message))
    const files = await expandInputs(paths)
    const many = files.length > 1 || paths.some((p) => fs.statSync(p).isDirectory() || /\.zip$/i.test(p))
    const bar = many
      ? new SingleBar({
          format: 'importing [{bar}] {value}/{total} {file}',
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 500,
        })
      : undefined
    bar?.start(files.length, 0, { file: '' })
    const results: ImportResult[] = []
    for (const { label, read } of files) {
      bar?.update({ file: label })
      let input: { name: string; data: Buffer }
      try {
        input = await read()
      } catch (err) {
        results.push({ file: label, ok: false, warnings: [], error: describeError(label, err) })
        bar?.increment()
        continue
      }
      const result = await importFile(payload, input.name, input.data, options)
      if (label !== input.name) result.file = label
      results.push(result)
      bar?.increment()
      if (!many && !options.json) report(result, options)
    }
    bar?.stop()
    if (options.json) {
      console.log(resultsJson(results, Boolean(options.dryRun)))
      for (const r of results) if (!r.ok) console.error(`briefing: ${r.error}`)
    } else if (many) {
      if (options.dryRun)
        results
          .filter((r) => r.ok && r.recognised)
          .forEach((r) => console.log(`== ${r.file}\n${describeRecognised(r.recognised!)}\n`))
      console.log(summaryTable(results))
      for (const r of results) if (!r.ok) console.error(`briefing: ${r.error}`)
    }
    return results.every((r) => r.ok) ? 0 : 1
  })
}

function report(r: ImportResult, options: ImportOptions): void {
  if (!r.ok) {
    console.error(`briefing: ${r.error}`)
    return
  }
  if (r.profile) console.log(`profile "${r.profile}" applied`)
  if (options.dryRun) {
    console.log(`dry run of ${r.file} (${r.format}): nothing was written\n${describeRecognised(r.recognised!)}`)
    if (r.recognised && r.recognised.kind !== 'export') console.log(describeBlocks(r.recognised.blocks))
    return
  }
  const w = r.written!
  if (r.recognised?.kind === 'export') {
    console.log(describeWrittenExport(r.file, w as ExportSummary))
    for (const warning of w.warnings) console.log(`warning: ${warning}`)
    return
  }
  if (w.kind === 'translations') {
    console.log(
      `imported ${r.file} → ${w.items} translation(s) (${w.status}${w.replaced ? ', replaced the previous import' : ''}): ` +
        `${w.slugs!.map((s) => `/translations/${s}`).join(', ')}; ${w.terms} term(s) (${w.newTerms} new), ${w.sources} source(s) (${w.newSources} new)`,
    )
  } else
    console.log(
      `imported ${r.file} → ${w.kind === 'special' ? 'special ' : ''}issue ${w.issue} (${w.status}${w.replaced ? ', replaced the previous import' : ''}): ` +
        `${w.sections} section(s), ${w.items} item(s), ${w.terms} term(s) (${w.newTerms} new), ${w.sources} source(s) (${w.newSources} new)`,
    )
  for (const warning of w.warnings) console.log(`warning: ${warning}`)
}
