import type { Command } from 'commander'

import { fail, withPayload } from '../cli/context'

type SearchOpts = {
  limit?: string
  drafts?: boolean
  section?: string
  source?: string
  term?: string
  issue?: string
  from?: string
  to?: string
}

/** `briefing search <query>` and `briefing search:rebuild`. */
export function registerSearchCommands(program: Command): void {
  program
    .command('search')
    .description('Search the archive (English words or Chinese of any length), published content unless --drafts')
    .argument('<query...>', 'words to find, e.g. 清零 or "dynamic zero"')
    .option('--limit <n>', 'how many results', '10')
    .option('--drafts', 'include drafts (as staff see them)')
    .option('--section <slug>', 'only items in this section')
    .option('--source <slug>', 'only items citing this source')
    .option('--term <slug>', 'only items linked to this glossary term')
    .option('--issue <slug>', 'only items of this issue, e.g. 3-9')
    .option('--from <date>', 'from this date (YYYY-MM-DD)')
    .option('--to <date>', 'up to this date (YYYY-MM-DD)')
    .action(async (words: string[], opts: SearchOpts) => {
      const { parseSearchParams } = await import('./params')
      const parsed = parseSearchParams({
        q: words.join(' '),
        limit: opts.limit,
        section: opts.section,
        source: opts.source,
        term: opts.term,
        issue: opts.issue,
        from: opts.from,
        to: opts.to,
      })
      if (!parsed.ok) fail(parsed.message)
      await withPayload(async (payload) => {
        const { search } = await import('./service')
        const result = await search(payload, { ...parsed.request, staff: Boolean(opts.drafts) })
        console.log(`${result.totalDocs} result(s)`)
        for (const d of result.docs) {
          console.log(`- [${d.collection}] ${d.title}${d.published ? '' : ' (draft)'}  ${d.url}`)
          console.log(
            `    ${d.snippet
              .replace(/<\/?mark>/g, '*')
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, '&')}`,
          )
        }
      })
    })

  program
    .command('search:rebuild')
    .description(
      'Rebuild the search index from the database and report its size (the server rebuilds at start by itself)',
    )
    .action(async () => {
      await withPayload(async (payload) => {
        const { rebuild } = await import('./service')
        const { documents, ms } = await rebuild(payload)
        console.log(`indexed ${documents} documents in ${ms} ms`)
      })
    })
}
