import type { PayloadRequest } from 'payload'

import { loadTerms } from '../glossary/terms'
import { glossaryProblems } from './checks/glossary'
import { emailSize, highlightTargets, imageProblems } from './checks/issue'
import { dateInPeriod, emptyItem, longBrief, notApproved, placeholders, sourceAndDate } from './checks/items'
import { badLinks, brokenLinks } from './checks/links'
import { loadPreflightIssue } from './load'
import type { PreflightIssue, Problem } from './types'

export type PreflightOptions = {
  checkLinks?: boolean
  /** Skip the checks that only ever warn (glossary, email size): what the publish and send gates need. */
  blockingOnly?: boolean
}

/** Every check of one item, in order. */
const itemChecks = [placeholders, emptyItem, longBrief, sourceAndDate, dateInPeriod, badLinks, notApproved] as const

/** Run every check over a loaded issue: item by item in reading order, then the issue-wide ones. */
export async function checkIssue(
  req: PayloadRequest,
  issue: PreflightIssue,
  options: PreflightOptions = {},
): Promise<Problem[]> {
  const problems = issue.items.flatMap((item) => itemChecks.flatMap((check) => check(item, issue)))
  if (!options.blockingOnly) problems.push(...glossaryProblems(issue.items, await loadTerms(req.payload, req)))
  problems.push(...(await highlightTargets(req, issue)))
  problems.push(...(await imageProblems(req, issue)))
  if (!options.blockingOnly) problems.push(...(await emailSize(req, issue)))
  if (options.checkLinks) problems.push(...(await brokenLinks(issue.items)))
  return problems
}

/** The preflight of an issue by id (its latest draft), or null when there is no such issue. */
export async function runPreflight(
  req: PayloadRequest,
  id: number | string,
  options: PreflightOptions = {},
): Promise<Problem[] | null> {
  const issue = await loadPreflightIssue(req, id)
  return issue ? checkIssue(req, issue, options) : null
}

/** The problems that stop publishing and sending. */
export const blocking = (problems: Problem[]): Problem[] => problems.filter((p) => p.severity === 'block')
