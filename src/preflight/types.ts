/** One preflight finding: `block` stops publishing and sending (unless an editor overrides), `warn` informs. */
export type Problem = {
  code: string
  severity: 'block' | 'warn'
  message: string
  item?: number | string
  section?: number | string
}

/** An item as the checks read it (latest version, drafts included). */
export type PreflightItem = {
  id: number | string
  title?: string | null
  headline?: string | null
  body?: unknown
  date?: string | null
  dateEnd?: string | null
  sources?: unknown[] | null
  articleUrl?: string | null
  originalTitle?: string | null
  excerpt?: string | null
  section?: unknown
  sectionStyle?: string | null
  status?: string | null
  terms?: unknown[] | null
}

/** The issue with its items in reading order (sections in the issue's order, items by position). */
export type PreflightIssue = {
  id: number | string
  label: string
  kind: string
  periodStart?: string | null
  periodEnd?: string | null
  highlights: Array<{ section?: unknown; item?: unknown }>
  sections: Array<number | string>
  coverImage?: unknown
  entries: Array<{ headline?: string | null; photos?: Array<{ image?: unknown; credit?: string | null }> | null }>
  items: PreflightItem[]
}

/** Who an item is, for messages: its stored title (headline, or a brief's date and first words). */
export const itemName = (item: PreflightItem): string =>
  `"${(item.title || item.headline || `Item ${item.id}`).slice(0, 80)}"`
