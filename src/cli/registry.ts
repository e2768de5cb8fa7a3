import type { Command } from 'commander'

/**
 * Commands added by feature modules (import/export, subscribers, newsletter, worker, search).
 * Each feature owns one file under src/cli/commands/ and is listed here.
 */
export async function registerFeatureCommands(program: Command): Promise<void> {
  void program
}
