import fs from 'node:fs'
import path from 'node:path'

import JSZip from 'jszip'

import { MAX_IMPORT_BYTES } from './formats/detect'
import { isSubstackZip } from './platforms/substack'

/** Files a directory import takes: reports, pages, exports and archives of exports. */
export const IMPORTABLE = /\.(txt|text|html?|xhtml|md|markdown|docx|pdf|xml|json|zip)$/i
/** How long one page of a url-list may take to arrive. */
export const URL_TIMEOUT_MS = 30_000

/** One thing to import: a file on disk, or a page named in a url-list (fetched when read). */
export type Input = { label: string; read: () => Promise<{ name: string; data: Buffer }> }

const LINE_URL = /^https?:\/\/\S+$/i

/** The URLs of a url-list (a .txt whose every non-blank line is an http(s) URL); undefined otherwise. */
export function urlList(file: string): string[] | undefined {
  if (!/\.txt$/i.test(file) || fs.statSync(file).size > 1024 * 1024) return undefined
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  return lines.length && lines.every((l) => LINE_URL.test(l)) ? lines : undefined
}

/** A name for a fetched page: its last path part, with the extension its content type calls for. */
function pageName(url: string, contentType: string): string {
  const u = new URL(url)
  const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).at(-1) ?? u.hostname)
  const ext = /pdf/.test(contentType)
    ? '.pdf'
    : /html/.test(contentType)
      ? '.html'
      : /markdown/.test(contentType)
        ? '.md'
        : /json/.test(contentType)
          ? '.json'
          : '.txt'
  const stem = last.replace(/\.[a-z0-9]{1,5}$/i, '') || 'page'
  return `${stem}${ext}`
}

/** Fetch one page with a timeout and a size cap (the body is read no further than the cap). */
export async function fetchPage(url: string): Promise<{ name: string; data: Buffer }> {
  let res: Response
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(URL_TIMEOUT_MS), redirect: 'follow' })
  } catch (err) {
    const e = err as Error
    const why = e.name === 'TimeoutError' ? `no answer within ${URL_TIMEOUT_MS / 1000} s` : e.message
    throw new Error(`could not fetch ${url}: ${why}`)
  }
  if (!res.ok) throw new Error(`could not fetch ${url}: HTTP ${res.status}`)
  const cap = MAX_IMPORT_BYTES
  const chunks: Buffer[] = []
  let size = 0
  const reader = res.body?.getReader()
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    size += part.value.byteLength
    if (size > cap) {
      await reader!.cancel().catch(() => undefined)
      throw new Error(`could not fetch ${url}: the page is over the ${cap / 1024 / 1024} MB limit for one file`)
    }
    chunks.push(Buffer.from(part.value))
  }
  return { name: pageName(url, res.headers.get('content-type') ?? ''), data: Buffer.concat(chunks) }
}

/** One entry of a zip, read no further than the size limit of one file (a zip bomb stops there). */
function readEntry(entry: JSZip.JSZipObject): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stream = entry.nodeStream('nodebuffer')
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_IMPORT_BYTES) return void chunks.push(chunk)
        stream.pause()
        stream.removeAllListeners('data')
        reject(new Error(`${entry.name} is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit for one file`))
      })
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/**
 * A zip of documents (saved pages, reports): each importable entry in name order, labelled
 * `archive.zip:path`. A platform export (Substack's zip) or a file that is no zip stays one input:
 * the importer reads it as a whole, or says what is wrong with it.
 */
async function zipInputs(p: string): Promise<Input[] | undefined> {
  if (!/\.zip$/i.test(p)) return undefined
  const data = fs.readFileSync(p)
  if (isSubstackZip(data)) return undefined
  const zip = await JSZip.loadAsync(data).catch(() => null)
  if (!zip) return undefined
  return Object.values(zip.files)
    .filter((e) => !e.dir && IMPORTABLE.test(e.name) && !/(^|\/)(\.|__MACOSX\/)/.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      label: `${path.basename(p)}:${name}`,
      read: async () => ({ name: path.basename(name), data: await readEntry(zip.file(name)!) }),
    }))
}

/**
 * One input per file: a directory gives its importable files (sorted), a zip of documents its
 * entries, a url-list its pages.
 */
export async function expandInputs(paths: string[]): Promise<Input[]> {
  const inputs: Input[] = []
  for (const p of paths) {
    if (fs.statSync(p).isDirectory()) {
      const names = fs
        .readdirSync(p, { withFileTypes: true })
        .filter((d) => d.isFile() && IMPORTABLE.test(d.name) && !d.name.startsWith('.'))
        .map((d) => d.name)
        .sort()
      inputs.push(...(await expandInputs(names.map((n) => path.join(p, n)))))
      continue
    }
    const urls = urlList(p)
    if (urls) {
      inputs.push(...urls.map((url) => ({ label: url, read: () => fetchPage(url) })))
      continue
    }
    inputs.push(...((await zipInputs(p)) ?? [{ label: p, read: async () => ({ name: p, data: fs.readFileSync(p) }) }]))
  }
  return inputs
}
