import type { Command } from 'commander'

import { registerBackupCommands } from '../backup/cli'
import { registerGlossaryCommands } from '../glossary/cli'
import { registerImporterCommands } from '../importer/cli'
import { registerNewsletterCommands } from '../newsletter/cli'
import { registerSearchCommands } from '../search/cli'

/** Commands added by feature modules; each feature owns its own `cli.ts`. */
export async function registerFeatureCommands(program: Command): Promise<void> {
  registerBackupCommands(program)
  registerGlossaryCommands(program)
  registerImporterCommands(program)
  registerNewsletterCommands(program)
  registerSearchCommands(program)
}
