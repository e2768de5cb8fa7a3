import type { UIFieldServerProps } from 'payload'
import React from 'react'

import { relationId } from '../../lib/relations'
import type { Campaign } from '../../payload-types'
import { hourlyChartSvg } from '../present'
import { buildReport } from '../report'

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: 12,
  marginBottom: 16,
}

/** The report of this send on the campaign's page: numbers, the 72-hour chart, links, CSV export. */
export async function SendReportPanel({ data, payload }: UIFieldServerProps) {
  const campaign = data as Campaign | undefined
  if (!campaign?.id) return null
  const report = await buildReport(payload, campaign)
  // The CSV is the report of an issue's latest send; a translation's send has no such link yet.
  const issueId = relationId(campaign.issue)
  const rows: Array<[string, number | string]> = [
    ['Tracking', report.tracking],
    ['Delivered', report.delivered],
    ['Bounced', report.bounced],
    ['Complained', report.complained],
    ['Unsubscribed', report.unsubscribed],
    ['Human opens (unique)', `${report.opens.human} (${report.opens.unique})`],
    ['Machine opens', report.opens.machine],
    ['Human clicks (unique)', `${report.clicks.human} (${report.clicks.unique})`],
    ['Scanner clicks', report.clicks.scanner],
  ]
  return (
    <section style={box} aria-label="Send report">
      <h3 style={{ marginTop: 0 }}>Report</h3>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th style={{ textAlign: 'left', paddingRight: 16 }}>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Opens and clicks over the first 72 hours</h4>
      <div dangerouslySetInnerHTML={{ __html: hourlyChartSvg(report) }} />
      {report.clicks.bySection.length > 0 && (
        <table aria-label="Human clicks per section">
          <thead>
            <tr>
              <th style={{ textAlign: 'left', paddingRight: 16 }}>Section</th>
              <th>Human clicks</th>
            </tr>
          </thead>
          <tbody>
            {report.clicks.bySection.map((s) => (
              <tr key={s.section}>
                <td style={{ paddingRight: 16 }}>{s.section}</td>
                <td>{s.human}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.clicks.byLink.length > 0 && (
        <table aria-label="Human clicks per link">
          <thead>
            <tr>
              <th style={{ textAlign: 'left' }}>Link</th>
              <th style={{ textAlign: 'left' }}>Section</th>
              <th>Human clicks</th>
            </tr>
          </thead>
          <tbody>
            {report.clicks.byLink.map((l) => (
              <tr key={l.url}>
                <td style={{ wordBreak: 'break-all' }}>{l.url}</td>
                <td>{l.section ?? ''}</td>
                <td>{l.human}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {issueId !== undefined ? (
        <p>
          <a href={`/api/newsletter/issues/${issueId}/report?format=csv`}>Download CSV</a>
        </p>
      ) : null}
    </section>
  )
}
