import type { Feature } from '../feature'
import { newsletterPlugin } from './plugin'

/** The newsletter: campaigns, the send ledger, subscribe/unsubscribe pages and `briefing newsletter …`. */
export const newsletterFeature: Feature = {
  name: 'newsletter',
  plugin: newsletterPlugin,
  routes: async (app) => (await import('./routes')).mountNewsletterRoutes(app),
  commands: async (program) => (await import('./cli')).registerNewsletterCommands(program),
}
