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

/**
 * What a source block was recognised as. Every block of a file gets one, so that a correction step
 * can show it and let an editor change it (docs/import.md lists them).
 */
export type Role =
  | 'header'
  | 'highlight'
  | 'section-heading'
  | 'headline'
  | 'original-title'
  | 'date-line'
  | 'body'
  | 'source'
  | 'url'
  | 'credit'
  | 'excerpt'
  | 'chrome'

/** One source block with the role it was given (in file order). */
export type RoledBlock = { line: number; role: Role; text: string }

export type Format = 'txt' | 'html' | 'md' | 'docx' | 'pdf'

export type BodyBlock = string | { list: 'number' | 'bullet'; items: string[] }

export type TermCandidate = { english: string; original: string; kind: 'term' | 'person' }

export type ImportedItem = {
  headline?: string
  /** ISO day, e.g. 2024-03-05. */
  date?: string
  /** Last day of a date range ("4.15-17" → the 17th), ISO. */
  dateEnd?: string
  /** The "M.D" label ("4.15", or "4.15–17" for a range). */
  dateLabel?: string
  body: BodyBlock[]
  sources: string[]
  terms: TermCandidate[]
  line: number
  articleUrl?: string
  originalTitle?: string
  excerpt?: string
  credit?: string
  /** English paragraphs each followed by their Chinese original, in order (bilingual view). */
  pairs?: Array<{ en: string; zh: string }>
  /** Only the start of the post was on the page ("Read the rest of this entry »"). */
  isExcerpt?: boolean
  /** People credited, with their roles ("Introduction and Translation by X" → introduction, translator). */
  credits?: Credit[]
  /** Authors of the original ("By X"). */
  originalAuthors?: string[]
  /** Paragraphs that introduce the translation ("This is a translation of …") before its text. */
  introduction?: BodyBlock[]
  /** "Update 26 March: …" notes; `date` is ISO when the year is known (from the post or the original). */
  updateNotes?: Array<{ date?: string; label: string; text: string; line: number }>
  /** The Chinese text kept is marked as an excerpt ("Excerpt in Chinese:"). */
  originalIsExcerpt?: boolean
  /** "Posted on … Updated on …" dates of a listing post (ISO). */
  postedAt?: string
  revisedAt?: string
}

export type Credit = { person: string; role: 'translator' | 'introduction' | 'editor' }

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
  /** Every source block with its role (absent when an issue is loaded back for export). */
  blocks?: RoledBlock[]
}

export type ImportedArticle = { kind: 'article'; item: ImportedItem; warnings: string[]; blocks: RoledBlock[] }

/** A page of several posts (a blog listing): each post an article. */
export type ImportedListing = { kind: 'listing'; posts: ImportedArticle[]; warnings: string[]; blocks: RoledBlock[] }

export type ImportedPhoto = { caption: string; credit?: string; line: number }
export type ImportedEntry = { headline: string; body: string[]; photos: ImportedPhoto[]; line: number }
export type ImportedEntryGroup = { heading: string; date?: string; entries: ImportedEntry[]; line: number }

/** A special issue: a topic rather than a week, entries grouped under date headings. */
export type ImportedSpecial = {
  kind: 'special'
  title: string
  subtitle?: string
  publisherLine?: string
  /** Lines between the title and the first date heading ("Xi Jinping at the Two Sessions"). */
  intro: string[]
  groups: ImportedEntryGroup[]
  titleLine: number
  warnings: string[]
  blocks: RoledBlock[]
}

export type Recognised = ImportedReport | ImportedArticle | ImportedListing | ImportedSpecial

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
