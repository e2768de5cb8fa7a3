import { APIError, createLocalReq, type CollectionBeforeChangeHook, type Payload, type PayloadRequest } from 'payload'

import { hasEditorRole } from '../access'
import { asSystem } from '../lib/system'
import { entriesOf, loadPreflightIssue } from './load'
import { blocking, checkIssue } from './run'
import type { PreflightIssue, Problem } from './types'

export type OverrideAction = 'publish' | 'send'
/** One recorded override, as kept in `issues.overrides`. */
export type OverrideEntry = {
  reason: string
  user?: number | string | null
  at: string
  action: OverrideAction
  codes: string[]
}

/** The override reason a request carries: the body's `publishOverride.reason` or the Local API context's. */
export const overrideReason = (value: unknown): string | undefined => {
  const reason = (value as { reason?: unknown } | null | undefined)?.reason
  return typeof reason === 'string' && reason.trim() ? reason.trim().slice(0, 1000) : undefined
}

/** "Cannot publish …: 2 blocking problem(s): …" — the refusal names every blocking problem. */
export function refusalMessage(action: OverrideAction, label: string, blocks: Problem[]): string {
  const list = blocks.map((p) => `[${p.code}] ${p.message}`).join(' ')
  return (
    `Cannot ${action} ${label}: ${blocks.length} blocking preflight problem(s) remain. ${list} ` +
    `Fix them, or (editors) ${action} with an override reason.`
  )
}

/**
 * Decide whether an action may go ahead: no blocking problem, or an editor's reason. Throws the
 * refusal (409, the problems in `data.problems`); returns the override to record, if one was used.
 */
export function decide(
  action: OverrideAction,
  label: string,
  problems: Problem[],
  reason: string | undefined,
  user: PayloadRequest['user'] | null,
): OverrideEntry | undefined {
  const blocks = blocking(problems)
  if (!blocks.length) return undefined
  if (!reason) throw new APIError(refusalMessage(action, label, blocks), 409, { problems: blocks }, true)
  if (user && !hasEditorRole(user)) throw new APIError('Only editors can override the preflight.', 403, null, true)
  return {
    reason,
    user: user?.id ?? null,
    at: new Date().toISOString(),
    action,
    codes: [...new Set(blocks.map((p) => p.code))],
  }
}

/** The issue as it will be saved: the stored draft with this save's own changes to issue-wide fields. */
function withChanges(issue: PreflightIssue, data: Record<string, unknown>): PreflightIssue {
  const pick = <K extends keyof PreflightIssue>(key: K) => (data[key] !== undefined ? data[key] : issue[key])
  return {
    ...issue,
    highlights: pick('highlights') as PreflightIssue['highlights'],
    coverImage: pick('coverImage'),
    periodStart: pick('periodStart') as string | null,
    periodEnd: pick('periodEnd') as string | null,
    entries: data.entryGroups !== undefined ? entriesOf(data.entryGroups) : issue.entries,
  }
}

/**
 * The publish gate (issues, beforeChange): publishing by a person (REST, admin, a scheduled publish)
 * or by `briefing publish` is refused while a `block` problem remains, unless an editor gives a
 * reason in `publishOverride: { reason }`; the reason is kept in `overrides`. System writes (seed,
 * import, Local API without a user) are not gated. `overrides` only ever grows, and only here.
 */
export const publishGate: CollectionBeforeChangeHook = async ({ data, req, originalDoc, context }) => {
  const reason = overrideReason(data.publishOverride) ?? overrideReason(context.publishOverride)
  delete data.publishOverride
  const recorded = context.overrideEntry ? [context.overrideEntry as OverrideEntry] : []
  data.overrides = [...((originalDoc?.overrides ?? []) as OverrideEntry[]), ...recorded]
  const gated = Boolean(req.user) || context.preflightGate === true
  // An arrangement (the composer) changes the order only: it publishes nothing new.
  if (data._status !== 'published' || !gated || originalDoc?.id === undefined || context.arrangementOnly) return data
  const issue = await loadPreflightIssue(req, originalDoc.id)
  if (!issue) return data
  const problems = await checkIssue(req, withChanges(issue, data), { blockingOnly: true })
  const entry = decide('publish', issue.label, problems, reason, req.user)
  if (entry) data.overrides = [...(data.overrides as OverrideEntry[]), entry]
  return data
}

/**
 * The send gate (`POST /api/newsletter/issues/:issue/send`, `briefing newsletter send`): the same
 * decision before a campaign starts; an override is recorded on the issue.
 */
export async function gateSend(
  payload: Payload,
  issueId: number | string,
  reason: string | undefined,
  user: PayloadRequest['user'] | null = null,
): Promise<void> {
  const req = await createLocalReq({ user: user ?? undefined }, payload)
  const issue = await loadPreflightIssue(req, issueId)
  if (!issue) throw new APIError('No such issue.', 404, null, true)
  const entry = decide('send', issue.label, await checkIssue(req, issue, { blockingOnly: true }), reason, user)
  if (!entry) return
  // publishGate appends the entry; `overridesOnly` keeps this save from publishing newer item drafts.
  await payload.update({
    collection: 'issues',
    id: issueId,
    depth: 0,
    draft: false,
    ...asSystem('derived'),
    context: { overrideEntry: entry, overridesOnly: true },
    data: {},
  })
}
