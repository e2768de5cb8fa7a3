import mimeFuncs from 'nodemailer/lib/mime-funcs'
import qp from 'nodemailer/lib/qp'

import { digest } from './tokens'

/**
 * Compose a newsletter once as MIME and personalise it per recipient by token substitution.
 *
 * Bodies are quoted-printable. A QP encoder wraps lines at 76 characters and would split a token
 * such as `{{unsubscribe_url}}` across a soft line break, so the body is cut at its tokens first:
 * each static piece is encoded once, and each value is encoded on its own lines at send time, with
 * soft breaks on both sides. Personalising is then string concatenation, never re-rendering.
 */

export const TOKEN_PATTERN = /\{\{([a-z_]+)\}\}/g

export type TokenValues = Record<string, string>

type Piece = Buffer | { token: string }
type EncodedBody = { pieces: Piece[]; escape: (value: string) => string }

export type CompiledMessage = {
  headers: string
  boundary: string
  text: EncodedBody
  html: EncodedBody
  /** Bytes of the HTML part before encoding (what Gmail's clipping counts, roughly). */
  htmlBytes: number
}

export type MessageInput = {
  campaignKey: string
  subject: string
  html: string
  text: string
  from: { name: string; address: string }
  replyTo?: string | null
  listId: string
}

const encodeWords = (value: string, encoding: 'Q' | 'B', maxLength: number) =>
  mimeFuncs.encodeWords(value, encoding, maxLength)
const qpEncode = (value: Buffer) => qp.encode(value)
const qpWrap = (value: string, lineLength: number) => qp.wrap(value, lineLength)
const CRLF = '\r\n'
const crlf = (s: string) => s.replace(/\r?\n/g, CRLF)
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

const encodeQp = (value: string) => crlf(qpWrap(qpEncode(Buffer.from(crlf(value), 'utf8')), 76))

function encodeBody(source: string, escape: (value: string) => string): EncodedBody {
  const pieces: Piece[] = []
  let last = 0
  for (const match of source.matchAll(TOKEN_PATTERN)) {
    const before = source.slice(last, match.index)
    if (before) pieces.push(Buffer.from(endWithBreak(encodeQp(before)), 'latin1'))
    pieces.push({ token: match[1] })
    last = (match.index ?? 0) + match[0].length
  }
  const rest = source.slice(last)
  if (rest) pieces.push(Buffer.from(encodeQp(rest), 'latin1'))
  return { pieces, escape }
}

/** A piece must end at a line start, so that what follows is wrapped independently. */
const endWithBreak = (encoded: string) => (encoded.endsWith(CRLF) ? encoded : `${encoded}=${CRLF}`)

/** RFC 5322 display name + address, encoded when not plain ASCII. */
export function formatAddress(name: string | null | undefined, address: string): string {
  if (!name) return `<${address}>`
  const encoded = encodeWords(name, 'Q', 52)
  const quoted = encoded === name ? `"${name.replace(/["\\]/g, '\\$&')}"` : encoded
  return `${quoted} <${address}>`
}

export function compileMessage(input: MessageInput): CompiledMessage {
  const boundary = `----=_briefing_${digest(`boundary:${input.campaignKey}`, 20)}`
  const headers = [
    `From: ${formatAddress(input.from.name, input.from.address)}`,
    input.replyTo ? `Reply-To: ${formatAddress(null, input.replyTo)}` : '',
    `Subject: ${encodeWords(input.subject, 'Q', 52)}`,
    `List-Id: ${input.listId}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ]
    .filter(Boolean)
    .join(CRLF)
  return {
    headers,
    boundary,
    text: encodeBody(input.text, (v) => v),
    html: encodeBody(input.html, escapeHtml),
    htmlBytes: Buffer.byteLength(input.html, 'utf8'),
  }
}

function renderBody(body: EncodedBody, values: TokenValues, out: Buffer[]): void {
  for (const piece of body.pieces) {
    if (Buffer.isBuffer(piece)) out.push(piece)
    else out.push(Buffer.from(endWithBreak(encodeQp(body.escape(values[piece.token] ?? ''))), 'latin1'))
  }
}

export type Recipient = {
  email: string
  name?: string | null
  messageId: string
  unsubscribeUrl: string
  unsubscribeMailto: string
  values: TokenValues
}

const rfc2822Date = (date: Date) => date.toUTCString().replace(/GMT$/, '+0000')

/**
 * The complete raw message for one recipient, as bytes: the pre-encoded static parts are shared
 * Buffers, and only the headers and token values are encoded per recipient (no 40 KB string is built
 * and re-encoded for every message).
 */
export function personalise(message: CompiledMessage, recipient: Recipient, date = new Date()): Buffer {
  const b = message.boundary
  const out: Buffer[] = [
    Buffer.from(
      [
        message.headers,
        `To: ${formatAddress(recipient.name, recipient.email)}`,
        `Date: ${rfc2822Date(date)}`,
        `Message-ID: ${recipient.messageId}`,
        `List-Unsubscribe: <${recipient.unsubscribeUrl}>,${CRLF} <${recipient.unsubscribeMailto}>`,
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        '',
        `--${b}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '',
      ].join(CRLF),
      'utf8',
    ),
  ]
  renderBody(message.text, recipient.values, out)
  out.push(
    Buffer.from(
      [
        '',
        `--${b}`,
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '',
      ].join(CRLF),
      'latin1',
    ),
  )
  renderBody(message.html, recipient.values, out)
  out.push(Buffer.from(`${CRLF}--${b}--${CRLF}`, 'latin1'))
  return Buffer.concat(out)
}

/** Deterministic per campaign and subscriber, so a resend after a crash carries the same id. */
export const messageIdFor = (campaignId: string | number, subscriberId: string | number, domain: string) =>
  `<${digest(`message:${campaignId}:${subscriberId}`, 32)}.c${campaignId}@${domain}>`
