import { ImportError, type Format } from '../types'

/** Files larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
/** `%PDF-` */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]

const startsWith = (data: Uint8Array, magic: number[]): boolean => magic.every((byte, i) => data[i] === byte)

/** Pick the format from the name, confirmed by the content (a DOCX is a zip; HTML starts with a tag). */
export function detectFormat(name: string, data: Uint8Array): Format {
  const lower = name.toLowerCase()
  if (lower.endsWith('.pdf') || startsWith(data, PDF_MAGIC)) return 'pdf'
  if (lower.endsWith('.docx') || startsWith(data, ZIP_MAGIC)) return 'docx'
  if (/\.(html?|xhtml)$/.test(lower)) return 'html'
  if (/\.(md|markdown)$/.test(lower)) return 'md'
  const head = Buffer.from(data.subarray(0, 512)).toString('utf8').trimStart().toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html'
  return 'txt'
}

/**
 * Refuse what cannot be a report before parsing: empty, too large, binary, or not UTF-8. Returns
 * the decoded text for the text formats (DOCX is decoded by its own reader).
 */
export function checkFile(data: Uint8Array, format: Format): string | undefined {
  if (data.byteLength === 0) throw new ImportError('the file is empty')
  if (data.byteLength > MAX_IMPORT_BYTES) {
    const mb = (data.byteLength / 1024 / 1024).toFixed(1)
    throw new ImportError(`the file is ${mb} MB, over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit for one report`)
  }
  if (format === 'docx') {
    if (!startsWith(data, ZIP_MAGIC)) throw new ImportError('not a Word .docx file (it is not a zip package)')
    return undefined
  }
  if (format === 'pdf') {
    if (!startsWith(data, PDF_MAGIC)) throw new ImportError('not a PDF file (it does not start with %PDF-)')
    return undefined
  }
  const sample = data.subarray(0, 8192)
  if (sample.includes(0)) throw new ImportError('binary data, not a text report (NUL bytes found)')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    const line = firstInvalidLine(data)
    throw new ImportError('unreadable encoding: the file is not valid UTF-8 (save it as UTF-8 and try again)', line)
  }
  text = text.replace(/^\uFEFF/, '')
  if (!text.trim()) throw new ImportError('the file is empty (only white space)')
  return text
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstInvalidLine(data: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 1
  let start = 0
  for (let i = 0; i <= data.length; i++) {
    if (i === data.length || data[i] === 0x0a) {
      try {
        decoder.decode(data.subarray(start, i))
      } catch {
        return line
      }
      line++
      start = i + 1
    }
  }
  return line
}
