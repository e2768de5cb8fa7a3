import type { Payload } from 'payload'

import type { BatchState } from '../../collections/DeliveryBatches'
import { compareAndSet, compareAndSetDoc, ownerIsDead } from './cas'

export type Id = number | string

export type RecipientState = 'pending' | 'sent' | 'failed' | 'skipped'

/** One frozen recipient inside a batch, with its Message-ID fixed before anything is sent. */
export type LedgerRecipient = {
  id: Id
  email: string
  name?: string | null
  messageId: string
  state: RecipientState
  code?: number
  error?: string
  /** The subscriber opted out of open and click tracking (frozen with the audience). */
  noTrack?: boolean
}

export type Batch = {
  id: Id
  position: number
  state: BatchState
  recipients: LedgerRecipient[]
  claimedBy?: string | null
  leaseUntil?: string | null
  attempts?: number | null
}

export const LEASE_MS = 2 * 60 * 1000
const COLLECTION = 'delivery-batches' as const

export const asBatch = (doc: Record<string, unknown>): Batch => ({
  id: doc.id as Id,
  position: doc.position as number,
  state: doc.state as BatchState,
  recipients: (typeof doc.recipients === 'string' ? JSON.parse(doc.recipients) : doc.recipients) as LedgerRecipient[],
  claimedBy: doc.claimedBy as string | null,
  leaseUntil: doc.leaseUntil as string | null,
  attempts: doc.attempts as number | null,
})

/** The ids of the next pending batches, in audience order. */
export async function pendingBatchIds(payload: Payload, campaign: Id, limit = 64): Promise<Id[]> {
  const res = await payload.db.find({
    collection: COLLECTION,
    where: { and: [{ campaign: { equals: campaign } }, { state: { equals: 'pending' } }] },
    sort: 'position',
    limit,
    pagination: false,
    select: { position: true },
  })
  return res.docs.map((d) => d.id as Id)
}

/** Batches left `sending` by a sender that is gone (dead process on this host, or expired lease). */
export async function orphanedBatches(payload: Payload, campaign: Id, now = Date.now()): Promise<Batch[]> {
  const res = await payload.db.find({
    collection: COLLECTION,
    where: { and: [{ campaign: { equals: campaign } }, { state: { equals: 'sending' } }] },
    sort: 'position',
    limit: 0,
    pagination: false,
  })
  return res.docs
    .map((d) => asBatch(d as Record<string, unknown>))
    .filter((b) => ownerIsDead(b.claimedBy) || (b.leaseUntil ? Date.parse(b.leaseUntil) < now : true))
}

/** pending → sending, atomically. Returns the batch if this owner won it. */
export async function claimBatch(payload: Payload, id: Id, owner: string): Promise<Batch | null> {
  const doc = await compareAndSetDoc(
    payload,
    COLLECTION,
    id,
    { state: 'pending' },
    { state: 'sending', claimedBy: owner, leaseUntil: new Date(Date.now() + LEASE_MS).toISOString() },
  )
  return doc ? asBatch(doc) : null
}

/** Extend this owner's lease on a batch it is still sending (slow servers, long retries). */
export async function renewLease(payload: Payload, batch: Batch, owner: string): Promise<boolean> {
  return compareAndSet(
    payload,
    COLLECTION,
    batch.id,
    { state: 'sending', claimedBy: owner },
    { leaseUntil: new Date(Date.now() + LEASE_MS).toISOString() },
  )
}

/** sending (by a dead owner) → sending (by us), atomically; its recipients keep their Message-IDs. */
export async function reclaimBatch(payload: Payload, batch: Batch, owner: string): Promise<Batch | null> {
  const doc = await compareAndSetDoc(
    payload,
    COLLECTION,
    batch.id,
    { state: 'sending', claimedBy: batch.claimedBy ?? null },
    {
      claimedBy: owner,
      leaseUntil: new Date(Date.now() + LEASE_MS).toISOString(),
      attempts: (batch.attempts ?? 0) + 1,
    },
  )
  return doc ? asBatch(doc) : null
}

/** sending → sent | failed | pending (deferred), atomically, only while this owner still holds it. */
export async function recordBatch(
  payload: Payload,
  batch: Batch,
  owner: string,
  recipients: LedgerRecipient[],
): Promise<BatchState> {
  const next: BatchState = recipients.some((r) => r.state === 'pending')
    ? 'pending'
    : recipients.some((r) => r.state === 'failed')
      ? 'failed'
      : 'sent'
  const won = await compareAndSet(
    payload,
    COLLECTION,
    batch.id,
    { state: 'sending', claimedBy: owner },
    {
      state: next,
      recipients,
      claimedBy: next === 'pending' ? null : owner,
      leaseUntil: null,
      sentAt: next === 'pending' ? null : new Date().toISOString(),
    },
  )
  if (!won) throw new Error(`lost the lease on delivery batch ${batch.id}; another sender took it over`)
  return next
}

/** Save the outcomes so far of a batch this owner is still sending (it stays `sending`). */
export async function checkpointBatch(
  payload: Payload,
  batch: Batch,
  owner: string,
  recipients: LedgerRecipient[],
): Promise<boolean> {
  return compareAndSet(payload, COLLECTION, batch.id, { state: 'sending', claimedBy: owner }, { recipients })
}

/**
 * Put only the failed recipients back to pending: batches that closed `failed`, and batches that
 * closed `pending` (a pause) with failed recipients among them. Pending batches are only touched
 * while no sender runs the campaign (`idle`): a running sender may claim them at any moment.
 * Returns how many recipients were reopened.
 */
export async function reopenFailed(payload: Payload, campaign: Id, idle: boolean): Promise<number> {
  const res = await payload.db.find({
    collection: COLLECTION,
    where: {
      and: [{ campaign: { equals: campaign } }, { state: { in: idle ? ['failed', 'pending'] : ['failed'] } }],
    },
    limit: 0,
    pagination: false,
  })
  let reopened = 0
  for (const doc of res.docs) {
    const batch = asBatch(doc as Record<string, unknown>)
    const count = batch.recipients.filter((r) => r.state === 'failed').length
    if (!count) continue
    const recipients = batch.recipients.map((r) =>
      r.state === 'failed' ? { ...r, state: 'pending' as const, code: undefined, error: undefined } : r,
    )
    if (
      await compareAndSet(
        payload,
        COLLECTION,
        batch.id,
        { state: batch.state },
        { state: 'pending', recipients, claimedBy: null },
      )
    )
      reopened += count
  }
  return reopened
}

export type LedgerSummary = {
  total: number
  sent: number
  failed: number
  skipped: number
  pending: number
  sending: number
}

/** Recipient counts by outcome, from the ledger itself. */
export async function summarise(payload: Payload, campaign: Id): Promise<LedgerSummary> {
  const res = await payload.db.find({
    collection: COLLECTION,
    where: { campaign: { equals: campaign } },
    limit: 0,
    pagination: false,
    select: { state: true, recipients: true },
  })
  const s: LedgerSummary = { total: 0, sent: 0, failed: 0, skipped: 0, pending: 0, sending: 0 }
  for (const doc of res.docs) {
    const batch = asBatch(doc as Record<string, unknown>)
    for (const r of batch.recipients) {
      s.total++
      if (r.state === 'pending') s[batch.state === 'sending' ? 'sending' : 'pending']++
      else s[r.state]++
    }
  }
  return s
}
