import type { Payload } from 'payload'

import { countAudience, findIssue } from './campaign'
import { cancelSchedule, createSchedule, issueSchedules, scheduleTarget, type ScheduleView } from './schedule'

type Names = { newsletter?: string; segment?: string }

/** A refusal's message on stderr and exit code 1 (nothing was stored). */
const refused = (err: unknown) => (console.error(`briefing: ${(err as Error).message}`), 1)

const describe = (s: Pick<ScheduleView, 'newsletter' | 'segment'>) =>
  `${s.segment ? `segment ${s.segment.slug} of ` : ''}newsletter ${s.newsletter?.slug ?? '?'}`

/** `briefing newsletter send <slug> --at <time> [--publish]`: schedule the send (exit 0) or say why not (1). */
export async function scheduleFromCli(
  payload: Payload,
  slug: string,
  opts: Names & { at: string; publish?: boolean; override?: string },
): Promise<number> {
  const issue = await findIssue(payload, slug)
  if (!issue) return (console.error(`briefing: no issue with slug ${slug}`), 1)
  try {
    const action = opts.publish ? 'publish-and-send' : 'send'
    const doc = await createSchedule(payload, issue, { ...opts, action }, null)
    const audience = await countAudience(payload, await scheduleTarget(payload, issue, opts))
    const verb = opts.publish ? 'publish and send' : 'send'
    console.log(`scheduled: ${verb} ${issue.slug} at ${doc.at} (${audience} recipient(s) now)`)
    return 0
  } catch (err) {
    return refused(err)
  }
}

/** `briefing newsletter schedule cancel <slug>`: cancel the pending schedule to the target. */
export async function cancelFromCli(payload: Payload, slug: string, names: Names): Promise<number> {
  const issue = await findIssue(payload, slug)
  if (!issue) return (console.error(`briefing: no issue with slug ${slug}`), 1)
  try {
    const doc = await cancelSchedule(payload, issue, names, null)
    console.log(`cancelled: the ${doc.action} of ${issue.slug} at ${doc.at}`)
    return 0
  } catch (err) {
    return refused(err)
  }
}

/** `briefing newsletter schedule list <slug>`: the issue's schedules (UTC), newest first. */
export async function listFromCli(payload: Payload, slug: string): Promise<number> {
  const issue = await findIssue(payload, slug)
  if (!issue) return (console.error(`briefing: no issue with slug ${slug}`), 1)
  const schedules = await issueSchedules(payload, issue.id)
  if (!schedules.length) console.log(`${slug}: nothing scheduled`)
  for (const s of schedules)
    console.log(
      `${s.at}  ${s.action}  ${describe(s)}  ${s.status}${s.failure ? `: ${s.failure}` : ''}${s.scheduledBy ? `  (by ${s.scheduledBy.email})` : ''}`,
    )
  return 0
}
