import type { Command } from 'commander'

/** CLI commands of this feature. */
export function registerSearchCommands(program: Command): void {
  void program
}
