import { ImportError, type Block, type Format } from '../types'
import { checkFile, detectFormat } from './detect'
import { parseDocx } from './docx'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'
import { parsePdf } from './pdf'
import { parseText } from './text'

export type ParsedFile = { format: Format; blocks: Block[] }

/** Any supported file → the common block stream. Throws ImportError for what is not a report. */
export async function parseFile(name: string, data: Uint8Array): Promise<ParsedFile> {
  const format = detectFormat(name, data)
  const text = checkFile(data, format)
  const blocks =
    format === 'docx'
      ? await parseDocx(data)
      : format === 'pdf'
        ? await parsePdf(data)
        : format === 'html'
          ? parseHtml(text!)
          : format === 'md'
            ? parseMarkdown(text!)
            : parseText(text!)
  if (!blocks.length) throw new ImportError('the file has no text content')
  return { format, blocks }
}
