import type { Payload } from 'payload'

import { fail } from '../cli/context'
import { findIssue } from '../newsletter/campaign'
import { buildReport, latestCampaignForIssue, type SendReport } from './report'

/** The report as a small table for the terminal. */
export function reportTable(slug: string, r: SendReport): string {
  const rows: Array<[string, string | number]> = [
    ['Tracking', r.tracking],
    ['Delivered', r.delivered],
    ['Bounced', r.bounced],
    ['Complained', r.complained],
    ['Unsubscribed', r.unsubscribed],
    ['Human opens', `${r.opens.human} (${r.opens.unique} unique)`],
    ['Machine opens', r.opens.machine],
    ['Human clicks', `${r.clicks.human} (${r.clicks.unique} unique)`],
    ['Scanner clicks', r.clicks.scanner],
  ]
  const links = r.clicks.byLink.filter((l) => l.human > 0).map((l) => `  ${String(l.human).padStart(5)}  ${l.url}`)
  return [
    `${slug}: ${r.subject}`,
    ...rows.map(([k, v]) => `${k.padEnd(16)}${v}`),
    ...(links.length ? ['Human clicks per link:', ...links] : []),
  ].join('\n')
}

/** `briefing newsletter report <slug> [--json]`: the issue's latest send. */
export async function reportFromCli(payload: Payload, slug: string, json: boolean): Promise<void> {
  const issue = await findIssue(payload, slug)
  if (!issue) fail(`no issue with slug ${slug}`)
  const campaign = await latestCampaignForIssue(payload, issue.id)
  if (!campaign) fail(`${slug} has not been sent`)
  const report = await buildReport(payload, campaign)
  console.log(json ? JSON.stringify(report, null, 2) : reportTable(slug, report))
}
