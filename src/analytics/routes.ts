import type { Express, Request, Response } from 'express'
import type { Payload } from 'payload'

import { errorBody, sendError } from '../lib/endpoint'
import { messagePage, page } from '../newsletter/pages'
import { subscriberForToken } from '../newsletter/subscriptions'
import { smallBodies } from '../security/bodies'
import { asSystem } from '../lib/system'
import { newsletterTracking, privacyBody } from './privacy'
import { campaignInfo } from './campaignInfo'
import { eventBuffer, recording } from './events'
import { isMachineOpen } from './machine'
import { type MessageClaims, messageKey, readClickToken, readPixelToken } from './token'

/** The smallest transparent GIF (1×1). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

export type AnalyticsRouteOptions = {
  payload?: () => Promise<Payload>
  /** The clock events are stamped with (tests move it to see how time since delivery is judged). */
  now?: () => number
}

const defaultPayload = async () => (await import('../lib/payload')).getBriefingPayload()

/** Record one open or click when the send is tracked and the reader did not opt out; otherwise nothing. */
async function record(
  payload: Payload,
  claims: MessageClaims,
  at: number,
  event: { kind: 'open' | 'click'; link?: number; machine?: boolean },
) {
  if (claims.optedOut) return
  const info = await campaignInfo(payload, claims.campaign)
  if (!info || info.mode === 'off') return
  eventBuffer(payload).add({
    campaign: info.id,
    kind: event.kind,
    message: messageKey(claims.campaign, claims.subscriber),
    subscriber: info.mode === 'individual' ? claims.subscriber : null,
    link: event.link ?? null,
    machine: event.machine ?? false,
    sentAt: new Date(claims.sentAt).toISOString(),
    at: new Date(at).toISOString(),
  })
}

/** `/o/<token>.gif` (open pixel) and `/r/<token>.<N>` (click redirect) of tracked newsletters. */
export async function mountAnalyticsRoutes(app: Express, options: AnalyticsRouteOptions = {}): Promise<void> {
  const getPayload = options.payload ?? defaultPayload
  const now = options.now ?? Date.now

  // Always the image, whatever the token: a mail client never shows a broken picture.
  app.get('/o/:file', async (req: Request, res: Response) => {
    res.set({ 'Cache-Control': 'no-store, max-age=0', 'Content-Type': 'image/gif' })
    res.send(PIXEL)
    const claims = readPixelToken(String(req.params.file))
    if (!claims) return
    const machine = isMachineOpen(req.get('user-agent'), req.ip ?? req.socket.remoteAddress)
    await recording((async () => record(await getPayload(), claims, now(), { kind: 'open', machine }))()).catch(
      () => undefined,
    )
  })

  app.get('/privacy', async (_req, res) => {
    const list = await newsletterTracking(await getPayload())
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(page('Privacy', privacyBody(list)))
  })

  // The preferences page's tracking switch: `tracking=off` opts the signed reader out, `on` back in.
  app.post('/preferences/tracking', smallBodies('4kb'), async (req, res) => {
    const payload = await getPayload()
    const found = await subscriberForToken(payload, req.query.token, 'unsubscribe')
    const wanted = (req.body as Record<string, unknown> | undefined)?.tracking
    const refusal = !found.ok
      ? found
      : wanted !== 'on' && wanted !== 'off'
        ? { status: 400, message: 'Send tracking=on or tracking=off.' }
        : null
    const json = (req.get('accept') ?? '').includes('application/json')
    res.set('Cache-Control', 'no-store')
    if (refusal) {
      res.status(refusal.status)
      return json
        ? res.json(errorBody(refusal.message))
        : res.type('html').send(messagePage('Not changed', refusal.message))
    }
    const { subscriber } = found as Extract<typeof found, { ok: true }>
    await payload.update({
      collection: 'subscribers',
      id: subscriber.id,
      data: { trackingOptOut: wanted === 'off' },
      ...asSystem('newsletter'),
    })
    const message =
      wanted === 'off' ? 'Opens and clicks are no longer recorded for you.' : 'Opens and clicks are counted again.'
    return json ? res.json({ ok: true, message }) : res.type('html').send(messagePage('Saved', message))
  })

  // Only to a link that was in that message: anything else is a 404, never a redirect elsewhere.
  app.get('/r/:token', async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store')
    const parsed = readClickToken(String(req.params.token))
    const payload = await getPayload()
    const info = parsed ? await campaignInfo(payload, parsed.claims.campaign) : null
    if (!parsed || !info || parsed.index > info.links.length) return sendError(res, 404, 'This link is not valid.')
    const at = now()
    await record(payload, parsed.claims, at, { kind: 'click', link: parsed.index })
    if (parsed.index === 0) return res.status(204).end()
    res.redirect(302, info.links[parsed.index - 1].url)
  })
}
