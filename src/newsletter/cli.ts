import fs from 'node:fs'
import readline from 'node:readline/promises'

import type { Command } from 'commander'

import { fail, withPayload } from '../cli/context'
import { inboundSmtpPort } from '../env'

type TargetOptions = { newsletter?: string; segment?: string }

const ask = async (question: string): Promise<boolean> => {
  if (!process.stdin.isTTY) return false
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr })
  const answer = await rl.question(question)
  rl.close()
  return /^y(es)?$/i.test(answer.trim())
}

/** CLI: `subscribers import|export`, `newsletter render|send [--at]|schedule|retry-failed|status|report`, `inbound`. */
export function registerNewsletterCommands(program: Command): void {
  registerSubscriberCommands(program)
  const newsletter = program.command('newsletter').description('Render and send the email newsletter')
  registerRenderCommand(newsletter)
  registerSendCommand(newsletter)
  registerScheduleCommands(newsletter)
  registerRetryCommand(newsletter)
  registerStatusCommand(newsletter)
  registerReportCommand(newsletter)
  registerInboundCommand(program)
}

/** `subscribers import <file> [--confirmed]` and `subscribers export [-o file]`. */
function registerSubscriberCommands(program: Command): void {
  const subscribers = program.command('subscribers').description('Newsletter subscribers')
  subscribers
    .command('import <file>')
    .description('Import subscribers from a CSV file with columns email,name (deduplicated; prints a report)')
    .option('--confirmed', 'mark new rows active (consent was collected elsewhere); otherwise they are pending')
    .action(async (file: string, opts: { confirmed?: boolean }) => {
      if (!fs.existsSync(file)) fail(`no such file: ${file}`)
      const csv = fs.readFileSync(file, 'utf8')
      await withPayload(async (payload) => {
        const { importSubscribers, formatReport } = await import('./csv')
        const report = await importSubscribers(payload, csv, { confirmed: Boolean(opts.confirmed) })
        console.log(formatReport(report))
      })
    })
  subscribers
    .command('export')
    .description('Write all subscribers as CSV to stdout (or --output)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts: { output?: string }) => {
      // withPayload keeps start-up chatter (the dev schema push spinner) off stdout: it holds the CSV alone.
      await withPayload(async (payload) => {
        const { exportSubscribers } = await import('./csv')
        const csv = await exportSubscribers(payload)
        if (opts.output) fs.writeFileSync(opts.output, csv)
        else process.stdout.write(csv)
      })
    })
}

/** `newsletter render <slug>`: the email of an issue on stdout. */
function registerRenderCommand(newsletter: Command): void {
  newsletter
    .command('render <slug>')
    .description('Print the email of an issue as HTML or plain text')
    .option('--format <format>', 'html or text', 'html')
    .option('--variant <variant>', 'auto, full or digest (default: the issue setting)')
    .option('--draft', 'render the latest draft instead of the published issue')
    .action(async (slug: string, opts: { format: string; variant?: string; draft?: boolean }) => {
      if (opts.format !== 'html' && opts.format !== 'text') fail('--format must be html or text')
      if (opts.variant && !['auto', 'full', 'digest'].includes(opts.variant))
        fail('--variant must be auto, full or digest')
      await withPayload(async (payload) => {
        const { findIssue } = await import('./campaign')
        const { renderIssueEmail } = await import('./render')
        const issue = await findIssue(payload, slug)
        if (!issue) fail(`no issue with slug ${slug}`)
        const rendered = await renderIssueEmail(payload, issue.id, {
          format: opts.variant as 'auto' | 'full' | 'digest' | undefined,
          draft: Boolean(opts.draft),
        }).catch((err: Error) => fail(err.message))
        process.stdout.write(opts.format === 'text' ? rendered.text : rendered.html)
        console.error(
          `${rendered.format} (${rendered.reason}), HTML ${rendered.htmlBytes} bytes, text ${rendered.textBytes} bytes`,
        )
      })
    })
}

type SendOptions = TargetOptions & {
  yes?: boolean
  override?: string
  at?: string
  publish?: boolean
  translation?: string
}

/** `newsletter send [slug]`: now, or scheduled with `--at` (and `--publish`); or one translation. */
function registerSendCommand(newsletter: Command): void {
  newsletter
    .command('send [slug]')
    .description(
      "Send a published issue (weekly or special) to a newsletter's active members (default: the issue's publication's newsletter, else the first), or a segment of it; with --translation, a single translation (default: the translations publication's newsletter); resumes a paused or interrupted send",
    )
    .option('--translation <slug>', 'send this translation instead of an issue')
    .option('--newsletter <slug>', 'the newsletter to send to')
    .option('--segment <slug>', 'send only to this saved segment of the newsletter')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--override <reason>', 'send despite blocking preflight problems, for this reason (kept in the issue)')
    .option('--at <time>', 'schedule the send for this ISO 8601 time with its zone (2026-12-01T09:30:00+08:00)')
    .option('--publish', 'with --at: publish the draft issue at that time, then send')
    .action(sendAction)
}

