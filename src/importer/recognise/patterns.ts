/** "Weekly Report 4|68 4.16.22-4.22.22" (any dash; two- or four-digit years). */
export const REPORT_HEADER =
  /^(.*?Report)\s+(\d{1,3})\s*\|\s*(\d{1,4})\s+(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/i

/**
 * "3.5 Taking part …": an event date label at the start of a paragraph; also a range, "4.15-17",
 * "3.30-4.2" or "9.16–9.20" (any dash). Groups: start, end (when a range), the text.
 */
export const DATE_PREFIX = /^(\d{1,2}\.\d{1,2})(?:\s*[-–—]\s*(\d{1,2}(?:\.\d{1,2})?))?\s+(\S.*)$/

/** "(See Senior Leaders section)" at the end of a highlight: any case, "section" optional, "." after. */
export const SEE_SECTION = /\s*\(\s*See (?:the )?(.+?)(?: section)?\s*\)\.?\s*$/i

/** A whole line in brackets ("[By …]", "(Photo: …)"), or an author line ("By Jane Doe"): not content. */
export const CAPTION_LINE = /^(?:\[[^\]]+\]|\([^()]+\)|By [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})$/

/** A paragraph ends like a sentence; headlines and section names do not. */
export const SENTENCE_END = /[.:;,]["”’)\]]*$/

export const HAN = /[\u3400-\u9fff]/
