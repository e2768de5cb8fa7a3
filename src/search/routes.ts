import express, { type Express } from 'express'
import type { Payload } from 'payload'

import { publicUrl, searchEager } from '../env'
import type { Site } from '../../templates/web/pages'
import { loadSite } from '../web/loaders'
import { searchPageHtml } from './page'
import { parseSearchParams } from './params'
import { ensureBuilt, search, type SectionOption, sectionOptions } from './service'

type PayloadGetter = () => Promise<Payload>

/** Imported lazily so that loading these routes does not read the database settings early. */
const defaultPayload: PayloadGetter = async () => (await import('../lib/payload')).getBriefingPayload()

/**
 * Express routes of the search feature, mounted before the Next/Payload handler: the public
 * `GET /search` page (published content only). `GET /api/search` is a Payload endpoint (endpoint.ts).
 */
export async function mountSearchRoutes(app: Express, getPayload: PayloadGetter = defaultPayload): Promise<void> {
  const router = express.Router()

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
