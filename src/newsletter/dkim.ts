import { createPublicKey } from 'node:crypto'
import { Readable } from 'node:stream'

import DKIM from 'nodemailer/lib/dkim/index.js'

import { dkimConfig } from '../env'

/**
 * DKIM: outgoing newsletters are signed with nodemailer's DKIM signer (the same code as its `dkim`
 * transport option; our messages are complete MIME already, so the messenger signs each one before
 * handing it to the pool). relaxed/relaxed, rsa-sha256, the usual header fields.
 */
export type DkimSigner = (raw: Buffer) => Promise<Buffer>

export function dkimSigner(config = dkimConfig()): DkimSigner | null {
  if (!config) return null
  const dkim = new DKIM({ domainName: config.domain, keySelector: config.selector, privateKey: config.privateKey })
  return async (raw) => {
    const chunks: Buffer[] = []
    for await (const chunk of dkim.sign(Readable.from([raw]))) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }
}

/** The TXT record to publish: `<selector>._domainkey.<domain>` = `v=DKIM1; k=rsa; p=<public key>`. */
export function dkimDnsRecord(config = dkimConfig()): { name: string; type: 'TXT'; value: string } | null {
  if (!config) return null
  const der = createPublicKey(config.privateKey).export({ type: 'spki', format: 'der' })
  return {
    name: `${config.selector}._domainkey.${config.domain}`,
    type: 'TXT',
    value: `v=DKIM1; k=rsa; p=${der.toString('base64')}`,
  }
}
