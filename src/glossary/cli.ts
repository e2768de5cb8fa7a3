import type { Command } from 'commander'

import { withPayload } from '../cli/context'

/** `briefing glossary:consistency`. */
export function registerGlossaryCommands(program: Command): void {
  program
    .command('glossary:consistency')
    .description('List Chinese originals rendered with different English in different items, and terms needing review')
    .action(async () => {
      await withPayload(async (payload) => {
        const { consistencyReport } = await import('./consistency')
        const report = await consistencyReport(payload)
        console.log(
          `${report.itemsScanned} items checked; ${report.inconsistencies.length} original(s) rendered more than one way`,
        )
        for (const inc of report.inconsistencies) {
          console.log(`${inc.original} (preferred: ${inc.preferred})`)
          for (const r of inc.renderings)
            console.log(`  “${r.english}”: ${r.items.map((i) => `${i.title} [${i.id}]`).join('; ')}`)
        }
        for (const t of report.termProblems)
          console.log(`term ${t.english} ${t.original}: ${t.problems.join(', ')} (${t.items} published items)`)
      })
    })
}
