import type { Feature } from '../feature'
import { searchPlugin } from './plugin'

/** Search: the index and its hooks, GET /api/search, the /search page, the admin view, `briefing search`. */
export const searchFeature: Feature = {
  name: 'search',
  plugin: searchPlugin,
  routes: async (app) => (await import('./routes')).mountSearchRoutes(app),
  commands: async (program) => (await import('./cli')).registerSearchCommands(program),
}
