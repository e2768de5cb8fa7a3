import type { Command } from 'commander'

import { withPayload } from '../context'

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Load demo content (sections, sources, glossary, a published and a draft issue). Safe to run again.')
    .action(async () => {
      await withPayload(async (payload) => {
        const { seed } = await import('../../seed/index')
        const result = await seed(payload, (line) => console.log(line))
        console.log(`seed done: ${result.created} issue(s) created, ${result.existing} already there`)
      })
    })
}
