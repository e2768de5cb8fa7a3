import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

import { ImportError } from '../types'
import type { ParsedFile } from './index'

/** Bounds of one parse: a file that needs more is refused, and the server's own thread never waits on it. */
export const PARSE_LIMITS = { maxOldGenerationSizeMb: 768, timeoutMs: 60_000 }

type Answer = { ok: true; parsed: ParsedFile } | { ok: false; importError: boolean; message: string; line?: number }

/**
 * The worker's bootstrap, evaluated as a string so that the bundler (Next compiles this module for
 * the API routes) leaves it alone: load TypeScript through tsx, as bin/briefing.mjs does (with the
 * same referenced timer, so the thread does not end while tsx is still compiling), then the parser.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads')
const keepAlive = setInterval(() => {}, 60000)
import('tsx/esm/api')
  .then((tsx) => { tsx.register(); return import(workerData.entry) })
  .finally(() => clearInterval(keepAlive))
`

/**
 * Parse an uploaded file in a worker thread (src/importer/formats/parseWorker.ts), so that a large or
 * hostile file (a zip bomb, a huge page) costs that thread, not the server answering other requests.
 * Resolved from the working directory, the project root (as for data/ and the database).
 */
export function parseFileInWorker(name: string, data: Uint8Array): Promise<ParsedFile> {
  const entry = pathToFileURL(path.resolve('src', 'importer', 'formats', 'parseWorker.ts')).href
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry, name, data },
    resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.maxOldGenerationSizeMb },
    stdout: false,
    stderr: false,
  })
  return new Promise<ParsedFile>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ImportError(`reading the file took longer than ${PARSE_LIMITS.timeoutMs / 1000} s; it is refused`))
      void worker.terminate()
    }, PARSE_LIMITS.timeoutMs)
    worker.once('message', (answer: Answer) => {
      if (answer.ok) resolve(answer.parsed)
      else if (answer.importError) reject(new ImportError(answer.message, answer.line))
      else reject(new Error(answer.message))
    })
    worker.once('error', (err: Error & { code?: string }) =>
      reject(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportError('reading the file needs more memory than an import may use; it is refused')
          : err,
      ),
    )
    worker.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the import worker stopped (exit code ${code}) before answering`))
    })
  }).finally(() => void worker.terminate())
}
