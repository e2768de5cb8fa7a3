import type { Command } from 'commander'

import { fail, withPayload } from '../context'

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Run the database migrations not yet run (SQLite and PostgreSQL; production also runs them at start)')
    .option('--status', 'only list the migrations not yet run')
    .action(async (opts: { status?: boolean }) => {
      // No development schema push while booting for this command: the migrations shape the schema.
      process.env.PAYLOAD_MIGRATING = 'true'
      const { pendingMigrations, runMigrations } = await import('../../lib/migrations')
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
