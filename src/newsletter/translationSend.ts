/**
 * A single translation sent as a newsletter: by default to the newsletter of the translations
 * publication (else, as for issues, the first newsletter), through the same campaigns, ledger,
 * tracking and one-click unsubscribe as an issue. The gate: published, and no placeholder text or
 * unsafe link left in it unless an editor gives a reason (kept on the campaign).
 */
import { APIError, type Payload, type PayloadRequest } from 'payload'

import { CREATION_ORDER, parseId } from '../lib/db'
import { asSystem } from '../lib/system'
import type { Campaign, Translation } from '../payload-types'
import { decide } from '../preflight/gate'
import { placeholders } from '../preflight/checks/items'
import { badLinks } from '../preflight/checks/links'
import type { PreflightItem } from '../preflight/types'
import { campaignKey, findCampaign, resolveTarget, type SendTarget, type StartOptions, startSend } from './campaign'
import { renderTranslationEmail } from './render'
import type { NewsletterSettings } from './settings'

export const translationKey = (id: number | string) => `translation-${id}`

/** A translation by slug or id (latest version: drafts included), or null. */
export async function findTranslation(payload: Payload, slugOrId: string | number): Promise<Translation | null> {
  const id = parseId(payload, slugOrId)
  const res = await payload.find({
    collection: 'translations',
    where: {
      or: [{ slug: { equals: String(slugOrId) } }, ...(id === undefined ? [] : [{ id: { equals: id } }])],
    },
    limit: 1,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return (res.docs[0] as Translation | undefined) ?? null
}

/** The publication translations belong to (the first of kind `translations`), if any. */
async function translationsPublication(payload: Payload) {
  const res = await payload.find({
    collection: 'publications',
    where: { kind: { equals: 'translations' } },
    sort: CREATION_ORDER,
    limit: 1,
    depth: 0,
    ...asSystem('newsletter'),
  })
  return res.docs[0]?.id ?? null
}

/** The target named by slugs, else the translations publication's newsletter (see resolveTarget). */
export async function resolveTranslationTarget(
  payload: Payload,
  names: { newsletter?: string | null; segment?: string | null } = {},
) {
  return resolveTarget(payload, { publication: await translationsPublication(payload) }, names)
}

/** The campaign of a translation to a target; without one, its latest campaign. */
export const campaignForTranslation = (payload: Payload, id: number | string, target?: SendTarget) =>
  findCampaign(
    payload,
    target ? { key: { equals: campaignKey(translationKey(id), target) } } : { translation: { equals: id } },
  )

/** Start (or find, or resume preparing) the campaign of a published translation. */
export async function startTranslationCampaign(
  payload: Payload,
  translation: Translation,
  options: Omit<StartOptions, 'format'> & { overrideReason?: string } = {},
): Promise<Campaign> {
  if (translation._status !== 'published')
    throw new Error(`translation ${translation.slug} is not published: publish it before sending`)
  const target = options.target ?? ((await resolveTranslationTarget(payload)) as SendTarget)
  const subject = {
    link: { translation: translation.id },
    keyPrefix: translationKey(translation.id),
    find: (t: SendTarget) => campaignForTranslation(payload, translation.id, t),
    render: (settings: NewsletterSettings) => renderTranslationEmail(payload, translation.id, { settings }),
  }
  return startSend(payload, subject, target, options)
}

/**
 * The send gate for a translation: refused (409, the problems in `data.problems`) while placeholder
 * text ("TK", "TODO", "XXX") or an unsafe link is left in it, unless an editor gives a reason.
 * Returns the reason used, if any.
 */
export function gateTranslationSend(
  translation: Translation,
  reason: string | undefined,
  user: PayloadRequest['user'] | null = null,
): string | undefined {
  if (translation._status !== 'published')
    throw new APIError('Publish the translation before sending it.', 409, null, true)
  const parts: PreflightItem[] = [
    { id: translation.id, headline: translation.headline, body: translation.body },
    { id: translation.id, title: `Introduction of ${translation.headline}`, body: translation.introduction },
  ]
  const problems = parts.flatMap((p) => [...placeholders(p), ...badLinks(p)])
  return decide('send', `"${translation.headline}"`, problems, reason, user)?.reason
}
