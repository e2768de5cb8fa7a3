import { inflateRawSync } from 'node:zlib'

import { ImportError } from '../types'

/** What a Word report may expand to: far above any real report, far below what hurts the server. */
export const DOCX_LIMITS = { maxEntries: 2000, maxBytes: 64 * 1024 * 1024 }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

/** How refusals name the file: "not a readable <readable> (…)", "the <name> has … parts". */
export type ZipKind = { readable: string; name: string }
const WORD: ZipKind = { readable: 'Word .docx file', name: 'Word file' }

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number }

/** The central directory of a zip archive: every entry with its declared sizes (nothing inflated). */
function centralDirectory(zip: Buffer, kind: ZipKind): Entry[] {
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i
      break
    }
  }
  if (end < 0) throw new ImportError(`not a readable ${kind.readable} (no zip directory)`)
  const count = zip.readUInt16LE(end + 10)
  const offset = zip.readUInt32LE(end + 16)
  if (count === 0xffff || offset === 0xffffffff) throw new ImportError(`not a readable ${kind.readable} (zip64)`)
  if (count > DOCX_LIMITS.maxEntries) {
    throw new ImportError(`the ${kind.name} has ${count} parts; at most ${DOCX_LIMITS.maxEntries} are accepted`)
  }
  const entries: Entry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) {
      throw new ImportError(`not a readable ${kind.readable} (broken zip directory)`)
    }
    const nameLength = zip.readUInt16LE(at + 28)
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    })
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return entries
}

const tooLarge = (kind: ZipKind) =>
  new ImportError(`the ${kind.name} expands to more than ${mb(DOCX_LIMITS.maxBytes)}; it is refused (a zip bomb?)`)

/** Inflate one entry, never producing more than `budget` bytes whatever its header claims. */
function inflateEntry(zip: Buffer, entry: Entry, budget: number, kind: ZipKind): number {
  const at = entry.localOffset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) {
    throw new ImportError(`not a readable ${kind.readable} (broken entry ${entry.name})`)
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data.length
  if (entry.method !== 8) throw new ImportError(`not a readable ${kind.readable} (entry ${entry.name} is not deflated)`)
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw tooLarge(kind)
    throw new ImportError(`not a readable ${kind.readable} (entry ${entry.name}: ${(err as Error).message})`)
  }
}

/**
 * Refuse a zip bomb before any parser sees it: the declared sizes and number of entries first, then
 * every entry is inflated under the remaining budget, since declared sizes can lie.
 */
export function checkZipLimits(data: Uint8Array, kind: ZipKind = WORD): void {
  const zip = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const entries = centralDirectory(zip, kind)
  const declared = entries.reduce((sum, e) => sum + e.size, 0)
  if (declared > DOCX_LIMITS.maxBytes) throw tooLarge(kind)
  let used = 0
  for (const entry of entries) {
    const size = inflateEntry(zip, entry, DOCX_LIMITS.maxBytes - used, kind)
    if (size !== entry.size) {
      throw new ImportError(`not a readable ${kind.readable} (entry ${entry.name} is not the size it declares)`)
    }
    used += size
  }
}
