import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { ImportError } from '../types'
import { dayOf, toPost } from './post'
import type { ImportedExport } from './types'

type Node = Record<string, unknown>

/** True for a WordPress eXtended RSS file (its root names the wp export namespace). */
export const isWxr = (head: string): boolean => /<rss[\s>]/.test(head) && /wordpress\.org\/export\//.test(head)

const text = (value: unknown): string => {
  if (value === undefined || value === null) return ''
  if (typeof value === 'object') return text((value as Node)['#text'])
  return String(value)
}
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[]

/** Post statuses that are not content: WordPress's own bin and unsaved drafts. */
const SKIPPED_STATUSES = new Set(['trash', 'auto-draft', 'inherit'])

/**
 * A WordPress export (WXR 1.2): every `<item>` whose `wp:post_type` is `post` becomes a post, with
 * its `content:encoded` HTML, `wp:post_date_gmt` (or `pubDate`), the author's display name from
 * `wp:author`, categories and tags; `guid` (else `link`) is its import key.
 */
export function parseWxr(xml: string): ImportedExport {
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    throw new ImportError(`the WordPress export is not well-formed XML (${valid.err.msg})`, valid.err.line)
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    processEntities: true,
    isArray: (name) => ['item', 'category', 'wp:author'].includes(name),
  }).parse(xml) as Node
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined
  if (!channel) throw new ImportError('not a WordPress export: no <rss><channel> element')
  const authors = new Map(
    list(channel['wp:author']).map((a) => [text(a['wp:author_login']), text(a['wp:author_display_name'])]),
  )
  const warnings: string[] = []
  const posts = list(channel.item)
    .filter((item) => text(item['wp:post_type']) === 'post')
    .filter((item) => !SKIPPED_STATUSES.has(text(item['wp:status'])))
    .map((item) => {
      const key = text(item.guid).trim() || text(item.link).trim() || text(item['wp:post_id'])
      const login = text(item['dc:creator'])
      const date =
        dayOf(text(item['wp:post_date_gmt'])) ?? dayOf(text(item['wp:post_date'])) ?? dayOf(text(item.pubDate))
      if (!date) warnings.push(`post "${text(item.title)}" has no date`)
      return toPost({
        importKey: `wordpress:${key}`,
        title: text(item.title),
        html: text(item['content:encoded']),
        date,
        author: authors.get(login) || login,
        tags: list(item.category)
          .filter((c) => ['category', 'post_tag'].includes(text(c['@domain'])))
          .map((c) => text(c)),
        url: text(item.link),
        published: text(item['wp:status']) === 'publish',
      })
    })
  const others = list(channel.item).length - posts.length
  if (others) warnings.push(`${others} item(s) that are not posts (pages, attachments, menus, trash) were left out`)
  return { kind: 'export', platform: 'wordpress', posts, subscribers: [], warnings }
}
