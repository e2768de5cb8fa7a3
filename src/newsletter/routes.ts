import type { Express, Request, Response } from 'express'

import { newsletterSubscribeLimit, newsletterWorkerExternal } from '../env'

import { choicesFor } from './memberships'
import { allNewsletters, defaultNewsletters, newsletterOfToken } from './newsletters'
import { checkInboxPage, messagePage, preferencesPage, subscribePage, unsubscribeConfirmPage } from './pages'
import { newsletterTracking, trackingSection } from '../analytics/privacy'
import { errorBody } from '../lib/endpoint'
import { createSharedRateLimiter } from '../lib/rateLimit'
import { smallBodies } from '../security/bodies'
import {
  choosePreferences,
  confirmSubscription,
  requestSubscription,
  setSubscription,
  subscriberForToken,
} from './subscriptions'

export type NewsletterRouteOptions = {
  /** Subscribe requests allowed per client IP and window (default 10 per 10 minutes, or NEWSLETTER_SUBSCRIBE_LIMIT). */
  subscribeLimit?: { max: number; windowMs: number }
  /** Run the send queue inside the web process (default unless NEWSLETTER_WORKER=external). */
  worker?: boolean
}

const wantsJson = (req: Request) =>
  (req.get('accept') ?? '').includes('application/json') && !(req.get('accept') ?? '').includes('text/html')

/** A page for browsers; for JSON clients `{ ok, message }`, or Payload's error shape for a refusal. */
function answer(req: Request, res: Response, status: number, title: string, message: string, html?: string) {
  res.status(status).set('Cache-Control', 'no-store')
  if (wantsJson(req)) return res.json(status < 400 ? { ok: true, message } : errorBody(message))
  return res.type('html').send(html ?? messagePage(title, message))
}

/** Loaded on first use, so that importing this module never evaluates the Payload config. */
const getBriefingPayload = async () => (await import('../lib/payload')).getBriefingPayload()

/** Small bodies only; a malformed or oversized one gets 400/413 JSON, not express's HTML error page. */
const bodyParsers = [smallBodies('16kb')]

/** Subscribe (double opt-in), confirm, unsubscribe (RFC 8058 one-click) and preferences. */
export async function mountNewsletterRoutes(app: Express, options: NewsletterRouteOptions = {}): Promise<void> {
  const limit = options.subscribeLimit ?? { max: newsletterSubscribeLimit(), windowMs: 10 * 60 * 1000 }
  // Counted in the database: the limit holds however many web instances share it.
  const limiter = createSharedRateLimiter('subscribe', limit.max, limit.windowMs)
  mountSubscribeRoutes(app, limiter)
  mountUnsubscribeRoutes(app)
  mountPreferencesRoutes(app)

  if (options.worker ?? !newsletterWorkerExternal()) {
    const { startBackgroundJobs } = await import('../jobs/worker')
    startBackgroundJobs(getBriefingPayload)
  }
}

type SubscribeLimiter = ReturnType<typeof createSharedRateLimiter>

/** `POST /subscribe` (rate-limited, honeypot), the sign-up page and the confirmation link. */
function mountSubscribeRoutes(app: Express, limiter: SubscribeLimiter): void {
  app.post('/subscribe', ...bodyParsers, async (req, res) => {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    const taken = await limiter.take(await getBriefingPayload(), ip)
    if (!taken.allowed) {
      res.set('Retry-After', String(taken.retryAfterSeconds))
      return answer(
        req,
        res,
        429,
        'Too many requests',
        'Too many subscription requests from your network. Please try again later.',
      )
    }
    const body = (req.body ?? {}) as Record<string, unknown>
    // Honeypot: people never fill the hidden "website" field; bots do. Same answer, nothing stored.
    if (typeof body.website === 'string' && body.website.trim() !== '') {
      return answer(
        req,
        res,
        202,
        'Check your inbox',
        'Check your inbox to confirm your subscription.',
        checkInboxPage(),
      )
    }
    const payload = await getBriefingPayload()
    const result = await requestSubscription(payload, {
      email: body.email,
      name: body.name,
      newsletter: body.newsletter,
    })
    if (!result.ok) return answer(req, res, result.status, 'Please check your address', result.message)
    return answer(req, res, 202, 'Check your inbox', 'Check your inbox to confirm your subscription.', checkInboxPage())
  })

  app.get('/subscribe', async (_req, res) => {
    const payload = await getBriefingPayload()
    const defaults = new Set((await defaultNewsletters(payload)).map((n) => n.id))
    const all = await allNewsletters(payload)
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(subscribePage(all.map((n) => ({ slug: n.slug ?? '', name: n.name, checked: defaults.has(n.id) }))))
  })

  app.get('/subscribe/confirm', async (req, res) => {
    const payload = await getBriefingPayload()
    const result = await confirmSubscription(payload, req.query.token)
    if (!result.ok) return answer(req, res, result.status, 'Link not valid', result.message)
    if (result.subscriber.status !== 'active')
      return answer(req, res, 409, 'Cannot subscribe', 'This address cannot receive the newsletter.')
    if ('already' in result)
      return answer(req, res, 200, 'Already confirmed', `Already confirmed: ${result.subscriber.email} is subscribed.`)
    return answer(
      req,
      res,
      200,
      'You are subscribed',
      `Thank you: ${result.subscriber.email} will receive the next issue.`,
    )
  })
}

