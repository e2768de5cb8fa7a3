import { simpleParser } from 'mailparser'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OWN_SUBSCRIPTIONS } from '../../collections/hooks/subscriptionStatus'
import { ensureFirstNewsletter } from '../../src/newsletter/newsletters'
import { Messenger } from '../../src/newsletter/messenger'
import { renderTranslationEmail } from '../../src/newsletter/render'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { richText } from '../../src/lib/richtext'
import type { Campaign, Newsletter, Translation } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { briefing } from '../helpers/cli'
import { makeUser } from '../helpers/payload'
import { bootWithRest } from '../helpers/rest'

/**
 * Special issues and single translations go out as newsletters like weekly issues: to their
 * publication's newsletter by default, through the same ledger, tracking, one-click header and gate.
 * Real SMTP on loopback; the CLI as a real child process.
 */
let t: Awaited<ReturnType<typeof bootWithRest>>
let sink: SmtpSink
let weekly: Newsletter
let translationsNl: Newsletter
let specialNl: Newsletter
let law: Translation
const sys = { overrideAccess: true } as const
const SPECIAL = 'special-issue-on-the-party-congress'

async function member(email: string, newsletters: Newsletter[]) {
  const s = await t.payload.create({
    collection: 'subscribers',
    data: { email, status: 'active' },
    context: { [OWN_SUBSCRIPTIONS]: true },
    ...sys,
  })
  for (const n of newsletters)
    await t.payload.create({
      collection: 'subscriptions',
      data: { subscriber: s.id, newsletter: n.id, status: 'active' },
    })
}

async function publication(name: string, kind: 'special' | 'translations') {
  const found = await t.payload.find({ collection: 'publications', where: { kind: { equals: kind } }, limit: 1 })
  return found.docs[0] ?? (await t.payload.create({ collection: 'publications', data: { name, kind } }))
}

const qiushi = async () =>
  (await t.payload.find({ collection: 'sources', where: { slug: { equals: 'qiushi' } }, limit: 1 })).docs[0].id

const lawData = async (headline: string) => ({
  headline,
  originalTitle: '反间谍法（修订草案二次审议稿）',
  source: await qiushi(),
  sourceUrl: 'http://www.npc.gov.cn/flcaw/',
  originalDate: '2022-12-30T00:00:00.000Z',
  credits: [
    { person: 'Jane Translator', role: 'translator' as const },
    { person: 'Ivan Intro', role: 'introduction' as const },
  ],
  introduction: richText('The draft widens the definition of espionage.'),
  body: richText('Article 1 This Law is formulated in order to prevent espionage.'),
  original: richText('第一条 为了防范、制止和惩治间谍行为，制定本法。'),
  excerpt: true,
  editions: [
    { label: 'First reading draft', body: 'Article 1 Old words here.' },
    { label: 'Second reading draft', body: 'Article 1 New words here.' },
  ],
})

