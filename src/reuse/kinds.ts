import { APIError, type PayloadRequest } from 'payload'

import { hasStaffRole } from '../access'
import { relationKey } from '../search/text'
import { specialEntries } from '../search/kinds'
import { mustFind, relationIds, reuseTarget, type ReuseInput } from './reuse'

/**
 * Reuse of issue 14's kinds into a weekly issue: a translation's summary (its introduction) or a
 * special issue's entry becomes a new draft item with provenance (`reusedFromTranslation`,
 * `reusedFromEntry`). The section must be chosen: neither has one of its own.
 */

function checkInput(req: PayloadRequest, input: ReuseInput, what: string): void {
  if (!hasStaffRole(req.user)) throw new APIError(`Sign in to reuse ${what}.`, 401, null, true)
  if (relationKey(input.issue) === undefined)
    throw new APIError(`Choose the weekly issue to reuse ${what} in ({ "issue": <id> }).`, 400, null, true)
  if (relationKey(input.section) === undefined)
    throw new APIError(`Choose the section to reuse ${what} in ({ "section": <id> }).`, 400, null, true)
}

async function weeklyTarget(req: PayloadRequest, input: ReuseInput) {
  const target = await reuseTarget(req, input)
  if (target.issue.kind === 'special')
    throw new APIError('Reuse goes into a weekly issue: a special issue has entries, not items.', 400, null, true)
  return target
}

const createDraftItem = (req: PayloadRequest, data: Record<string, unknown>) =>
  req.payload.create({
    collection: 'items',
    draft: true,
    req,
    user: req.user,
    overrideAccess: false,
    data: { ...data, _status: 'draft' },
  })

/** `POST /api/translations/:id/reuse`: the translation's headline and introduction as a linked item. */
export async function reuseTranslation(req: PayloadRequest, id: unknown, input: ReuseInput) {
  checkInput(req, input, 'a translation')
  const translation = await mustFind(req, 'translations', id, 'Translation')
  const { issue, section } = await weeklyTarget(req, input)
  const source = relationIds(req, [translation.source])
  return createDraftItem(req, {
    headline: translation.headline,
    body: translation.introduction ?? undefined,
    originalTitle: translation.originalTitle ?? undefined,
    articleUrl: translation.sourceUrl ?? undefined,
    issue: issue.id,
    section: section.id,
    sources: source,
    terms: relationIds(req, translation.terms),
    translation: translation.id,
    reusedFromTranslation: translation.id,
  })
}

/** `POST /api/issues/:id/entries/:anchor/reuse`: a special issue's entry (`#anchor`) as an item. */
export async function reuseEntry(req: PayloadRequest, id: unknown, anchor: unknown, input: ReuseInput) {
  checkInput(req, input, 'a special-issue entry')
  const special = await mustFind(req, 'issues', id, 'Issue')
  if (special.kind !== 'special')
    throw new APIError(`Issue ${special.id} is not a special issue: it has no entries.`, 404, null, true)
  const { issue, section } = await weeklyTarget(req, input)
  const found = specialEntries(special).find((e) => e.anchor === anchor)
  if (!found) {
    const name = String(special.label ?? 'The special issue')
    throw new APIError(`${name} has no entry "${String(anchor).slice(0, 100)}".`, 404, null, true)
  }
  return createDraftItem(req, {
    headline: found.entry.headline,
    body: found.entry.body ?? undefined,
    issue: issue.id,
    section: section.id,
    sources: relationIds(req, found.entry.sources),
    reusedFromEntry: { issue: special.id, anchor: found.anchor },
  })
}
