/**
 * Page chrome of reports saved from their web pages: navigation and account lines, share
 * buttons, "Related postings" lists and footers. Matched on whole lines, case-insensitively.
 */
const CHROME_LINES: RegExp[] = [
  /^(top|bottom) of page$/,
  /^skip to (main )?content$/,
  /^(admin|log ?in|log ?out|sign ?in|sign ?up|sign ?out|my account|account|menu|home|search|blog|about|contact|more)$/,
  /^(share|share this( post)?|share on .+|facebook|twitter|x|linkedin|whatsapp|email|print|copy link|link copied)$/,
  /^(all posts|see all|recent posts|previous|next|back to top|subscribe|follow us)$/,
  /^\d+ (views?|comments?|likes?)$/,
  /^(comments?|write a comment|log in to leave a comment|post not marked as liked|post was not marked as liked)$/,
  /^(©|\(c\)|copyright ).*/,
  /^all rights reserved\.?$/,
  /^powered (and secured )?by .+/,
  /^updated: .+$/,
  /^\d+ min read$/,
]

/** Headings that start a block of chrome running to the next heading (e.g. "Related postings"). */
const CHROME_HEADINGS =
  /^(related (postings?|posts?|articles?)|recent posts|more from .+|you might also like|comments?)$/i

export const isChromeLine = (text: string): boolean => {
  const t = text.trim().toLowerCase()
  return t === '' || CHROME_LINES.some((re) => re.test(t))
}

export const startsChromeRun = (text: string): boolean => CHROME_HEADINGS.test(text.trim())

/** Elements never part of the content of a saved report page. */
export const CHROME_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'svg',
  'iframe',
  'select',
  'input',
  'textarea',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
])

/** Class, id or role values that mark chrome containers. */
export const CHROME_ATTR =
  /(^|[\s_-])(nav|navbar|menu|share|sharing|social|related|comments?|footer|header|sidebar|breadcrumbs?|cookie|login|account|toolbar|banner|skip|stats|likes|post-meta)([\s_-]|$)/i
