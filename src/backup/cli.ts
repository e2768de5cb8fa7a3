import type { Command } from 'commander'

import { fail, withPayload } from '../cli/context'
import { skipSchemaPush } from '../env'

/** CLI: `backup --out <dir>`, `restore <dir>`, `migrate [--status]`. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Back up the database (consistent while the server runs) and the media folder into a new folder')
    .requiredOption('--out <dir>', 'folder to create (must be empty or new)')
    .action(async (opts: { out: string }) => {
      skipSchemaPush()
      const { backup } = await import('./backup')
      await withPayload(async (payload) => {
        const manifest = await backup(payload, opts.out)
        console.log(`backed up the ${manifest.adapter} database and media to ${opts.out}`)
      }).catch((err: Error) => fail(err.message))
    })
  program
    .command('restore')
    .description('Restore a backup folder into the empty database of DATABASE_URI, and its media')
    .argument('<dir>', 'a folder made by briefing backup')
    .action(async (dir: string) => {
      const { restore } = await import('./backup')
      try {
        const manifest = restore(dir)
        console.log(`restored the ${manifest.adapter} backup of ${manifest.createdAt}`)
      } catch (err) {
        fail((err as Error).message)
      }
    })
  program
    .command('migrate')
    .description('Run the database migrations not yet run (SQLite and PostgreSQL; production also runs them at start)')
    .option('--status', 'only list the migrations not yet run')
    .action(async (opts: { status?: boolean }) => {
      skipSchemaPush()
      const { pendingMigrations, runMigrations } = await import('../lib/migrations')
      await withPayload(async (payload) => {
        if (opts.status) {
          const pending = await pendingMigrations(payload)
          console.log(pending.length ? pending.join('\n') : 'no migrations pending')
          return
        }
        const ran = await runMigrations(payload)
        console.log(ran.length ? ran.map((name) => `migrated ${name}`).join('\n') : 'no migrations pending')
      }).catch((err: Error) => fail(err.message))
    })
}
