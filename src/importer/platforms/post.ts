import { parseHtml } from '../formats/html'
import { appendBody, finishItem } from '../recognise/items'
import type { ImportedPost } from './types'

/** "2024-03-05 09:30:00", an ISO time or an RFC 822 date → the ISO day, or undefined. */
export function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim() || value.startsWith('0000')) return undefined
  const iso = /^(\d{4}-\d{2}-\d{2})[ T]/.exec(value.trim())
  if (iso) return iso[1]
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10)
}

const httpUrl = (value: unknown): string | undefined =>
  typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim()) ? value.trim() : undefined

export type PostFields = {
  importKey: string
  title: string
  html: string
  date?: string
  author?: string
  tags?: string[]
  url?: unknown
  published: boolean
  line?: number
}

/** A platform post → an item: its HTML read like a saved page (paragraphs, lists), glosses as terms. */
export function toPost(fields: PostFields): ImportedPost {
  const post: ImportedPost = {
    headline: fields.title.trim() || undefined,
    date: fields.date,
    body: [],
    sources: [],
    terms: [],
    line: fields.line ?? 1,
    articleUrl: httpUrl(fields.url),
    credit: fields.author?.trim() || undefined,
    importKey: fields.importKey,
    tags: [...new Set((fields.tags ?? []).map((t) => t.trim()).filter(Boolean))],
    published: fields.published,
  }
  for (const block of parseHtml(`<body>${fields.html}</body>`)) {
    if (block.kind === 'heading' && !post.body.length && block.text === post.headline) continue
    appendBody(post, block)
  }
  finishItem(post, [])
  return post
}
