import type { Endpoint, PayloadRequest } from 'payload'

import { hasEditorRole } from '../access'
import type { Campaign, Issue, Newsletter } from '../payload-types'
import { parseId } from '../lib/db'
import { BODY_LIMITS } from '../security/bodies'
import { endpoint, readBody, refusal } from '../lib/endpoint'
import {
  campaignForIssue,
  countAudience,
  findIssue,
  resolveTarget,
  resumeCampaign,
  retryFailed,
  type SendTarget,
  setCampaignStatus,
  startCampaign,
} from './campaign'
import { exportSubscribers, importSubscribers } from './csv'
import { summarise } from './ledger'
import { GMAIL_CLIP_BYTES, HTML_BUDGET_BYTES, renderIssueEmail, type EmailFormatChoice } from './render'
import { subscriberStats } from './stats'
import { CREATION_ORDER } from '../lib/db'
import { sendTestEmail } from './testSend'
import { asSystem } from '../lib/system'
import { gateSend, overrideReason } from '../preflight/gate'

const json = (body: unknown, status = 200) => Response.json(body, { status })

/** Editors and admins only (never contributors, never the public). */
export const forEditors = { role: 'editor', action: 'do this' } as const
export const forStaff = { role: 'staff', action: 'see the newsletter' } as const

/** The issue named in the path; 404 when there is none. */
async function issueParam(req: PayloadRequest): Promise<Issue> {
  const id = String(req.routeParams?.issue ?? '')
  const issue = id ? await findIssue(req.payload, id) : null
  if (!issue) throw refusal(404, 'No such issue.')
  return issue
}

/** The `newsletter`/`segment` slugs a query or body names (empty values dropped). */
export const targetNames = (names: { newsletter?: unknown; segment?: unknown }) => {
  const slug = (v: unknown) => (typeof v === 'string' && v ? v : undefined)
  return { newsletter: slug(names.newsletter), segment: slug(names.segment) }
}

/** The same from the query string. */
export const queryTargetNames = (req: PayloadRequest) =>
  targetNames({ newsletter: req.searchParams.get('newsletter'), segment: req.searchParams.get('segment') })

/** A resolved target, or 400 with the reason it could not be resolved. */
export function targetOrRefuse(target: SendTarget | { error: string }): SendTarget {
  if ('error' in target) throw refusal(400, `${target.error[0].toUpperCase()}${target.error.slice(1)}.`)
  return target
}

/** The send target named by `newsletter`/`segment` slugs (query or body); 400 for unknown ones. */
const targetParam = async (req: PayloadRequest, issue: Issue, names: { newsletter?: unknown; segment?: unknown }) =>
  targetOrRefuse(await resolveTarget(req.payload, issue, targetNames(names)))

/** The audience part of a status answer: the target, every choice and the exact count. */
export const audienceStatus = async (req: PayloadRequest, target: SendTarget) => ({
  target: { newsletter: target.newsletter.slug, segment: target.segment?.slug ?? null },
  targets: await targetChoices(req),
  audience: await countAudience(req.payload, target),
})

/** Every newsletter and saved segment an issue can be sent to (for the panel's choice). */
export async function targetChoices(req: PayloadRequest) {
  const [newsletters, segments] = await Promise.all([
    req.payload.find({
      collection: 'newsletters',
      sort: CREATION_ORDER,
      pagination: false,
      depth: 0,
      ...asSystem('newsletter'),
    }),
    req.payload.find({ collection: 'segments', sort: 'name', pagination: false, depth: 1, ...asSystem('newsletter') }),
  ])
  return [
    ...newsletters.docs.map((n) => ({ newsletter: n.slug, segment: null, label: n.name })),
    ...segments.docs.map((g) => {
      const n = g.newsletter as Newsletter
      return { newsletter: n.slug, segment: g.slug, label: `${n.name}: ${g.name}` }
    }),
  ]
}

const formatParam = (value: unknown): EmailFormatChoice | undefined =>
  value === 'full' || value === 'digest' || value === 'auto' ? value : undefined

export const campaignView = async (req: PayloadRequest, campaign: Campaign | null) =>
  campaign
    ? {
        id: campaign.id,
        status: campaign.status,
        format: campaign.format,
        htmlBytes: campaign.htmlBytes,
        pausedReason: campaign.pausedReason ?? null,
        startedAt: campaign.startedAt,
        completedAt: campaign.completedAt,
        ...(await summarise(req.payload, campaign.id)),
      }
    : null

