import type { Command } from 'commander'

/** CLI commands of this feature. */
export function registerImporterCommands(program: Command): void {
  void program
}
