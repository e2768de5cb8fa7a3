import '../checkConfiguration'

import { Command } from 'commander'

import { registerSeed } from './commands/seed'
import { registerServe } from './commands/serve'
import { registerUsers } from './commands/users'
import { registerFeatureCommands } from './registry'

const program = new Command()
program
  .name('briefing')
  .description('Briefing: weekly reports as a web site and an email newsletter')
  .showHelpAfterError()
  .enablePositionalOptions()

registerSeed(program)
registerServe(program)
registerUsers(program)
await registerFeatureCommands(program)

await program.parseAsync(process.argv)
