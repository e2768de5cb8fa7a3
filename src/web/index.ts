import type { Feature } from '../feature'
import { webPlugin } from './plugin'

/** The public web edition: pages, feeds, sitemap, preview, the page cache and its invalidation. */
export const webFeature: Feature = {
  name: 'web',
  plugin: webPlugin,
  routes: async (app) => (await import('./routes')).mountWebRoutes(app),
  routesLast: true,
}
