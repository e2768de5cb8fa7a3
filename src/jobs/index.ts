import type { Feature } from '../feature'
import { jobsPlugin } from './plugin'

/** The jobs queue every process shares (newsletter sends, scheduled publishing) and `briefing worker`. */
export const jobsFeature: Feature = {
  name: 'jobs',
  plugin: jobsPlugin,
  commands: async (program) => (await import('./cli')).registerJobCommands(program),
}
