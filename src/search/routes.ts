import express, { type Express, type Request } from 'express'
import type { Payload } from 'payload'

import { hasStaffRole } from '../access'
import { publicUrl, searchEager } from '../env'
import type { Site } from '../../templates/web/pages'
import { loadSite } from '../web/loaders'
import { searchPageHtml } from './page'
import { parseSearchParams } from './params'
import { ensureBuilt, search, type SectionOption, sectionOptions } from './service'

type PayloadGetter = () => Promise<Payload>

/** Imported lazily so that loading these routes does not read the database settings early. */
const defaultPayload: PayloadGetter = async () => (await import('../lib/payload')).getBriefingPayload()

/** Signed-in staff (JWT header or payload-token cookie) see drafts too. */
async function isStaffRequest(payload: Payload, req: Request): Promise<boolean> {
  if (!req.headers.authorization && !req.headers.cookie?.includes('payload-token')) return false
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) headers.set(name, value.join(', '))
  }
  try {
    const { user } = await payload.auth({ headers })
    return hasStaffRole(user)
  } catch {
    return false
  }
}

/**
 * Express routes of the search feature, mounted before the Next/Payload handler:
 * `GET /api/search` (JSON) and the public `GET /search` page (published content only).
 */
export async function mountSearchRoutes(app: Express, getPayload: PayloadGetter = defaultPayload): Promise<void> {
  const router = express.Router()

  router.get('/api/search', async (req, res) => {
    const parsed = parseSearchParams(req.query as Record<string, unknown>)
    if (!parsed.ok) {
      res.status(parsed.status).json({ errors: [{ message: parsed.message }] })
      return
    }
    try {
      const payload = await getPayload()
      const staff = await isStaffRequest(payload, req)
      const result = await search(payload, { ...parsed.request, staff })
      res.setHeader('Cache-Control', staff ? 'private, no-store' : 'public, max-age=30')
      res.json(result)
    } catch (err) {
      console.error('search failed', err)
      res.status(503).json({ errors: [{ message: 'Search is unavailable right now; try again shortly.' }] })
    }
  })

  router.get('/search', async (req, res) => {
    const parsed = parseSearchParams(req.query as Record<string, unknown>)
    const text = (name: string) =>
      typeof req.query[name] === 'string' ? (req.query[name] as string).slice(0, 200) : ''
    const filters = { section: text('section'), from: text('from'), to: text('to') }
    const page = { q: text('q'), filters, ...(await siteAndSections(getPayload)) }
    res.type('html')
    if (!parsed.ok) {
      res.status(parsed.status).send(searchPageHtml({ ...page, error: parsed.message }, page.site))
      return
    }
    try {
      const payload = await getPayload()
      const result = parsed.request.q
        ? await search(payload, { ...parsed.request, limit: parsed.request.limit ?? 20, staff: false })
        : undefined
      res.send(searchPageHtml({ ...page, request: parsed.request, result }, page.site))
    } catch (err) {
      console.error('search page failed', err)
      res
        .status(503)
        .send(searchPageHtml({ ...page, error: 'Search is unavailable right now; try again shortly.' }, page.site))
    }
  })

  app.use(router)

  // Build the index at start, in the background (queries wait for the same build).
  if (searchEager()) {
    setImmediate(() => {
      getPayload()
        .then((payload) => ensureBuilt(payload))
        .catch((err) => console.error('search index build failed', err))
    })
  }
}

/** The site (as the web pages have it) and the sections for the filter; no sections when unreadable. */
async function siteAndSections(getPayload: PayloadGetter): Promise<{ site: Site; sections: SectionOption[] }> {
  try {
    const payload = await getPayload()
    return { site: await loadSite(payload), sections: await sectionOptions(payload).catch(() => []) }
  } catch {
    return { site: { publicUrl: publicUrl(), siteName: 'Briefing' }, sections: [] }
  }
}
