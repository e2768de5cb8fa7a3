import type { Feature } from '../feature'
import { analyticsPlugin } from './plugin'

/** Newsletter engagement: open pixel and click redirects, trustworthy counts, the report per send. */
export const analyticsFeature: Feature = {
  name: 'analytics',
  plugin: analyticsPlugin,
  routes: async (app) => (await import('./routes')).mountAnalyticsRoutes(app),
}