async function sendAction(slug: string | undefined, opts: SendOptions): Promise<void> {
  if (Boolean(slug) === Boolean(opts.translation)) fail('name either an issue slug or --translation <slug>')
  if (opts.publish && !opts.at) fail('--publish needs --at <time>')
  if (opts.at) {
    if (opts.translation) fail('--at schedules issues; send a translation now, without --at')
    const { scheduleFromCli } = await import('./scheduleCli')
    process.exitCode = await withPayload((payload) => scheduleFromCli(payload, slug!, { ...opts, at: opts.at! }))
    return
  }
  const { sendFromCli, sendTranslationFromCli } = await import('./cliSend')
  const options = { ...opts, yes: Boolean(opts.yes), ask }
  process.exitCode = await withPayload((payload) =>
    opts.translation
      ? sendTranslationFromCli(payload, opts.translation, options)
      : sendFromCli(payload, slug!, options),
  )
}

/** `newsletter schedule cancel|list <slug>`. */
function registerScheduleCommands(newsletter: Command): void {
  const schedule = newsletter.command('schedule').description('Scheduled sends of an issue')
  schedule
    .command('cancel <slug>')
    .description("Cancel an issue's pending scheduled send (default: to the issue's newsletter)")
    .option('--newsletter <slug>', 'the newsletter of the scheduled send')
    .option('--segment <slug>', 'the segment of the scheduled send')
    .action(async (slug: string, opts: TargetOptions) => {
      const { cancelFromCli } = await import('./scheduleCli')
      process.exitCode = await withPayload((payload) => cancelFromCli(payload, slug, opts))
    })
  schedule
    .command('list <slug>')
    .description("List an issue's scheduled sends (times in UTC) and what became of them")
    .action(async (slug: string) => {
      const { listFromCli } = await import('./scheduleCli')
      process.exitCode = await withPayload((payload) => listFromCli(payload, slug))
    })
}

/** `newsletter retry-failed <slug>`. */
function registerRetryCommand(newsletter: Command): void {
  newsletter
    .command('retry-failed <slug>')
    .description('Send again to the recipients of an issue that failed (and only them)')
    .option('--newsletter <slug>', 'the newsletter of the send')
    .option('--segment <slug>', 'the segment of the send')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (slug: string, opts: TargetOptions & { yes?: boolean }) => {
      const { sendFromCli } = await import('./cliSend')
      process.exitCode = await withPayload((payload) =>
        sendFromCli(payload, slug, { ...opts, yes: Boolean(opts.yes), ask, retryFailed: true }),
      )
    })
}

/** `newsletter status <slug>`: the ledger's counts of a send. */
function registerStatusCommand(newsletter: Command): void {
  newsletter
    .command('status <slug>')
    .description('Show the campaign of an issue: sent, failed, skipped, remaining (default: its latest send)')
    .option('--newsletter <slug>', 'the send to this newsletter')
    .option('--segment <slug>', 'the send to this segment')
    .action(async (slug: string, opts: TargetOptions) => {
      await withPayload(async (payload) => {
        const { campaignForIssue, findIssue, resolveTarget } = await import('./campaign')
        const { summarise } = await import('./ledger')
        const issue = await findIssue(payload, slug)
        if (!issue) fail(`no issue with slug ${slug}`)
        const target = opts.newsletter || opts.segment ? await resolveTarget(payload, issue, opts) : undefined
        if (target && 'error' in target) fail(target.error)
        const campaign = await campaignForIssue(payload, issue.id, target)
        if (!campaign) return console.log(`${slug}: not sent`)
        const s = await summarise(payload, campaign.id)
        console.log(
          `${slug}: ${campaign.status}${campaign.pausedReason ? ` (${campaign.pausedReason})` : ''}; total ${s.total}, sent ${s.sent}, failed ${s.failed}, skipped ${s.skipped}, remaining ${s.pending + s.sending}`,
        )
      })
    })
}

/** `newsletter report <slug> [--json]`. */
function registerReportCommand(newsletter: Command): void {
  newsletter
    .command('report <slug>')
    .description('Report of the latest send of an issue: delivered, bounces, complaints, opens, clicks')
    .option('--json', 'print JSON')
    .action(async (slug: string, opts: { json?: boolean }) => {
      const { reportFromCli } = await import('../analytics/cliReport')
      await withPayload((payload) => reportFromCli(payload, slug, Boolean(opts.json)))
    })
}

/** `inbound`: the SMTP server for mailto: unsubscribes, bounces and complaints, until stopped. */
function registerInboundCommand(program: Command): void {
  program
    .command('inbound')
    .description('Receive mailto: unsubscribe requests over SMTP (List-Unsubscribe) until stopped')
    .option('-p, --port <port>', 'SMTP port to listen on', String(inboundSmtpPort()))
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .action(async (opts: { port: string; host: string }) => {
      const port = Number(opts.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`not a port: ${opts.port}`)
      await withPayload(async (payload) => {
        const { startInboundServer } = await import('./inbound')
        const { loadNewsletterSettings } = await import('./settings')
        const server = await startInboundServer(payload, { port, host: opts.host })
        const mailbox = (await loadNewsletterSettings(payload)).unsubscribeMailbox
        console.log(`inbound: SMTP for ${mailbox} on ${opts.host}:${server.port}`)
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve)
          process.once('SIGTERM', resolve)
        })
        await server.close()
      })
    })
}
