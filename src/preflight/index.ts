import type { Feature } from '../feature'
import { withPreflight } from './plugin'

/** Preflight: the checks of an issue before it is published or sent, the publish gate, `briefing publish`. */
export const preflightFeature: Feature = {
  name: 'preflight',
  plugin: withPreflight,
  commands: async (program) => (await import('./cli')).registerPreflightCommands(program),
}
