import type { Endpoint, PayloadRequest } from 'payload'

import { hasEditorRole } from '../access'
import { endpoint, readBody, refusal } from '../lib/endpoint'
import type { Translation } from '../payload-types'
import { overrideReason } from '../preflight/gate'
import { countAudience } from './campaign'
import {
  audienceStatus,
  campaignView,
  forEditors,
  forStaff,
  queryTargetNames,
  targetNames,
  targetOrRefuse,
} from './endpoints'
import { renderTranslationEmail } from './render'
import { sendTestEmail } from './testSend'
import {
  campaignForTranslation,
  findTranslation,
  gateTranslationSend,
  resolveTranslationTarget,
  startTranslationCampaign,
} from './translationSend'

/**
 * A translation's newsletter endpoints, the same as an issue's (`/api/newsletter/issues/:issue/…`):
 * preview, status (audience, size, campaign), test and send (editors, with the exact count).
 */
const json = (body: unknown, status = 200) => Response.json(body, { status })

async function translationParam(req: PayloadRequest): Promise<Translation> {
  const id = String(req.routeParams?.translation ?? '')
  const translation = id ? await findTranslation(req.payload, id) : null
  if (!translation) throw refusal(404, 'No such translation.')
  return translation
}

const targetParam = async (req: PayloadRequest, names: { newsletter?: unknown; segment?: unknown }) =>
  targetOrRefuse(await resolveTranslationTarget(req.payload, targetNames(names)))

const base = '/newsletter/translations/:translation'

export const translationNewsletterEndpoints: Endpoint[] = [
  endpoint({
    path: `${base}/preview`,
    method: 'get',
    ...forStaff,
    handler: async (req) => {
      const translation = await translationParam(req)
      const rendered = await renderTranslationEmail(req.payload, translation.id, { draft: true })
      if (req.searchParams.get('format') === 'text')
        return new Response(rendered.text, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
      return new Response(rendered.html, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'x-email-bytes': String(rendered.htmlBytes) },
      })
    },
  }),
  endpoint({
    path: `${base}/status`,
    method: 'get',
    ...forStaff,
    handler: async (req) => {
      const translation = await translationParam(req)
      const target = await targetParam(req, queryTargetNames(req))
      const rendered = await renderTranslationEmail(req.payload, translation.id, { draft: true }).catch(
        (err: Error) => ({ error: err.message }),
      )
      return json({
        translation: { id: translation.id, slug: translation.slug, status: translation._status },
        ...(await audienceStatus(req, target)),
        size:
          'error' in rendered
            ? { error: rendered.error }
            : { format: rendered.format, htmlBytes: rendered.htmlBytes, textBytes: rendered.textBytes },
        campaign: await campaignView(req, await campaignForTranslation(req.payload, translation.id, target)),
        canSend: hasEditorRole(req.user),
      })
    },
  }),
  endpoint({
    path: `${base}/test`,
    method: 'post',
    ...forEditors,
    handler: async (req) => {
      const translation = await translationParam(req)
      const body = await readBody(req)
      const result = await sendTestEmail(req.payload, `translation-${translation.id}`, String(body.email ?? ''), () =>
        renderTranslationEmail(req.payload, translation.id, { draft: true }),
      )
      if (!result.ok) throw refusal(result.status, result.error)
      return json(result)
    },
  }),
  endpoint({
    path: `${base}/send`,
    method: 'post',
    ...forEditors,
    handler: async (req) => {
      const translation = await translationParam(req)
      if (translation._status !== 'published') throw refusal(409, 'Publish the translation before sending it.')
      const body = await readBody(req)
      const target = await targetParam(req, body)
      const existing = await campaignForTranslation(req.payload, translation.id, target)
      if (existing)
        throw refusal(409, `This translation was already sent to this audience (campaign is ${existing.status}).`, {
          campaign: await campaignView(req, existing),
        })
      const audience = await countAudience(req.payload, target)
      if (Number(body.confirmRecipients) !== audience)
        throw refusal(400, `Confirm the send to ${audience} recipients (confirmRecipients: ${audience}).`, { audience })
      const reason = gateTranslationSend(translation, overrideReason(body.override), req.user)
      const campaign = await startTranslationCampaign(req.payload, translation, {
        userId: req.user?.id,
        target,
        overrideReason: reason,
      })
      return json({ ok: true, campaign: await campaignView(req, campaign) }, 202)
    },
  }),
]
