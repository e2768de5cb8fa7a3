import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { hasEditorRole, hasStaffRole } from '../access'
import type { Campaign, Issue } from '../payload-types'
import { parseId } from '../lib/db'
import {
  campaignForIssue,
  countAudience,
  findIssue,
  resumeCampaign,
  retryFailed,
  setCampaignStatus,
  startCampaign,
} from './campaign'
import { exportSubscribers, importSubscribers } from './csv'
import { summarise } from './ledger'
import { GMAIL_CLIP_BYTES, HTML_BUDGET_BYTES, renderIssueEmail, type EmailFormatChoice } from './render'
import { subscriberStats } from './stats'
import { sendTestEmail } from './testSend'
import { asSystem } from '../lib/system'

const json = (body: unknown, status = 200) => Response.json(body, { status })
const refuse = (req: PayloadRequest) =>
  req.user ? json({ error: 'Only editors and admins can do this.' }, 403) : json({ error: 'Sign in first.' }, 401)

/** Editors and admins only (never contributors, never the public). */
const editorsOnly =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) =>
    hasEditorRole(req.user) ? handler(req) : refuse(req)

const staffOnly =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) =>
    hasStaffRole(req.user) ? handler(req) : refuse(req)

const bodyOf = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  try {
    return ((await req.json?.()) ?? {}) as Record<string, unknown>
  } catch {
    return {}
  }
}

async function issueParam(req: PayloadRequest): Promise<Issue | null> {
  const id = String(req.routeParams?.issue ?? '')
  return id ? findIssue(req.payload, id) : null
}

const formatParam = (value: unknown): EmailFormatChoice | undefined =>
  value === 'full' || value === 'digest' || value === 'auto' ? value : undefined

const campaignView = async (req: PayloadRequest, campaign: Campaign | null) =>
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
  {
    path: '/newsletter/issues/:issue/preview',
    method: 'get',
    handler: staffOnly(async (req) => {
      const issue = await issueParam(req)
      if (!issue) return json({ error: 'No such issue.' }, 404)
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
    }),
  },
  {
    path: '/newsletter/issues/:issue/status',
    method: 'get',
    handler: staffOnly(async (req) => {
      const issue = await issueParam(req)
      if (!issue) return json({ error: 'No such issue.' }, 404)
      const rendered = await renderIssueEmail(req.payload, issue.id, { draft: true }).catch((err: Error) => ({
        error: err.message,
      }))
      return json({
        issue: { id: issue.id, slug: issue.slug, status: issue._status },
        audience: await countAudience(req.payload),
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
        campaign: await campaignView(req, await campaignForIssue(req.payload, issue.id)),
        canSend: hasEditorRole(req.user),
      })
    }),
  },
  {
    path: '/newsletter/issues/:issue/test',
    method: 'post',
    handler: editorsOnly(async (req) => {
      const issue = await issueParam(req)
      if (!issue) return json({ error: 'No such issue.' }, 404)
      const body = await bodyOf(req)
      const result = await sendTestEmail(req.payload, issue.id, String(body.email ?? ''))
      return result.ok ? json(result) : json({ error: result.error }, result.status)
    }),
  },
  {
    path: '/newsletter/issues/:issue/send',
    method: 'post',
    handler: editorsOnly(async (req) => {
      const issue = await issueParam(req)
      if (!issue) return json({ error: 'No such issue.' }, 404)
      if (issue._status !== 'published') return json({ error: 'Publish the issue before sending it.' }, 409)
      const existing = await campaignForIssue(req.payload, issue.id)
      if (existing)
        return json(
          {
            error: `This issue was already sent (campaign is ${existing.status}).`,
            campaign: await campaignView(req, existing),
          },
          409,
        )
      const audience = await countAudience(req.payload)
      const body = await bodyOf(req)
      if (Number(body.confirmRecipients) !== audience) {
        return json(
          { error: `Confirm the send to ${audience} recipients (confirmRecipients: ${audience}).`, audience },
          400,
        )
      }
      const campaign = await startCampaign(req.payload, issue, {
        userId: req.user?.id,
        format: formatParam(body.format),
      })
      return json({ ok: true, campaign: await campaignView(req, campaign) }, 202)
    }),
  },
  {
    path: '/newsletter/campaigns/:campaign/:action',
    method: 'post',
    handler: editorsOnly(async (req) => {
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
      if (!campaign) return json({ error: 'No such campaign.' }, 404)
      const action = req.routeParams?.action
      if (action === 'retry-failed') return json({ ok: true, reopened: await retryFailed(req.payload, campaign) })
      if (action === 'pause')
        return json({
          ok: await setCampaignStatus(req.payload, campaign.id, 'sending', 'paused', 'paused by an editor'),
        })
      if (action === 'resume') return json({ ok: await resumeCampaign(req.payload, campaign) })
      return json({ error: 'Unknown action (retry-failed, pause, resume).' }, 404)
    }),
  },
  {
    path: '/newsletter/subscribers/import',
    method: 'post',
    handler: editorsOnly(async (req) => {
      const body = await bodyOf(req)
      if (typeof body.csv !== 'string' || !body.csv.trim())
        return json({ error: 'Send {"csv": "email,name\\n…"}.' }, 400)
      return json(await importSubscribers(req.payload, body.csv, { confirmed: body.confirmed === true }))
    }),
  },
  {
    path: '/newsletter/subscribers/export',
    method: 'get',
    handler: editorsOnly(async (req) => {
      const csv = await exportSubscribers(req.payload)
      return new Response(csv, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="subscribers.csv"',
        },
      })
    }),
  },
  {
    path: '/newsletter/subscribers/stats',
    method: 'get',
    handler: editorsOnly(async (req) => json(await subscriberStats(req.payload))),
  },
]
