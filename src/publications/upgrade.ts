/**
 * The data upgrade that introduces publications: the existing weekly report becomes the first
 * publication and every issue without a publication belongs to it. Idempotent; run on init and
 * callable from a migration (`upgradeToPublications(payload, req)`). Issue slugs and URLs do not change.
 */
import type { Payload, PayloadRequest } from 'payload'

import { asSystem } from '../lib/system'

export const WEEKLY_PUBLICATION = {
  slug: 'weekly-report',
  name: 'Weekly Report',
  kind: 'weekly',
  urlPrefix: '/issues',
  description: 'The numbered weekly report.',
} as const

/** The default publication of special issues, created with the first special issue. */
export const SPECIAL_PUBLICATION = {
  slug: 'special-issues',
  name: 'Special Issues',
  kind: 'special',
  urlPrefix: '/special',
  description: 'Special issues on one topic, entries grouped by date.',
} as const

type Req = Partial<PayloadRequest> | undefined

async function findBySlug(payload: Payload, slug: string, req: Req) {
  const found = await payload.find({
    collection: 'publications',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    req,
    ...asSystem('derived'),
  })
  return found.docs[0]?.id
}

type Default = typeof WEEKLY_PUBLICATION | typeof SPECIAL_PUBLICATION

async function ensureDefault(payload: Payload, def: Default, req: Req, name: string = def.name) {
  const existing = await findBySlug(payload, def.slug, req)
  if (existing !== undefined) return existing
  try {
    return (await payload.create({ collection: 'publications', data: { ...def, name }, req, ...asSystem('derived') }))
      .id
  } catch (err) {
    // Another process created it in the meantime (the slug is unique).
    const raced = await findBySlug(payload, def.slug, req)
    if (raced !== undefined) return raced
    throw err
  }
}

/** The weekly report's publication id, created when missing (named after the site's publication name). */
export async function ensureWeeklyPublication(payload: Payload, req?: Req): Promise<number | string> {
  const existing = await findBySlug(payload, WEEKLY_PUBLICATION.slug, req)
  if (existing !== undefined) return existing
  const settings = (await payload
    .findGlobal({ slug: 'settings', depth: 0, req, ...asSystem('derived') })
    .catch(() => null)) as { publicationName?: string | null } | null
  return ensureDefault(payload, WEEKLY_PUBLICATION, req, settings?.publicationName?.trim() || WEEKLY_PUBLICATION.name)
}

/** The default publication of a kind: the weekly report or the special issues, created when missing. */
export const ensurePublication = (payload: Payload, kind: 'weekly' | 'special', req?: Req) =>
  kind === 'weekly' ? ensureWeeklyPublication(payload, req) : ensureDefault(payload, SPECIAL_PUBLICATION, req)

export type UpgradeResult = { createdPublication: boolean; issuesAssigned: number }

/**
 * Assign every issue without a publication (and every saved version of it) to the weekly report.
 * Writes through the database adapter: no hooks, no new versions, drafts stay drafts.
 */
export async function upgradeToPublications(payload: Payload, req?: Req): Promise<UpgradeResult> {
  const orphans = await payload.count({
    collection: 'issues',
    where: { publication: { exists: false } },
    req,
    ...asSystem('derived'),
  })
  const orphanVersions = await payload.countVersions({
    collection: 'issues',
    where: { 'version.publication': { exists: false } },
    req,
    ...asSystem('derived'),
  })
  if (!orphans.totalDocs && !orphanVersions.totalDocs) return { createdPublication: false, issuesAssigned: 0 }
  const before = await findBySlug(payload, WEEKLY_PUBLICATION.slug, req)
  const weekly = before ?? (await ensureWeeklyPublication(payload, req))
  await payload.db.updateMany({
    collection: 'issues',
    where: { publication: { exists: false } },
    data: { publication: weekly },
    req,
    returning: false,
  })
  const versions = await payload.db.findVersions({
    collection: 'issues',
    where: { 'version.publication': { exists: false } },
    pagination: false,
    req,
  })
  for (const v of versions.docs) {
    await payload.db.updateVersion({
      collection: 'issues',
      id: v.id,
      versionData: { ...v, version: { ...v.version, publication: weekly } },
      req,
      returning: false,
    })
  }
  return { createdPublication: before === undefined, issuesAssigned: orphans.totalDocs }
}
