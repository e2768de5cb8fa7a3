import fs from 'node:fs'
import path from 'node:path'

import { MAX_IMPORT_BYTES } from './formats/detect'

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

/** One input per file: a directory gives its importable files (sorted), a url-list its pages. */
export function expandInputs(paths: string[]): Input[] {
  return paths.flatMap((p): Input[] => {
    if (fs.statSync(p).isDirectory()) {
      return fs
        .readdirSync(p, { withFileTypes: true })
        .filter((d) => d.isFile() && IMPORTABLE.test(d.name) && !d.name.startsWith('.'))
        .map((d) => d.name)
        .sort()
        .flatMap((n) => expandInputs([path.join(p, n)]))
    }
    const urls = urlList(p)
    if (urls) return urls.map((url) => ({ label: url, read: () => fetchPage(url) }))
    return [{ label: p, read: async () => ({ name: p, data: fs.readFileSync(p) }) }]
  })
}
