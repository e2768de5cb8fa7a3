import type { Feature } from '../feature'

/**
 * Operating an installation's database: `briefing backup --out <dir>` (a consistent copy of the
 * database and the media folder while the server runs), `briefing restore <dir>` (into an empty
 * database) and `briefing migrate` (the shipped migrations not yet run). The whole-content archive
 * stays with the importer (`briefing export --all`, `briefing import --archive`).
 */
export const backupFeature: Feature = {
  name: 'backup',
  commands: async (program) => (await import('./cli')).registerBackupCommands(program),
}
