import cliProgress from 'cli-progress'
import type { Payload } from 'payload'

import {
  campaignForIssue,
  countAudience,
  findIssue,
  resolveTarget,
  resumeCampaign,
  retryFailed,
  type SendTarget,
  startCampaign,
} from './campaign'
import { Messenger } from './messenger'
import { gateSend } from '../preflight/gate'
import { CampaignRunner, type Progress } from './runner'
import {
  campaignForTranslation,
  findTranslation,
  gateTranslationSend,
  resolveTranslationTarget,
  startTranslationCampaign,
} from './translationSend'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Exit codes: 0 done, 1 done with failed recipients or an error, 2 paused. */
export async function sendFromCli(
  payload: Payload,
  slug: string,
  opts: {
    yes: boolean
    ask: (q: string) => Promise<boolean>
    retryFailed?: boolean
    newsletter?: string
    segment?: string
    override?: string
  },
): Promise<number> {
  const issue = await findIssue(payload, slug)
  if (!issue) return (console.error(`briefing: no issue with slug ${slug}`), 1)
  if (issue._status !== 'published')
    return (console.error(`briefing: issue ${slug} is not published: publish it first`), 1)
  const target = await resolveTarget(payload, issue, { newsletter: opts.newsletter, segment: opts.segment })
  if ('error' in target) return (console.error(`briefing: ${target.error}`), 1)
  const audienceName = describeTarget(target)
  let campaign = await campaignForIssue(payload, issue.id, target)
  const confirm = async (question: string) => {
    if (opts.yes) return true
    if (!process.stdin.isTTY) {
      console.error('briefing: not a terminal; pass --yes to confirm')
      return false
    }
    return opts.ask(question)
  }
  if (opts.retryFailed) {
    if (!campaign) return (console.error(`briefing: ${slug} was never sent to ${audienceName}`), 1)
    if (!(await confirm(`Retry the failed recipients of ${issue.label}? [y/N] `))) return 1
    console.log(`reopened ${await retryFailed(payload, campaign)} failed recipient(s)`)
  } else if (!campaign) {
    const audience = await countAudience(payload, target)
    const question = `Send ${issue.label} to ${audience} recipient(s) of ${audienceName}? [y/N] `
    if (opts.yes) console.log(question.replace(/\? \[y\/N\] $/, ''))
    if (!(await confirm(question))) return 1
    const refused = await gateSend(payload, issue.id, opts.override?.trim() || undefined).then(
      () => null,
      (err: Error) => err.message,
    )
    if (refused) return (console.error(`briefing: ${refused}`), 1)
    campaign = await startCampaign(payload, issue, { target })
    console.log(
      `campaign ${campaign.id}: ${campaign.total} recipient(s), ${campaign.format} email of ${campaign.htmlBytes} bytes`,
    )
  } else if (campaign.status === 'completed') {
    console.log(
      `${issue.label} was already sent to ${audienceName} (sent ${campaign.sent}, failed ${campaign.failed}); nothing new to send`,
    )
    return campaign.failed ? 1 : 0
  } else if (campaign.status === 'paused') {
    if (!(await confirm(`Resume the paused send of ${issue.label} (${campaign.pausedReason ?? 'paused'})? [y/N] `)))
      return 2
    await resumeCampaign(payload, campaign)
  } else if (campaign.status === 'preparing') {
    campaign = await startCampaign(payload, issue, { target })
  } else {
    console.log(`resuming the send of ${issue.label}`)
  }
  return runWithProgress(payload, campaign!.id)
}

/**
 * `briefing newsletter send --translation <slug>`: a single translation, by default to the
 * translations publication's newsletter; the same confirmation, gate, ledger and resume as an issue.
 */
export async function sendTranslationFromCli(
  payload: Payload,
  slug: string,
  opts: {
    yes: boolean
    ask: (q: string) => Promise<boolean>
    newsletter?: string
    segment?: string
    override?: string
  },
): Promise<number> {
  const translation = await findTranslation(payload, slug)
  if (!translation) return (console.error(`briefing: no translation with slug ${slug}`), 1)
  if (translation._status !== 'published')
    return (console.error(`briefing: translation ${slug} is not published: publish it first`), 1)
  const target = await resolveTranslationTarget(payload, opts)
  if ('error' in target) return (console.error(`briefing: ${target.error}`), 1)
  let campaign = await campaignForTranslation(payload, translation.id, target)
  if (campaign?.status === 'completed') {
    console.log(`${translation.headline} was already sent to ${describeTarget(target)}; nothing new to send`)
    return campaign.failed ? 1 : 0
  }
  if (campaign?.status === 'paused') await resumeCampaign(payload, campaign)
  if (!campaign || campaign.status === 'preparing') {
    const question = `Send ${translation.headline} to ${await countAudience(payload, target)} recipient(s) of ${describeTarget(target)}? [y/N] `
    if (opts.yes) console.log(question.replace(/\? \[y\/N\] $/, ''))
    else if (!process.stdin.isTTY) return (console.error('briefing: not a terminal; pass --yes to confirm'), 1)
    else if (!(await opts.ask(question))) return 1
    let reason: string | undefined
    try {
      reason = gateTranslationSend(translation, opts.override?.trim() || undefined)
    } catch (err) {
      return (console.error(`briefing: ${(err as Error).message}`), 1)
    }
    campaign = await startTranslationCampaign(payload, translation, { target, overrideReason: reason })
    console.log(`campaign ${campaign.id}: ${campaign.total} recipient(s), email of ${campaign.htmlBytes} bytes`)
  }
  return runWithProgress(payload, campaign.id)
}

/** "newsletter Weekly (weekly)" or "segment Press (press) of newsletter Weekly (weekly)". */
const describeTarget = (t: SendTarget) =>
  `${t.segment ? `segment ${t.segment.name} (${t.segment.slug}) of ` : ''}newsletter ${t.newsletter.name} (${t.newsletter.slug})`

async function runWithProgress(payload: Payload, campaignId: number | string): Promise<number> {
  const bar = new cliProgress.SingleBar(
    {
      format: 'sending |{bar}| {percentage}% | sent {sent} | failed {failed} | remaining {remaining} | {rate} msg/s',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const show = (p: Progress) => {
    const done = p.sent + p.failed + p.skipped
    bar.setTotal(Math.max(1, p.total))
    bar.update(done, {
      sent: p.sent,
      failed: p.failed,
      remaining: Math.max(0, p.total - done),
      rate: p.rate.toFixed(0),
    })
  }
  bar.start(1, 0, { sent: 0, failed: 0, remaining: 0, rate: 0 })
  const messenger = new Messenger()
  let stopping = false
  let runner: CampaignRunner | null = null
  const onSignal = () => {
    stopping = true
    runner?.stop()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    for (;;) {
      runner = new CampaignRunner(payload, messenger, show)
      const result = await runner.run(campaignId)
      show(result)
      if (result.status !== 'sending' || stopping) {
        bar.stop()
        const line = `sent ${result.sent}, failed ${result.failed}, skipped ${result.skipped}, remaining ${result.pending + result.sending}`
        if (result.status === 'paused') return (console.error(`paused: ${result.pausedReason ?? ''}; ${line}`), 2)
        if (stopping) return (console.error(`interrupted; ${line} (run the same command to resume)`), 130)
        console.log(`${result.status}: ${line}`)
        return result.failed > 0 ? 1 : 0
      }
      // Other senders still hold batches: wait for them (or for their leases to lapse).
      await sleep(1000)
    }
  } finally {
    messenger.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
