import type { Endpoint, PayloadRequest } from 'payload'

import { endpoint, readBody, refusal } from '../lib/endpoint'
import type { Issue } from '../payload-types'
import { findIssue } from './campaign'
import { targetChoices } from './endpoints'
import { cancelSchedule, createSchedule, issueSchedules, scheduleView } from './schedule'

const forEditors = { role: 'editor', action: 'schedule sends' } as const
const PATH = '/:id/schedule-send'

async function issueParam(req: PayloadRequest): Promise<Issue> {
  const id = String(req.routeParams?.id ?? '')
  const issue = id ? await findIssue(req.payload, id) : null
  if (!issue) throw refusal(404, 'No such issue.')
  return issue
}

/** `newsletter`/`segment` from the query string, else from the body. */
async function namesOf(req: PayloadRequest) {
  const body = await readBody(req)
  const q = req.searchParams
  return { newsletter: q.get('newsletter') ?? body.newsletter, segment: q.get('segment') ?? body.segment }
}

/**
 * Scheduled sends of an issue (editors; endpoints of the issues collection):
 * `GET /api/issues/:id/schedule-send` lists them (newest first, with the newsletters and segments to
 * choose from), `POST` schedules one
 * `{ at, action: 'send' | 'publish-and-send', newsletter?, segment?, override? }` (201), `DELETE`
 * cancels the pending one of `newsletter`/`segment` (query or body; default: the issue's newsletter).
 */
export const scheduleEndpoints: Endpoint[] = [
  endpoint({
    path: PATH,
    method: 'get',
    ...forEditors,
    handler: async (req) => {
      const issue = await issueParam(req)
      return Response.json({
        docs: await issueSchedules(req.payload, issue.id),
        targets: await targetChoices(req),
        issue: { id: issue.id, slug: issue.slug, status: issue._status },
      })
    },
  }),
  endpoint({
    path: PATH,
    method: 'post',
    ...forEditors,
    handler: async (req) => {
      const issue = await issueParam(req)
      const doc = await createSchedule(req.payload, issue, await readBody(req), req.user)
      return Response.json({ doc: await scheduleView(req.payload, doc.id) }, { status: 201 })
    },
  }),
  endpoint({
    path: PATH,
    method: 'delete',
    ...forEditors,
    handler: async (req) => {
      const issue = await issueParam(req)
      const doc = await cancelSchedule(req.payload, issue, await namesOf(req), req.user)
      return Response.json({ doc: await scheduleView(req.payload, doc.id) })
    },
  }),
]
