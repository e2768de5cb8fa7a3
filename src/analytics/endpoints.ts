import type { Endpoint } from 'payload'

import { endpoint, refusal } from '../lib/endpoint'
import { findIssue } from '../newsletter/campaign'
import { hourlyChartSvg, reportCsv } from './present'
import { buildReport, latestCampaignForIssue } from './report'

/** `GET /api/newsletter/issues/:issue/report[?format=csv|svg]`: the latest send's report (staff). */
export const reportEndpoint: Endpoint = endpoint({
  path: '/newsletter/issues/:issue/report',
  method: 'get',
  role: 'staff',
  action: 'see the newsletter',
  handler: async (req) => {
    const issue = await findIssue(req.payload, String(req.routeParams?.issue ?? ''))
    if (!issue) throw refusal(404, 'No such issue.')
    const campaign = await latestCampaignForIssue(req.payload, issue.id)
    if (!campaign) throw refusal(404, 'This issue has not been sent.')
    const report = await buildReport(req.payload, campaign)
    const format = req.searchParams.get('format')
    if (format === 'csv')
      return new Response(reportCsv(report), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="report-${issue.slug}.csv"`,
        },
      })
    if (format === 'svg')
      return new Response(hourlyChartSvg(report), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } })
    return Response.json(report)
  },
})
