import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

import { ImportError } from '../types'
import type { ParsedFile } from './index'

/** Bounds of the parse thread: a file that needs more is refused; the server's own thread never waits. */
export const PARSE_LIMITS = { maxOldGenerationSizeMb: 768, timeoutMs: 60_000 }

type Outcome = { ok: true; parsed: ParsedFile } | { ok: false; importError: boolean; message: string; line?: number }
type Answer = { id: number } & Outcome
/** Settled by the module copy that asked (its own ImportError class), whichever copy started the thread. */
type Pending = { settle: (outcome: Outcome) => void; timer: NodeJS.Timeout }

/**
 * The worker's bootstrap, evaluated as a string so that the bundler (Next compiles this module for
 * the API routes) leaves it alone: Turbopack takes any other `new Worker(path)` for a module to
 * bundle. It imports the built parser as it is, or loads TypeScript through tsx first, as
 * bin/briefing.mjs does (with the same referenced timer, so the thread does not end while tsx is
 * still compiling).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads')
const keepAlive = setInterval(() => {}, 60000)
const ready = workerData.typescript ? import('tsx/esm/api').then((tsx) => tsx.register()) : Promise.resolve()
ready.then(() => import(workerData.entry)).finally(() => clearInterval(keepAlive))
`

/**
 * The built parse thread (dist/parseWorker.mjs, `npm run build:server`) when this module runs from
 * the built bundle beside it; undefined when it runs as TypeScript (tsx, or Next's own bundle).
 */
function builtEntry(): string | undefined {
  try {
    const here = fileURLToPath(import.meta.url)
    const file = path.join(path.dirname(here), 'parseWorker.mjs')
    return here.endsWith('.mjs') && fs.existsSync(file) ? pathToFileURL(file).href : undefined
  } catch {
    return undefined // not a file: URL
  }
}

/** A new parse thread: the built entry as it is, or the TypeScript source through tsx. */
function startWorker(): Worker {
  const built = builtEntry()
  const source = pathToFileURL(path.resolve('src', 'importer', 'formats', 'parseWorker.ts')).href
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: built ?? source, typescript: !built },
    resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.maxOldGenerationSizeMb },
    stdout: false,
    stderr: false,
  })
}

type Thread = { worker: Worker; pending: Map<number, Pending>; nextId: number }
/**
 * One parse thread per process, on globalThis: Next's bundle of the API routes and the express
 * server's own modules are two copies of this module, and both should use the thread started at boot.
 */
const shared = globalThis as typeof globalThis & { briefingParseThread?: Thread }

/** Fail every parse still waiting on a thread that stopped, and forget the thread. */
function stopped(worker: Worker, failure: Outcome) {
  const thread = shared.briefingParseThread
  if (thread?.worker !== worker) return
  for (const p of thread.pending.values()) {
    clearTimeout(p.timer)
    p.settle(failure)
  }
  shared.briefingParseThread = undefined
}

const OUT_OF_MEMORY = 'reading the file needs more memory than an import may use; it is refused'

/** The parse thread, started on first use and kept (starting one costs a TypeScript load). */
function parseThread(): Thread {
  if (shared.briefingParseThread) return shared.briefingParseThread
  const worker = startWorker()
  worker.unref()
  const pending = new Map<number, Pending>()
  worker.on('message', ({ id, ...outcome }: Answer) => {
    const p = pending.get(id)
    if (!p) return
    pending.delete(id)
    clearTimeout(p.timer)
    p.settle(outcome)
  })
  worker.on('error', (err: Error & { code?: string }) =>
    stopped(worker, {
      ok: false,
      importError: err.code === 'ERR_WORKER_OUT_OF_MEMORY',
      message: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : err.message,
    }),
  )
  worker.on('exit', (code) =>
    stopped(worker, { ok: false, importError: false, message: `the import parser stopped (exit code ${code})` }),
  )
  shared.briefingParseThread = { worker, pending, nextId: 0 }
  return shared.briefingParseThread
}

/** Start the parse thread ahead of the first import (the server does at start). */
export const startParseThread = (): void => void parseThread()

/**
 * Parse an uploaded file in a worker thread (src/importer/formats/parseWorker.ts), so that a large or
 * hostile file (a zip bomb, a huge page) costs that thread, not the server answering other requests.
 * A file that runs out of the thread's memory or time is refused and the thread is replaced.
 */
export function parseFileInWorker(name: string, data: Uint8Array): Promise<ParsedFile> {
  const thread = parseThread()
  const { worker, pending } = thread
  const id = ++thread.nextId
  return new Promise<ParsedFile>((resolve, reject) => {
    const settle = (outcome: Outcome) => {
      if (outcome.ok) resolve(outcome.parsed)
      else reject(outcome.importError ? new ImportError(outcome.message, outcome.line) : new Error(outcome.message))
    }
    const timer = setTimeout(() => {
      pending.delete(id)
      reject(new ImportError(`reading the file took longer than ${PARSE_LIMITS.timeoutMs / 1000} s; it is refused`))
      void worker.terminate()
    }, PARSE_LIMITS.timeoutMs)
    pending.set(id, { settle, timer })
    worker.postMessage({ id, name, data })
  })
}
