/**
 * The one place where code goes past the collections' access control. Public reads never do: they
 * pass `PUBLIC_READ` (no user, `overrideAccess: false`), so the read access of each collection
 * (`publishedOrStaff`, `publicOrStaff`, `publishedItemOrStaff` in src/access/) alone decides what
 * anonymous readers see. Staff reads pass the signed-in user (`asUser`). Everything else below is
 * work the system does on its own behalf, each call naming why (`asSystem(reason)`).
 */
import type { PayloadRequest } from 'payload'

/** Why a call may bypass access control. */
export const SYSTEM_REASONS = {
  /** `briefing import`, `POST /api/import` and archive restore write documents on behalf of the editor or operator who started them (checked at the endpoint/CLI). */
  import: 'importer writes and archive restore',
  /** `briefing seed` loads demo content into an empty or demo database. */
  seed: 'demo content',
  /** The newsletter sender, subscription flow and campaign ledger: anonymous subscribers and workers have no user, but their writes are the system's own. */
  newsletter: 'newsletter sending and subscriptions',
  /** Collection hooks that keep derived data right (numbering, positions, public flags, counts, who changed what): they must see every document whatever the saving user may see. */
  derived: 'hooks maintaining derived data',
  /** The search index holds drafts for staff and published versions for everyone; each entry records whether it is public. */
  searchIndex: 'search index maintenance',
  /** Operator tools run from the CLI with database access (export, backup, consistency, user:create) or from staff-only admin views and endpoints that checked the role first. */
  operator: 'operator and staff tools',
  /** Internal bookkeeping rows no user owns: the change feed, shared rate-limit counters, job claims. */
  bookkeeping: 'internal bookkeeping rows',
  /** Workflow notifications: reading the recipients' addresses and preferences, queueing and sending digests. */
  notifications: 'workflow notifications and digests',
  /** Liveness/readiness checks count rows without a user. */
  health: 'health checks',
} as const

export type SystemReason = keyof typeof SYSTEM_REASONS

/** Local API options for a call the system makes on its own behalf (see SYSTEM_REASONS). */
// The reason is for the reader and for grep; the type keeps it to the documented list.
export const asSystem = (_reason: SystemReason): { overrideAccess: true } => ({ overrideAccess: true })

/** Local API options for what anonymous readers may see: the collections' read access decides. */
export const PUBLIC_READ = { overrideAccess: false } as const

/** Local API options for a read as a signed-in user: their role's access decides. */
export const asUser = (user: PayloadRequest['user']): { overrideAccess: false; user: PayloadRequest['user'] } => ({
  overrideAccess: false,
  user,
})
