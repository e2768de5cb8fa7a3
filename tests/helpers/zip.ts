import { constants, crc32, deflateRawSync } from 'node:zlib'

/** One entry of a hand-built zip: its data already deflated, and the sizes its headers will claim. */
export type ZipEntry = { name: string; deflated: Buffer; size: number; crc: number }

export const entry = (name: string, content: string | Buffer): ZipEntry => {
  const data = Buffer.from(content)
  return { name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) }
}

/**
 * `megabytes` MB of zeros as one raw deflate stream, built from one compressed megabyte repeated
 * (full-flush blocks can be concatenated), so the test never holds the expanded data: ~1 KB per MB.
 */
export const zeros = (name: string, megabytes: number): ZipEntry => {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH })
  const end = deflateRawSync(Buffer.alloc(0))
  return {
    name,
    deflated: Buffer.concat([...Array.from({ length: megabytes }, () => block), end]),
    size: megabytes * 1024 * 1024,
    crc: 0,
  }
}

type Field = [at: number, value: number, bytes: 2 | 4]

/** A little-endian record: a 4-byte signature, then its fields. */
const record = (length: number, signature: number, fields: Field[]): Buffer => {
  const b = Buffer.alloc(length)
  b.writeUInt32LE(signature, 0)
  for (const [at, value, bytes] of fields) {
    if (bytes === 2) b.writeUInt16LE(value, at)
    else b.writeUInt32LE(value >>> 0, at)
  }
  return b
}

/** A zip archive (local headers, data, central directory, end record) as the format describes it. */
export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    // crc, compressed size, size and name length: at 14 in a local header, at 16 in the directory.
    const sizes = (at: number): Field[] => [
      [at, e.crc, 4],
      [at + 4, e.deflated.length, 4],
      [at + 8, e.size, 4],
      [at + 12, name.length, 2],
    ]
    const local = record(30, 0x04034b50, [[4, 20, 2], [8, 8, 2], ...sizes(14)])
    const dir = record(46, 0x02014b50, [[4, 20, 2], [6, 20, 2], [10, 8, 2], ...sizes(16), [42, offset, 4]])
    parts.push(local, name, e.deflated)
    central.push(dir, name)
    offset += 30 + name.length + e.deflated.length
  }
  const directory = Buffer.concat(central)
  const end = record(22, 0x06054b50, [
    [8, entries.length, 2],
    [10, entries.length, 2],
    [12, directory.length, 4],
    [16, offset, 4],
  ])
  return Buffer.concat([...parts, directory, end])
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>'

/** A .docx whose document part is `megabytes` MB of zeros; `claimed` overrides the size it declares. */
export const docxBomb = (megabytes: number, claimed?: number): Buffer => {
  const body = zeros('word/document.xml', megabytes)
  return zip([entry('[Content_Types].xml', CONTENT_TYPES), { ...body, size: claimed ?? body.size }])
}

/** A .docx of `count` tiny parts. */
export const docxOfManyParts = (count: number): Buffer =>
  zip([
    entry('[Content_Types].xml', CONTENT_TYPES),
    ...Array.from({ length: count }, (_, i) => entry(`word/part${i}.xml`, '<x/>')),
  ])