export const newsletterEndpoints: Endpoint[] = [
  endpoint({
    path: '/newsletter/issues/:issue/preview',
    method: 'get',
    ...forStaff,
    handler: async (req) => {
      const issue = await issueParam(req)
      const q = req.searchParams
      const rendered = await renderIssueEmail(req.payload, issue.id, {
        format: formatParam(q.get('variant')),
        draft: q.get('draft') !== '0',
      })
      if (q.get('format') === 'text')
        return new Response(rendered.text, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
      return new Response(rendered.html, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'x-email-bytes': String(rendered.htmlBytes) },
      })
    },
  }),
  endpoint({
    path: '/newsletter/issues/:issue/status',
    method: 'get',
    ...forStaff,
    handler: async (req) => {
      const issue = await issueParam(req)
      const target = await targetParam(req, issue, queryTargetNames(req))
      const rendered = await renderIssueEmail(req.payload, issue.id, { draft: true }).catch((err: Error) => ({
        error: err.message,
      }))
      return json({
        issue: { id: issue.id, slug: issue.slug, status: issue._status },
        ...(await audienceStatus(req, target)),
        size:
          'error' in rendered
            ? { error: rendered.error }
            : {
                format: rendered.format,
                reason: rendered.reason,
                htmlBytes: rendered.htmlBytes,
                fullHtmlBytes: rendered.fullHtmlBytes,
                textBytes: rendered.textBytes,
                budget: HTML_BUDGET_BYTES,
                gmailClip: GMAIL_CLIP_BYTES,
              },
        campaign: await campaignView(req, await campaignForIssue(req.payload, issue.id, target)),
        canSend: hasEditorRole(req.user),
      })
    },
  }),
  endpoint({
    path: '/newsletter/issues/:issue/test',
    method: 'post',
    ...forEditors,
    handler: async (req) => {
      const issue = await issueParam(req)
      const body = await readBody(req)
      const result = await sendTestEmail(req.payload, issue.id, String(body.email ?? ''))
      if (!result.ok) throw refusal(result.status, result.error)
      return json(result)
    },
  }),
  endpoint({
    path: '/newsletter/issues/:issue/send',
    method: 'post',
    ...forEditors,
    handler: async (req) => {
      const issue = await issueParam(req)
      if (issue._status !== 'published') throw refusal(409, 'Publish the issue before sending it.')
      const body = await readBody(req)
      const target = await targetParam(req, issue, body)
      const existing = await campaignForIssue(req.payload, issue.id, target)
      if (existing)
        throw refusal(409, `This issue was already sent to this audience (campaign is ${existing.status}).`, {
          campaign: await campaignView(req, existing),
        })
      const audience = await countAudience(req.payload, target)
      if (Number(body.confirmRecipients) !== audience) {
        throw refusal(400, `Confirm the send to ${audience} recipients (confirmRecipients: ${audience}).`, {
          audience,
        })
      }
      await gateSend(req.payload, issue.id, overrideReason(body.override), req.user)
      const campaign = await startCampaign(req.payload, issue, {
        userId: req.user?.id,
        format: formatParam(body.format),
        target,
      })
      return json({ ok: true, campaign: await campaignView(req, campaign) }, 202)
    },
  }),
  endpoint({
    path: '/newsletter/campaigns/:campaign/:action',
    method: 'post',
    ...forEditors,
    handler: async (req) => {
      const id = parseId(req.payload, req.routeParams?.campaign)
      const campaign =
        id === undefined
          ? null
          : ((await req.payload.findByID({
              collection: 'campaigns',
              id,
              ...asSystem('newsletter'),
              depth: 0,
              disableErrors: true,
            })) as Campaign | null)
      if (!campaign) throw refusal(404, 'No such campaign.')
      const action = req.routeParams?.action
      if (action === 'retry-failed') return json({ ok: true, reopened: await retryFailed(req.payload, campaign) })
      if (action === 'pause')
        return json({
          ok: await setCampaignStatus(req.payload, campaign.id, 'sending', 'paused', 'paused by an editor'),
        })
      if (action === 'resume') return json({ ok: await resumeCampaign(req.payload, campaign) })
      throw refusal(404, 'Unknown action (retry-failed, pause, resume).')
    },
  }),
  endpoint({
    path: '/newsletter/subscribers/import',
    method: 'post',
    ...forEditors,
    handler: async (req) => {
      const body = await readBody(req, BODY_LIMITS.routes['/api/newsletter/subscribers/import'])
      if (typeof body.csv !== 'string' || !body.csv.trim()) throw refusal(400, 'Send {"csv": "email,name\\n…"}.')
      return json(await importSubscribers(req.payload, body.csv, { confirmed: body.confirmed === true }))
    },
  }),
  endpoint({
    path: '/newsletter/subscribers/export',
    method: 'get',
    ...forEditors,
    handler: async (req) => {
      const csv = await exportSubscribers(req.payload)
      return new Response(csv, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="subscribers.csv"',
        },
      })
    },
  }),
  endpoint({
    path: '/newsletter/subscribers/stats',
    method: 'get',
    ...forEditors,
    handler: async (req) => json(await subscriberStats(req.payload)),
  }),
]
