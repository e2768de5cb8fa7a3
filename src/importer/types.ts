/** One block of a document after format parsing: every format becomes this stream. */
export type Block = {
  kind: 'heading' | 'paragraph' | 'list-item'
  text: string
  /** 1-based line in the file (paragraph number for DOCX). */
  line: number
  /** Heading level when the format has one (h1 = 1); bold-only paragraphs count as 3. */
  level?: number
  /** Blank lines before this block (plain text); 2 or more marks a section in the text format. */
  gapBefore?: number
  ordered?: boolean
}

export type Format = 'txt' | 'html' | 'md' | 'docx' | 'pdf'

export type BodyBlock = string | { list: 'number' | 'bullet'; items: string[] }

export type TermCandidate = { english: string; original: string; kind: 'term' | 'person' }

export type ImportedItem = {
  headline?: string
  /** ISO day, e.g. 2024-03-05. */
  date?: string
  /** The "M.D" label as written. */
  dateLabel?: string
  body: BodyBlock[]
  sources: string[]
  terms: TermCandidate[]
  line: number
  articleUrl?: string
  originalTitle?: string
  excerpt?: string
  credit?: string
}

export type ImportedSection = { name: string; style: 'full' | 'brief'; items: ImportedItem[]; line: number }

export type ImportedHighlight = { text: string; section?: string; line: number }

export type ImportedReport = {
  kind: 'report'
  title: string
  volume: number
  number: number
  periodStart: string
  periodEnd: string
  highlights: ImportedHighlight[]
  /** Glossary candidates named in the highlights (items carry their own). */
  highlightTerms: TermCandidate[]
  sections: ImportedSection[]
  headerLine: number
  warnings: string[]
}

export type ImportedArticle = { kind: 'article'; item: ImportedItem; warnings: string[] }

/** A problem in one file, with the line it was found on when known. */
export class ImportError extends Error {
  constructor(
    message: string,
    public line?: number,
  ) {
    super(message)
    this.name = 'ImportError'
  }
}
