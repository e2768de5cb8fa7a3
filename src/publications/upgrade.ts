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

type Req = Partial<PayloadRequest> | undefined

async function findWeekly(payload: Payload, req: Req) {
  const found = await payload.find({
    collection: 'publications',
    where: { slug: { equals: WEEKLY_PUBLICATION.slug } },
    limit: 1,
    depth: 0,
    req,
    ...asSystem('derived'),
  })
  return found.docs[0]?.id
}

/** The weekly report's publication id, created when missing (named after the site's publication name). */
export async function ensureWeeklyPublication(payload: Payload, req?: Req): Promise<number | string> {
  const existing = await findWeekly(payload, req)
  if (existing !== undefined) return existing
  const settings = (await payload
    .findGlobal({ slug: 'settings', depth: 0, req, ...asSystem('derived') })
    .catch(() => null)) as { publicationName?: string | null } | null
  const name = settings?.publicationName?.trim() || WEEKLY_PUBLICATION.name
  try {
    const created = await payload.create({
      collection: 'publications',
      data: { ...WEEKLY_PUBLICATION, name },
      req,
      ...asSystem('derived'),
    })
    return created.id
  } catch (err) {
    // Another process created it in the meantime (the slug is unique).
    const raced = await findWeekly(payload, req)
    if (raced !== undefined) return raced
    throw err
  }
}

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
  const before = await findWeekly(payload, req)
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
