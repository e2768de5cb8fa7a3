import type { Feature } from '../feature'

/**
 * Backup and restore of a whole installation. Today the archive is written and read by options of the
 * importer's commands (`briefing export --all --out <dir>`, `briefing import --archive <dir>`, in
 * src/exporter/archive.ts and src/importer/archive.ts); `briefing backup` and `briefing restore`
 * register here as this feature's commands.
 */
export const backupFeature: Feature = {
  name: 'backup',
}
