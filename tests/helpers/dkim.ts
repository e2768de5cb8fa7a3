import { createHash, createPublicKey, verify } from 'node:crypto'

/**
 * A small DKIM verifier (RFC 6376, rsa-sha256, relaxed/relaxed and simple body) with node:crypto, for
 * tests: no DKIM library is installed here. Checks the body hash (bh=) and the signature (b=) over
 * the signed header fields against the given public key. Returns null when it verifies, or why not.
 */
export function verifyDkim(raw: string, publicKeyPem: string): string | null {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split + 2)
  const body = raw.slice(split + 4)
  const fields = head.split(/\r\n(?![ \t])/).filter(Boolean)
  const sigField = fields.find((f) => /^dkim-signature:/i.test(f))
  if (!sigField) return 'no DKIM-Signature'
  const tags = Object.fromEntries(
    sigField
      .slice(sigField.indexOf(':') + 1)
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')).trim(), t.slice(t.indexOf('=') + 1).replace(/\s+/g, '')]),
  )
  if (tags.a !== 'rsa-sha256') return `algorithm ${tags.a}`
  const [headerCanon, bodyCanon = 'simple'] = (tags.c ?? 'simple/simple').split('/')
  const relaxedBody = (b: string) =>
    b
      .split('\r\n')
      .map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''))
      .join('\r\n')
      .replace(/(\r\n)*$/, '\r\n')
  const canonBody = bodyCanon === 'relaxed' ? relaxedBody(body) : body.replace(/(\r\n)*$/, '\r\n')
  const bh = createHash('sha256')
    .update(canonBody === '\r\n' && bodyCanon === 'relaxed' ? '' : canonBody)
    .digest('base64')
  if (bh !== tags.bh) return `body hash mismatch (${bh} ≠ ${tags.bh})`
  const relaxedHeader = (f: string) => {
    const i = f.indexOf(':')
    return `${f.slice(0, i).trim().toLowerCase()}:${f
      .slice(i + 1)
      .replace(/\r\n/g, '')
      .replace(/[ \t]+/g, ' ')
      .trim()}`
  }
  const canon = (f: string) => (headerCanon === 'relaxed' ? relaxedHeader(f) : f)
  const used = new Set<string>()
  const signed: string[] = []
  for (const name of tags.h.split(':')) {
    const match = [...fields]
      .reverse()
      .find((f) => f.toLowerCase().startsWith(`${name.toLowerCase()}:`) && !used.has(f))
    if (!match) continue
    used.add(match)
    signed.push(`${canon(match)}\r\n`)
  }
  const unsigned = sigField.replace(/(\bb=)[^;]*/, '$1')
  const data = signed.join('') + canon(unsigned)
  const ok = verify('sha256', Buffer.from(data), createPublicKey(publicKeyPem), Buffer.from(tags.b, 'base64'))
  return ok ? null : 'signature does not verify'
}
