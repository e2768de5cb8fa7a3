import React from 'react'

import { dkimDnsRecord } from '../dkim'

/** Above the campaigns list: the DKIM TXT record to publish, or how to turn signing on. */
export function DkimRecord() {
  let record: ReturnType<typeof dkimDnsRecord> = null
  let problem: string | null = null
  try {
    record = dkimDnsRecord()
  } catch (err) {
    problem = `The DKIM key could not be read: ${(err as Error).message}`
  }
  const box: React.CSSProperties = {
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 4,
    padding: 12,
    margin: '0 0 16px 0',
  }
  if (!record)
    return (
      <div style={box}>
        <strong>DKIM</strong>:{' '}
        {problem ??
          'outgoing newsletters are not signed. Set DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE), DKIM_SELECTOR and DKIM_DOMAIN.'}
      </div>
    )
  return (
    <div style={box}>
      <strong>DKIM</strong>: newsletters are signed. Publish this DNS record:
      <dl>
        <dt>Name (TXT)</dt>
        <dd>
          <code>{record.name}</code>
        </dd>
        <dt>Value</dt>
        <dd>
          <code style={{ wordBreak: 'break-all' }}>{record.value}</code>
        </dd>
      </dl>
    </div>
  )
}
