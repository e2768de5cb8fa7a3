import type { Payload } from 'payload'
import sharp from 'sharp'

import { richText } from '../../src/lib/richtext'
import type { Source } from '../../src/payload-types'

/**
 * The new kinds of issue 14 for the search, glossary, reuse and export tests: a translations
 * publication, a published translation with everything a translation holds (credits, aligned pairs,
 * editions, update notes, Chinese original), a draft translation, and a published special issue with
 * dated entries, a photo and a source. Needs the seed (sources).
 */
export type Kinds = {
  translation: number | string
  translationSlug: string
  draftTranslation: number | string
  special: number | string
  specialSlug: string
  media: number | string
}

const system = { overrideAccess: true } as const

export async function buildKinds(payload: Payload): Promise<Kinds> {
  const xinhua = (await payload.find({ collection: 'sources', where: { slug: { equals: 'xinhua' } }, ...system }))
    .docs[0]
  await payload.create({
    collection: 'publications',
    data: { name: 'Translations', kind: 'translations', description: 'Full translations.' },
    ...system,
  })
  const { translation, draft } = await createTranslations(payload, xinhua.id)
  const { media, special } = await createSpecialIssue(payload, xinhua.id)
  return {
    translation: translation.id,
    translationSlug: String(translation.slug),
    draftTranslation: draft.id,
    special: special.id,
    specialSlug: String(special.slug),
    media: media.id,
  }
}

/** A published translation with everything a translation holds, and a draft one. */
async function createTranslations(payload: Payload, xinhua: Source['id']) {
  const translation = await payload.create({
    collection: 'translations',
    data: {
      headline: 'Regulations on Rural Revitalization Work',
      originalTitle: '乡村振兴工作条例',
      source: xinhua,
      sourceUrl: 'https://www.xinhuanet.com/2024-03/01/c_1.htm',
      originalDate: '2024-03-01T12:00:00.000Z',
      originalAuthors: ['Central Committee'],
      credits: [
        { person: 'Lincoln Davidson', role: 'translator' },
        { person: 'Ann Editor', role: 'editor' },
      ],
      introduction: richText('These regulations govern the pangolin stewardship of villages.'),
      body: richText('Article 1 These regulations are formulated to promote marmoset farming.'),
      original: richText('第一条 为了推进乡村振兴工作，制定本条例。'),
      bilingual: [
        { en: 'Article 1 These regulations are formulated.', zh: '第一条 制定本条例。' },
        { en: 'A row without its original.' },
      ],
      editions: [
        { label: 'First reading draft', date: '2024-01-10T12:00:00.000Z', body: 'Article 1 Draft text.' },
        { label: 'Final', date: '2024-03-01T12:00:00.000Z', body: 'Article 1 Final text.' },
      ],
      tags: ['agriculture'],
      updateNotes: [{ date: '2024-03-26T12:00:00.000Z', text: 'Update 26 March: the final text was added.' }],
      _status: 'published',
    },
    ...system,
  })
  const draft = await payload.create({
    collection: 'translations',
    data: { headline: 'Unpublished okapi notice', body: richText('An okapi draft nobody may read yet.') },
    draft: true,
    ...system,
  })
  return { translation, draft }
}

/** A published special issue with two dated entry groups, a photo and a source. */
async function createSpecialIssue(payload: Payload, xinhua: Source['id']) {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'Deputies arrive at the Great Hall' },
    file: { data: png, mimetype: 'image/png', name: 'deputies.png', size: png.length },
    ...system,
  })
  const special = await payload.create({
    collection: 'issues',
    data: {
      kind: 'special',
      title: 'China Insight',
      subtitle: 'Special Issue on the Two Sessions 2024',
      publisherLine: 'Published by the International Department',
      entryGroups: [
        {
          heading: 'March 5',
          date: '2024-03-05T12:00:00.000Z',
          entries: [
            {
              headline: 'Second Session of the 14th NPC opens',
              body: richText('The session opened with a capybara report on 新质生产力.'),
              photos: [{ image: media.id, caption: 'The opening meeting', credit: 'XINHUA' }],
              sources: [xinhua],
            },
          ],
        },
        {
          heading: 'March 6',
          entries: [{ headline: 'Panel discussions continue', body: richText('Deputies met in axolotl delegations.') }],
        },
      ],
      _status: 'published',
    },
    ...system,
  })
  return { media, special }
}
