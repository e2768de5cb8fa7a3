import { ImportError, type Block, type Format } from '../types'
import { splitChrome } from './chrome'
import { checkFile, detectFormat } from './detect'
import { parseDocx } from './docx'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'
import { parsePdf } from './pdf'
import { parseText } from './text'

/** The content blocks, and the page chrome left out of them (kept to show its role). */
export type ParsedFile = { format: Format; blocks: Block[]; chrome: Block[] }

/** Any supported file → the common block stream. Throws ImportError for what is not a report. */
export async function parseFile(name: string, data: Uint8Array): Promise<ParsedFile> {
  const format = detectFormat(name, data)
  const text = checkFile(data, format)
  const parsed =
    format === 'docx'
      ? await parseDocx(data)
      : format === 'pdf'
        ? await parsePdf(data)
        : format === 'html'
          ? parseHtml(text!)
          : format === 'md'
            ? parseMarkdown(text!)
            : parseText(text!)
  const { kept: blocks, chrome } = splitChrome(parsed)
  if (!blocks.length) throw new ImportError('the file has no text content')
  return { format, blocks, chrome }
}
