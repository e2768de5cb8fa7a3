/**
 * What an editor can compare in a translation's Compare tab: its editions (the law's successive
 * texts) and its saved versions (the whole translation as plain text), read as that editor.
 */
import type { Payload, PayloadRequest } from 'payload'

import { blocksToText, toBlocks } from '../content/richtext'
import { isoDay } from '../lib/dates'
import { asUser } from '../lib/system'
import { slugify } from '../lib/slug'
import type { Translation } from '../payload-types'

/** One side of a comparison: `edition:<slug>` or `version:<id>`, its label and its text. */
export type Comparable = { value: string; label: string; text: string }

const richText = (value: unknown) => blocksToText(toBlocks(value))

/** A saved version as one text: headline, original title, introduction, translation, original, editions. */
export function translationText(doc: Partial<Translation>): string {
  const editions = (doc.editions ?? []).map((e) => `${e.label}\n\n${e.body}`)
  return [doc.headline, doc.originalTitle, richText(doc.introduction), richText(doc.body), richText(doc.original)]
    .concat(editions)
    .map((part) => (part ?? '').trim())
    .filter(Boolean)
    .join('\n\n')
}

const savedAt = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`

/** The editions (oldest first) and saved versions (newest first) of a translation; null when unseen. */
export async function comparables(
  payload: Payload,
  id: number | string,
  user: PayloadRequest['user'],
): Promise<Comparable[] | null> {
  const doc = (await payload
    .findByID({ collection: 'translations', id, draft: true, depth: 0, disableErrors: true, ...asUser(user) })
    .catch(() => null)) as Translation | null
  if (!doc) return null
  const versions = await payload.findVersions({
    collection: 'translations',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 50,
    depth: 0,
    ...asUser(user),
  })
  const editions = (doc.editions ?? []).map((e, n) => ({
    value: `edition:${slugify(e.label) || `edition-${n + 1}`}`,
    label: `Edition: ${e.label}${e.date ? ` (${isoDay(e.date)})` : ''}`,
    text: e.body,
  }))
  const saved = versions.docs.map((v) => ({
    value: `version:${v.id}`,
    label: `Saved version of ${savedAt(v.updatedAt)} (${v.version._status === 'published' ? 'published' : (v as { autosave?: boolean }).autosave ? 'autosave' : 'draft'})`,
    text: translationText(v.version as Partial<Translation>),
  }))
  return [...editions, ...saved]
}

/** The two sides asked for (`a`, `b`), else the first and last edition, else the two latest versions. */
export function pickPair(all: Comparable[], a?: string, b?: string): [Comparable, Comparable] | null {
  const editions = all.filter((c) => c.value.startsWith('edition:'))
  const versions = all.filter((c) => c.value.startsWith('version:'))
  const defaults =
    editions.length >= 2
      ? [editions[0], editions[editions.length - 1]]
      : versions.length >= 2
        ? [versions[1], versions[0]]
        : null
  const from = all.find((c) => c.value === a) ?? defaults?.[0]
  const to = all.find((c) => c.value === b) ?? defaults?.[1]
  return from && to ? [from, to] : null
}
