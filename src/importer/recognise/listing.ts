import { ImportError, type Block, type ImportedArticle, type ImportedListing, type RoledBlock } from '../types'
import { dateUpdateNotes, parseLongDate, recogniseArticle } from './article'

/** "Posted on", "Posted on March 3, 2016 Updated on …": the line under each post's title. */
const POSTED = /^Posted on\b(.*)$/i
/** The cut a blog listing makes in a long post. */
const READ_MORE = /\s*(?:…\s*)?(?:Read the rest of this entry|Continue reading|Read more)\s*(?:»|→|\.\.\.|…)?\s*$/i
const DATE_IN = /([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})/

/** True when the page holds several posts, each a title and a "Posted on …" line. */
export const looksLikeListing = (blocks: Block[]): boolean => blocks.some((b, i) => i > 0 && POSTED.test(b.text))

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()

/** One post: its title, "Posted on" line and body blocks, with "Read the rest" cut off. */
function recognisePost(title: Block, posted: Block, body: Block[], outlets: string[]): ImportedArticle {
  let cut = false
  const blocks = body.flatMap((b, i) => {
    // Many blogs print a post's title again as its first paragraph.
    if (i === 0 && sameText(b.text, title.text)) return []
    if (!READ_MORE.test(b.text)) return [b]
    cut = true
    const text = b.text.replace(READ_MORE, '').trim()
    return text ? [{ ...b, text }] : []
  })
  const [postedPart, updatedPart] = POSTED.exec(posted.text)![1].split(/\bUpdated on\b/i)
  const day = (part?: string) => {
    const found = part && DATE_IN.exec(part)?.[1]
    return found ? parseLongDate(found) : undefined
  }
  const post = blocks.length
    ? recogniseArticle(blocks, outlets, { headline: title.text, line: title.line })
    : emptyPost(title)
  const [postedAt, revisedAt] = [day(postedPart), day(updatedPart)]
  if (postedAt) post.item.postedAt = postedAt
  if (revisedAt) post.item.revisedAt = revisedAt
  dateUpdateNotes(post.item, post.warnings)
  if (cut) post.item.isExcerpt = true
  post.warnings = post.warnings
    // A listing page carries no URL or original date for its posts: no need to say so for each.
    .filter((w) => !/^no (original date|article URL) found/.test(w))
    .map((w) => `post "${title.text.slice(0, 50)}" (line ${title.line}): ${w}`)
  const dropped = new Set(body.filter((b) => !blocks.some((k) => k.line === b.line)).map((b) => b.line))
  const roled: RoledBlock[] = [
    { line: title.line, text: title.text, role: 'headline' },
    { line: posted.line, text: posted.text, role: 'date-line' },
    ...post.blocks,
    ...[...dropped].map((line) => ({ line, text: body.find((b) => b.line === line)!.text, role: 'chrome' as const })),
  ]
  post.blocks = roled.sort((a, b) => a.line - b.line)
  return post
}

const emptyPost = (title: Block): ImportedArticle => ({
  kind: 'article',
  item: { headline: title.text, body: [], sources: [], terms: [], line: title.line },
  warnings: ['the post has no text on this page'],
  blocks: [],
})

/**
 * A blog listing: one post per "Posted on" line (the line above it is the title). Each post is
 * recognised as a translated article; posts cut by "Read the rest of this entry »" are excerpts.
 */
export function recogniseListing(blocks: Block[], knownOutlets: string[] = []): ImportedListing {
  const starts = blocks.flatMap((b, i) => (i > 0 && POSTED.test(b.text) ? [i - 1] : []))
  if (!starts.length) throw new ImportError('not a listing of posts: no "Posted on" line', blocks[0]?.line)
  const warnings: string[] = []
  const lead = blocks.slice(0, starts[0])
  for (const b of lead) warnings.push(`line ${b.line}: left out "${b.text.slice(0, 60)}" (before the first post)`)
  const posts = starts.map((start, n) =>
    recognisePost(blocks[start], blocks[start + 1], blocks.slice(start + 2, starts[n + 1]), knownOutlets),
  )
  return {
    kind: 'listing',
    posts,
    warnings: [...warnings, ...posts.flatMap((p) => p.warnings)],
    blocks: [
      ...lead.map((b) => ({ line: b.line, text: b.text, role: 'body' as const })),
      ...posts.flatMap((p) => p.blocks),
    ],
  }
}