/** The unsubscribe page and its POST (also RFC 8058 one-click). */
function mountUnsubscribeRoutes(app: Express): void {
  app.get('/unsubscribe', async (req, res) => {
    const payload = await getBriefingPayload()
    const found = await subscriberForToken(payload, req.query.token, 'unsubscribe')
    if (!found.ok) return answer(req, res, found.status, 'Link not valid', found.message)
    const from = await newsletterOfToken(payload, found.claims?.newsletter)
    if (found.subscriber.status === 'unsubscribed')
      return answer(req, res, 200, 'Unsubscribed', `${found.subscriber.email} is unsubscribed.`)
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(unsubscribeConfirmPage(String(req.query.token), found.subscriber.email, from?.name))
  })

  // RFC 8058: a POST with `List-Unsubscribe=One-Click` unsubscribes at once; the page's button posts here too.
  app.post('/unsubscribe', ...bodyParsers, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const oneClick = body['List-Unsubscribe'] === 'One-Click'
    if (!oneClick && body.confirm !== '1')
      return answer(req, res, 400, 'Not understood', 'Send List-Unsubscribe=One-Click or use the button.')
    const payload = await getBriefingPayload()
    // One-click leaves the newsletter the message came from; the page also offers everything.
    const everything = !oneClick && body.scope === 'all'
    const result = await setSubscription(payload, req.query.token ?? body.token, 'unsubscribed', { everything })
    if (!result.ok) return answer(req, res, result.status, 'Link not valid', result.message)
    const from = everything ? null : await newsletterOfToken(payload, result.claims?.newsletter)
    return answer(
      req,
      res,
      200,
      'Unsubscribed',
      `${result.subscriber.email} will not receive ${from ? from.name : 'the newsletter'} any more.`,
    )
  })
}

/** The preferences page: join and leave newsletters, unsubscribe from or rejoin everything. */
function mountPreferencesRoutes(app: Express): void {
  app.get('/preferences', async (req, res) => {
    const payload = await getBriefingPayload()
    const found = await subscriberForToken(payload, req.query.token, 'unsubscribe')
    if (!found.ok) return answer(req, res, found.status, 'Link not valid', found.message)
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        preferencesPage(
          String(req.query.token),
          found.subscriber.email,
          found.subscriber.status,
          await choicesFor(payload, found.subscriber.id),
          trackingSection(
            String(req.query.token),
            await newsletterTracking(payload),
            Boolean(found.subscriber.trackingOptOut),
          ),
        ),
      )
  })

  app.post('/preferences', ...bodyParsers, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const wanted = body.action === 'resubscribe' ? 'active' : body.action === 'unsubscribe' ? 'unsubscribed' : null
    if (!wanted && body.action !== 'save')
      return answer(req, res, 400, 'Not understood', 'Choose newsletters, unsubscribe or subscribe again.')
    const payload = await getBriefingPayload()
    const token = String(req.query.token ?? '')
    const result = wanted
      ? await setSubscription(payload, token, wanted, { everything: true })
      : await choosePreferences(payload, token, body.newsletter)
    if (!result.ok) return answer(req, res, result.status, 'Not changed', result.message)
    const choices = await choicesFor(payload, result.subscriber.id)
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        preferencesPage(
          token,
          result.subscriber.email,
          result.subscriber.status,
          choices,
          trackingSection(token, await newsletterTracking(payload), Boolean(result.subscriber.trackingOptOut)),
        ),
      )
  })
}
