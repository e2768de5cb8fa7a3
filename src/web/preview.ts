import type { Express, Request, Response } from 'express'
import type { Payload } from 'payload'

import { esc } from '../../templates/web/html'
import { renderIssuePage } from '../../templates/web/issue'
import { renderSpecialIssuePage } from '../../templates/web/special'
import { renderPage } from '../../templates/web/layout'
import { buildSpecialIssueView } from '../content/special'
import { buildIssueView } from '../content/viewModel'
import { hasStaffRole } from '../access'
import { sendError } from '../lib/endpoint'
import { smallBodies } from '../security/bodies'
import { asUser } from '../lib/system'
import type { Issue } from '../payload-types'
import { previewVersion } from './cache'
import { loadSite } from './loaders'

/**
 * Authenticated preview of an issue's latest draft, for staff only (the Payload session cookie
 * `payload-token`, or an `Authorization: JWT …` header). Used by the admin's Preview button and
 * Live Preview pane. The page refreshes itself: on Payload live-preview messages (unsaved form
 * data is POSTed back and rendered), after saves, and when the server-side version changes.
 */

/** Fields of the live form data that may override the stored draft in a live render. */
const LIVE_FIELDS = [
  'title',
  'volume',
  'number',
  'periodStart',
  'periodEnd',
  'highlights',
  'sections',
  'coverImage',
  'editorsNote',
] as const

async function staffUser(payload: Payload, req: Request) {
  const headers = new Headers()
  // Payload checks Origin / Sec-Fetch-Site against its CSRF list for cookie sessions.
  for (const name of ['cookie', 'authorization', 'origin', 'sec-fetch-site']) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  const { user } = await payload.auth({ headers }).catch(() => ({ user: null }))
  return hasStaffRole(user) ? user : null
}

const noStore = (res: Response) => {
  res.setHeader('Cache-Control', 'private, no-store')
  res.setHeader('X-Robots-Tag', 'noindex, nofollow')
}

async function loadDraft(payload: Payload, slug: string, user: unknown): Promise<Issue | null> {
  const res = await payload.find({
    collection: 'issues',
    where: { slug: { equals: slug } },
    draft: true,
    depth: 0,
    limit: 1,
    ...asUser(user as never),
  })
  return (res.docs[0] as Issue | undefined) ?? null
}

export function mountPreviewRoutes(app: Express, getPayload: () => Promise<Payload>): void {
  const render = async (req: Request, res: Response, live?: Record<string, unknown>) => {
    noStore(res)
    try {
      const payload = await getPayload()
      const site = await loadSite(payload)
      const slug = String(req.params.slug)
      const self = `/preview/issues/${encodeURIComponent(slug)}`
      const user = await staffUser(payload, req)
      if (!user) {
        const login = `/admin/login?redirect=${encodeURIComponent(self)}`
        const body = `<h1>Sign in to preview</h1><p>Previews of unpublished issues are for staff. <a href="${esc(login)}">Sign in</a> and come back.</p>`
        res
          .status(401)
          .type('html')
          .send(
            renderPage({
              ...site,
              title: 'Sign in to preview',
              description: 'Preview requires signing in.',
              canonical: `${site.publicUrl}${self}`,
              robots: 'noindex',
              body,
            }),
          )
        return
      }
      const stored = await loadDraft(payload, slug, user)
      if (!stored) {
        res.status(404).type('text/plain').send(`No issue with the slug "${slug}".`)
        return
      }
      const issue = live ? mergeLive(stored, live) : stored
      const options = { draft: true, as: asUser(user), publicUrl: site.publicUrl }
      const banner = `<p class="preview-banner" role="status">Preview of the latest draft${issue._status === 'published' ? ' (this issue is published; unpublished changes are shown)' : ' (not published)'}. Updates live while you edit.</p>`
      // A special issue previews as its own page (date groups and entries), a weekly one as the issue page.
      const view = issue.kind === 'special' ? null : await buildIssueView(payload, issue, options)
      if (issue.kind !== 'special' && !view) {
        res.status(404).type('text/plain').send('Not found.')
        return
      }
      const page = view
        ? renderIssuePage(view, { ...site, preview: banner })
        : renderSpecialIssuePage(await buildSpecialIssueView(payload, issue, options), { ...site, preview: banner })
      const version = previewVersion(stored.id)
      const script = `<script src="/assets/preview.js" data-url="${esc(self)}" data-version="${esc(`${self}/version`)}" data-current="${esc(version)}" defer></script>`
      res
        .status(200)
        .type('html')
        .send(page.replace('</head>', `${script}\n</head>`))
    } catch (err) {
      console.error('web preview failed:', err)
      if (!res.headersSent) res.status(500).type('text/plain').send('The preview could not be rendered.')
    }
  }

  app.get('/preview/issues/:slug', (req, res) => render(req, res))
  app.post('/preview/issues/:slug', smallBodies('2mb'), (req, res) => {
    const data = (req.body as { data?: unknown } | undefined)?.data
    if (!data || typeof data !== 'object') {
      noStore(res)
      res.status(400).type('text/plain').send('Expected JSON { "data": { …issue fields } }.')
      return
    }
    return render(req, res, data as Record<string, unknown>)
  })
  app.get('/preview/issues/:slug/version', async (req, res) => {
    noStore(res)
    const payload = await getPayload()
    const user = await staffUser(payload, req)
    if (!user) {
      return sendError(res, 401, 'Sign in as staff to preview.')
    }
    const issue = await loadDraft(payload, String(req.params.slug), user)
    if (!issue) {
      return sendError(res, 404, 'No such issue.')
    }
    res.json({ version: previewVersion(issue.id) })
  })
}

/** Overlay the live (unsaved) form values on the stored draft, keeping its identity. */
function mergeLive(stored: Issue, live: Record<string, unknown>): Issue {
  const merged: Record<string, unknown> = { ...stored }
  for (const field of LIVE_FIELDS) if (field in live) merged[field] = live[field]
  merged.label = undefined
  merged._status = 'draft'
  return merged as unknown as Issue
}
