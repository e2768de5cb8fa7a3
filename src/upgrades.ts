import type { Payload, PayloadRequest } from 'payload'

import { convertPositionsToOrderKeys } from './composer/convert'
import { upgradeToNewsletters } from './newsletter/newsletters'
import { upgradeToPublications } from './publications/upgrade'
import { approvePublishedItems } from './workflow/upgrade'

/**
 * The data upgrades of the shipped migrations, in order: the weekly publication for existing issues,
 * the single list as the first newsletter, order keys from typed positions, approval of items
 * published before the workflow. They use the Local API, which reads and writes every column of the
 * current schema, so they can only run once every schema migration has: the NEWEST migration (SQLite
 * and PostgreSQL) calls this at the end of its `up` — move the call when adding a migration (the
 * migrations test fails otherwise). Each step is idempotent, so a database that ran them in an earlier
 * newest migration is left as it is. Runs in the migration's transaction.
 */
export async function runDataUpgrades(payload: Payload, req?: Partial<PayloadRequest>): Promise<void> {
  await upgradeToPublications(payload, req)
  await upgradeToNewsletters(payload, req)
  await convertPositionsToOrderKeys(payload, req)
  await approvePublishedItems(payload, req)
}
