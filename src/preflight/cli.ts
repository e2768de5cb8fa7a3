import type { Command } from 'commander'

import { fail, withPayload } from '../cli/context'

/** `briefing preflight <slug>` and `briefing publish <slug> [--override "<reason>"]`. */
export function registerPreflightCommands(program: Command): void {
  program
    .command('preflight <slug>')
    .description("List an issue's preflight problems (block / warn); exit code 1 while a block remains")
    .option('--check-links', 'also ask every link (4xx/5xx are reported)')
    .action(async (slug: string, opts: { checkLinks?: boolean }) => {
      process.exitCode = await withPayload(async (payload) => {
        const { createLocalReq } = await import('payload')
        const { findIssue } = await import('../newsletter/campaign')
        const { blocking, runPreflight } = await import('./run')
        const issue = await findIssue(payload, slug)
        if (!issue) fail(`no issue with slug ${slug}`)
        const problems = (await runPreflight(await createLocalReq({}, payload), issue.id, opts)) ?? []
        for (const p of problems) console.log(`${p.severity}\t${p.code}\t${p.message}`)
        console.error(`${issue.label}: ${problems.length} problem(s), ${blocking(problems).length} blocking`)
        return blocking(problems).length ? 1 : 0
      })
    })
  program
    .command('publish <slug>')
    .description('Publish an issue (and its items); refused while preflight lists a blocking problem')
    .option('--override <reason>', 'publish despite blocking problems, for this reason (kept in the issue)')
    .action(async (slug: string, opts: { override?: string }) => {
      process.exitCode = await withPayload(async (payload) => {
        const { findIssue } = await import('../newsletter/campaign')
        const { asSystem } = await import('../lib/system')
        const issue = await findIssue(payload, slug)
        if (!issue) fail(`no issue with slug ${slug}`)
        try {
          await payload.update({
            collection: 'issues',
            id: issue.id,
            data: { _status: 'published' },
            ...asSystem('operator'),
            context: { preflightGate: true, publishOverride: { reason: opts.override } },
          })
        } catch (err) {
          console.error(`briefing: ${(err as Error).message}`)
          return 1
        }
        console.log(`published ${issue.label}${opts.override ? ' (preflight overridden; reason kept)' : ''}`)
        return 0
      })
    })
}
