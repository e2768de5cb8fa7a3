import mammoth from 'mammoth'

import { ImportError, type Block } from '../types'
import { parseHtml } from './html'
import { checkZipLimits } from './zipLimits'

/** DOCX via mammoth → HTML → blocks; "line" is the paragraph number in the document. */
export async function parseDocx(data: Uint8Array): Promise<Block[]> {
  checkZipLimits(data)
  let html: string
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) })
    html = result.value
  } catch (err) {
    throw new ImportError(`not a readable Word .docx file (${(err as Error).message})`)
  }
  // One element per line, so that the line numbers count paragraphs.
  const blocks = parseHtml(html.replace(/<\/(p|h[1-6]|li)>/g, '</$1>\n'))
  return blocks
}
