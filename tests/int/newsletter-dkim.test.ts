import { generateKeyPairSync } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findIssue, startCampaign } from '../../src/newsletter/campaign'
import { dkimDnsRecord } from '../../src/newsletter/dkim'
import { Messenger } from '../../src/newsletter/messenger'
import { CampaignRunner } from '../../src/newsletter/runner'
import { startSmtpSink, type SmtpSink } from '../../src/newsletter/smtpSink'
import { seed } from '../../src/seed'
import { verifyDkim } from '../helpers/dkim'
import { bootPayload, type TestPayload } from '../helpers/payload'

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
})
let t: TestPayload
let sink: SmtpSink

beforeAll(async () => {
  process.env.DKIM_PRIVATE_KEY = keys.privateKey
  process.env.DKIM_SELECTOR = 'briefing2026'
  process.env.DKIM_DOMAIN = 'example.com'
  t = await bootPayload('newsletter-dkim')
  await seed(t.payload)
  for (const email of ['ann@example.com', 'bob@example.com'])
    await t.payload.create({ collection: 'subscribers', data: { email, status: 'active' } })
  sink = await startSmtpSink()
})
afterAll(async () => {
  delete process.env.DKIM_PRIVATE_KEY
  delete process.env.DKIM_SELECTOR
  delete process.env.DKIM_DOMAIN
  await sink?.close()
  await t?.close()
})

describe('DKIM', () => {
  it('every newsletter received over SMTP carries a DKIM-Signature that verifies against the public key', async () => {
    const messenger = new Messenger(sink.url(2))
    const campaign = await startCampaign(t.payload, (await findIssue(t.payload, '3-9'))!)
    await new CampaignRunner(t.payload, messenger).run(campaign.id)
    messenger.close()
    expect(sink.messages).toHaveLength(2)
    for (const m of sink.messages) {
      expect(m.raw).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example.com;/m)
      expect(m.raw).toMatch(/s=briefing2026/)
      expect(verifyDkim(m.raw, keys.publicKey)).toBeNull()
      // A changed body no longer verifies: the check is real.
      expect(verifyDkim(m.raw.replace('Weekly', 'Weakly'), keys.publicKey)).toMatch(/mismatch|verify/)
    }
  })

  it('the DNS record to publish names the selector and carries the public key', () => {
    const record = dkimDnsRecord()!
    expect(record.name).toBe('briefing2026._domainkey.example.com')
    const der = keys.publicKey.replace(/-----[^-]+-----|\s/g, '')
    expect(record.value).toBe(`v=DKIM1; k=rsa; p=${der}`)
  })
})
