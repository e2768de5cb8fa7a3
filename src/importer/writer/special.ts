import type { Payload, RequiredDataFromCollectionSlug, Where } from 'payload'

import { richText } from '../../lib/richtext'
import type { ImportedSpecial } from '../types'
import { upsertDoc } from './placement'
import { atLine, type WriteOptions, type WriteSummary } from './report'
import { inTransaction } from './transaction'

/**
 * The issue document of a recognised special issue. Photos come without their image file (a text
 * or saved page has none): each is kept as a photo row with its caption and credit and no image,
 * which a draft may hold; publishing asks for the image (and its alt text) first.
 */
export const specialData = (special: ImportedSpecial) => ({
  kind: 'special' as const,
  title: special.title,
  subtitle: special.subtitle ?? null,
  publisherLine: special.publisherLine ?? null,
  editorsNote: special.intro.length ? richText(...special.intro) : null,
  entryGroups: special.groups.map((g) => ({
    heading: g.heading,
    date: g.date ?? null,
    entries: g.entries.map((e) => ({
      headline: e.headline,
      body: e.body.length ? richText(...e.body) : null,
      photos: e.photos.map((p) => ({ caption: p.caption, credit: p.credit ?? null })),
    })),
  })),
})

/**
 * Write a special issue in one transaction: the special issue with the same title and subtitle is
 * updated (re-import), else one is created. Photos without an image keep the issue a draft.
 */
export async function writeSpecial(
  payload: Payload,
  special: ImportedSpecial,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const warnings = [...special.warnings]
  const imageless = special.groups.flatMap((g) => g.entries.flatMap((e) => e.photos)).length
  if (imageless)
    warnings.push(
      `${imageless} photo(s) have no image yet: their captions and credits are kept; add each image (with alt text) in the admin before publishing`,
    )
  const publish = Boolean(options.publish && !imageless)
  if (options.publish && imageless) warnings.push('the special issue stays a draft until its photos have images')
  return inTransaction(
    payload,
    async (req) => {
      const where: Where = {
        and: [
          { kind: { equals: 'special' } },
          { title: { equals: special.title } },
          special.subtitle ? { subtitle: { equals: special.subtitle } } : { subtitle: { exists: false } },
        ],
      }
      // Photo rows without their image (see specialData): the generated type requires it, drafts do not.
      const data = {
        ...specialData(special),
        _status: publish ? ('published' as const) : ('draft' as const),
      } as unknown as RequiredDataFromCollectionSlug<'issues'>
      const { doc, replaced } = await atLine(special.titleLine, () =>
        upsertDoc(payload, req, 'issues', where, data, publish),
      )
      return {
        kind: 'special' as const,
        issue: String(doc.slug),
        issueId: doc.id,
        status: publish ? 'published' : 'draft',
        replaced,
        sections: special.groups.length,
        items: special.groups.reduce((n, g) => n + g.entries.length, 0),
        terms: 0,
        newTerms: 0,
        sources: 0,
        newSources: 0,
        newSections: 0,
        warnings,
      }
    },
    options.user,
  )
}