/** Run a campaign to the end over the sink; the addresses it reached, sorted. */
async function run(campaignId: number | string) {
  const messenger = new Messenger(sink.url(2), [10, 20])
  const result = await new CampaignRunner(t.payload, messenger).run(campaignId)
  messenger.close()
  expect(result.status).toBe('completed')
  return sink.messages.map((m) => m.envelopeTo[0]).sort()
}

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://briefing.example.com'
  t = await bootWithRest('newsletter-kinds')
  await seed(t.payload)
  weekly = await ensureFirstNewsletter(t.payload)
  const tp = await publication('Translations', 'translations')
  const sp = await publication('Special Issues', 'special')
  translationsNl = (await t.payload.create({
    collection: 'newsletters',
    data: { name: 'Translations', slug: 'translations', publication: tp.id, tracking: 'aggregate' },
  })) as Newsletter
  specialNl = (await t.payload.create({
    collection: 'newsletters',
    data: { name: 'Specials', slug: 'specials', publication: sp.id, tracking: 'off' },
  })) as Newsletter
  await member('weekly-only@example.com', [weekly])
  await member('tr-only@example.com', [translationsNl])
  await member('both@example.com', [weekly, translationsNl])
  await member('special-only@example.com', [specialNl])
  law = (await t.payload.create({
    collection: 'translations',
    data: { ...(await lawData('Counter-Espionage Law (Second Reading Draft)')), _status: 'published' },
  })) as Translation
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('a single translation as a newsletter', () => {
  it('is refused while a draft, for contributors, and without the exact count; changes nothing', async () => {
    const draft = await t.payload.create({
      collection: 'translations',
      data: await lawData('A draft translation'),
      draft: true,
    })
    const contributor = await makeUser(t.payload, 'contributor', 'contrib@example.com')
    const send = (id: number | string, body: unknown, as: { email: string } = t.editor) =>
      t.rest('POST', `newsletter/translations/${id}/send`, { as, body })
    expect((await send(draft.id, { confirmRecipients: 2 })).status).toBe(409)
    expect((await send(law.id, { confirmRecipients: 2 }, contributor)).status).toBe(403)
    const wrong = await send(law.id, { confirmRecipients: 5 })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors?.[0].message).toContain('confirmRecipients: 2')
    expect((await t.rest('POST', 'newsletter/translations/999999/send', { as: t.editor, body: {} })).status).toBe(404)
    expect(await t.payload.count({ collection: 'campaigns' })).toEqual({ totalDocs: 0 })
  })

  it('goes to the translations newsletter’s subscribers only, with the Chinese title in lang="zh-Hans"', async () => {
    const status = await t.rest('GET', `newsletter/translations/${law.id}/status`, { as: t.editor })
    expect(status.status).toBe(200)
    expect(status.body).toMatchObject({ audience: 2, target: { newsletter: 'translations', segment: null } })
    const started = await t.rest('POST', `newsletter/translations/${law.id}/send`, {
      as: t.editor,
      body: { confirmRecipients: 2 },
    })
    expect(started.status).toBe(202)
    const campaignId = (started.body.campaign as { id: number }).id
    sink.messages.length = 0
    expect(await run(campaignId)).toEqual(['both@example.com', 'tr-only@example.com'])
    const campaign = (await t.payload.findByID({ collection: 'campaigns', id: campaignId, depth: 0 })) as Campaign
    expect(campaign).toMatchObject({ translation: law.id, newsletter: translationsNl.id, tracking: 'aggregate' })
    expect(campaign.subject).toBe('Counter-Espionage Law (Second Reading Draft)')

    const mail = await simpleParser(sink.messages[0].raw)
    const html = String(mail.html)
    expect(mail.subject).toBe('Counter-Espionage Law (Second Reading Draft)')
    expect(html).toMatch(/<[^>]+lang="zh-Hans"[^>]*>反间谍法（修订草案二次审议稿）</)
    expect(html).toContain('Translated by Jane Translator · Introduction by Ivan Intro')
    expect(html).toContain('Qiushi')
    expect(html).toContain('The draft widens the definition of espionage.')
    expect(html).toContain('Article 1 This Law is formulated in order to prevent espionage.')
    const original = /Excerpt of the original<\/h2><div lang="zh-Hans" xml:lang="zh-Hans">([\s\S]*?)<\/div>/.exec(html)
    expect(original?.[1].replace(/<[^>]+>/g, '')).toBe('第一条 为了防范、制止和惩治间谍行为，制定本法。')
    expect(String(mail.text)).toContain('第一条 为了防范、制止和惩治间谍行为，制定本法。')
    // Redlines are not in the email: a link to compare the editions on the web instead.
    expect(html).not.toMatch(/<(del|ins)\b/)
    expect(html).toContain('Compare the editions on the web')
    // The same tracking and one-click unsubscribe as a weekly send.
    expect(html).toMatch(/https:\/\/briefing\.example\.com\/o\/[^"]+\.gif/)
    expect(html).toMatch(/https:\/\/briefing\.example\.com\/r\/[^"]+/)
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line
    expect(header('list-unsubscribe-post')).toMatch(/: List-Unsubscribe=One-Click$/)
    expect(header('list-unsubscribe')).toMatch(/<https:\/\/briefing\.example\.com\/unsubscribe\?token=[^>]+>/)
    expect(String(mail.text)).toContain(`https://briefing.example.com/translations/${law.slug}`)
  })

  it('a translation kept only as aligned pairs reads in the email pair by pair, each side with its lang', async () => {
    const pairs = await t.payload.create({
      collection: 'translations',
      data: {
        headline: 'Opinions on Rural Governance',
        bilingual: [
          { en: 'Article 1 Rural governance is the foundation.', zh: '第一条 乡村治理是国家治理的基石。' },
          { en: 'A translator’s note.', zh: '' },
        ],
      },
      draft: true,
    })
    const email = await renderTranslationEmail(t.payload, pairs.id, { draft: true })
    expect(email.html).toContain('Translation and original, paragraph by paragraph')
    expect(email.html).toMatch(/<p lang="en"[^>]*>Article 1 Rural governance is the foundation.<\/p>/)
    expect(email.html).toMatch(/<p lang="zh-Hans" xml:lang="zh-Hans"[^>]*>第一条 乡村治理是国家治理的基石。<\/p>/)
    expect(email.html).toMatch(/<p lang="en"[^>]*>A translator’s note.<\/p>/)
    expect(email.text).toMatch(/Article 1 Rural governance is the foundation.\n第一条 乡村治理是国家治理的基石。/)
  })

  it('a second send to the same newsletter is refused (one campaign per translation and audience)', async () => {
    const again = await t.rest('POST', `newsletter/translations/${law.id}/send`, {
      as: t.editor,
      body: { confirmRecipients: 2 },
    })
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0].message).toMatch(/already sent/)
  })
})

/** Each child process boots Payload (10–30 s on a busy machine). */
describe('briefing newsletter send (a real child process)', () => {
  it('sends a special issue by its slug to the special issues’ newsletter', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .png()
      .toBuffer()
    const image = await t.payload.create({
      collection: 'media',
      data: { alt: 'Delegates in the hall', credit: 'XINHUA' } as never,
      file: { data: png, mimetype: 'image/png', name: 'hall.png', size: png.length },
    })
    await t.payload.create({
      collection: 'issues',
      data: {
        kind: 'special',
        title: 'China Insight',
        subtitle: 'Special Issue on the Party Congress',
        publisherLine: 'Published by the International Department',
        entryGroups: [
          {
            heading: 'October 16',
            entries: [
              {
                headline: 'The congress opens',
                body: richText('The congress opened in Beijing.'),
                photos: [{ image: image.id, caption: 'The opening', credit: 'XINHUA' }],
              },
            ],
          },
        ],
        _status: 'published',
      },
    })
    sink.messages.length = 0
    const cli = await briefing(['newsletter', 'send', SPECIAL, '--yes'], { SMTP_URL: sink.url(2) })
    expect(cli.stderr).not.toMatch(/error/i)
    expect(cli.status).toBe(0)
    expect(cli.stdout).toContain('to 1 recipient(s) of newsletter Specials (specials)')
    expect(sink.messages.map((m) => m.envelopeTo[0])).toEqual(['special-only@example.com'])
    const html = String((await simpleParser(sink.messages[0].raw)).html)
    expect(html).toContain('Special Issue on the Party Congress')
    expect(html).toContain('October 16')
    expect(html).toContain('alt="Delegates in the hall"')
    expect(html).toContain('The opening (XINHUA)')
  }, 240_000)

  it('sends a translation with --translation <slug>; errors are clear and send nothing', async () => {
    const second = await t.payload.create({
      collection: 'translations',
      data: { ...(await lawData('Data Security Law')), _status: 'published' },
    })
    const env = { SMTP_URL: sink.url(2) }
    sink.messages.length = 0
    const unknown = await briefing(['newsletter', 'send', '--translation', 'no-such-translation', '--yes'], env)
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('no translation with slug no-such-translation')
    const both = await briefing(['newsletter', 'send', '3-9', '--translation', String(second.slug), '--yes'], env)
    expect(both.status).toBe(1)
    expect(both.stderr).toContain('either an issue slug or --translation')
    expect(sink.messages).toHaveLength(0)

    const cli = await briefing(['newsletter', 'send', '--translation', String(second.slug), '--yes'], env)
    expect(cli.stderr).not.toMatch(/error/i)
    expect(cli.status).toBe(0)
    expect(cli.stdout).toContain('Send Data Security Law to 2 recipient(s) of newsletter Translations (translations)')
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(['both@example.com', 'tr-only@example.com'])
  }, 240_000)
})
