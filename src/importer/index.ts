import type { Feature } from '../feature'
import { importerPlugin } from './plugin'

/** Import of report archives (POST /api/import, the admin Import view) and `briefing import/export`. */
export const importerFeature: Feature = {
  name: 'importer',
  plugin: importerPlugin,
  routes: async (app) => (await import('./routes')).mountImporterRoutes(app),
  commands: async (program) => (await import('./cli')).registerImporterCommands(program),
}
