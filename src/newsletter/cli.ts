import type { Command } from 'commander'

/** CLI commands of this feature. */
export function registerNewsletterCommands(program: Command): void {
  void program
}
