import type { Feature } from '../feature'
import { withGlossary } from './config'

/** The glossary: term suggestions, auto-linking, the Consistency view and `briefing glossary:consistency`. */
export const glossaryFeature: Feature = {
  name: 'glossary',
  plugin: withGlossary,
  commands: async (program) => (await import('./cli')).registerGlossaryCommands(program),
}
