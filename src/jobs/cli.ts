import type { Command } from 'commander'

import { withPayload } from '../cli/context'

/** CLI: `briefing worker` — one worker for every job queue (newsletter sends, scheduled publishing). */
export function registerJobCommands(program: Command): void {
  program
    .command('worker')
    .description(
      'Run the jobs queue (newsletter sends, scheduled publishing) in this process (until stopped, or --once)',
    )
    .option('--once', 'run the due jobs once and exit')
    .action(async (opts: { once?: boolean }) => {
      const { runWorker } = await import('./worker')
      await withPayload((payload) => runWorker(payload, Boolean(opts.once)))
      // Drained and the database closed: a library's leftover handle must not hold up the exit.
      process.exit(0)
    })
}
