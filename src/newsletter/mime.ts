import MimeNode from 'nodemailer/lib/mime-node/index.js'
import qp from 'nodemailer/lib/qp/index.js'

import { escapeHtml } from '../lib/html'
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
  /** Encodes the personal header line (To) of each copy. */
  personalHeaders: HeaderEncoder
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

const qpEncode = (value: Buffer) => qp.encode(value)
const qpWrap = (value: string, lineLength: number) => qp.wrap(value, lineLength)
const CRLF = '\r\n'
const crlf = (s: string) => s.replace(/\r?\n/g, CRLF)

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

type Address = { name: string; address: string }
type HeaderValue = string | Address

/**
 * Header lines encoded by nodemailer's MIME builder: RFC 2047 encoded words for anything that is not
 * plain text, quoted display names, folding, and line breaks inside a value turned into spaces or
 * encoded, so a value can never start a header line of its own. Nothing holding user data (names,
 * subject, sender) is joined into a header by hand. A child node, so that nodemailer adds none of a
 * message's own headers (Date, Message-ID); one encoder per compiled message, reused per recipient.
 */
export class HeaderEncoder {
  private readonly node = new MimeNode().createChild('')

  /** `Key: value` lines (CRLF-separated) for these headers, in this order; empty values are left out. */
  lines(headers: Array<[key: string, value: HeaderValue | null | undefined]>): string {
    for (const [key, value] of headers) {
      // nodemailer takes { name, address } objects for address headers (its types say string only).
      this.node.setHeader(key, (value ?? '') as string)
    }
    return this.node.buildHeaders()
  }
}

/** `name <address>` as an address header value, or the bare address when there is no name. */
const address = (name: string | null | undefined, addr: string): HeaderValue => (name ? { name, address: addr } : addr)

export function compileMessage(input: MessageInput): CompiledMessage {
  const boundary = `----=_briefing_${digest(`boundary:${input.campaignKey}`, 20)}`
  const encoded = new HeaderEncoder().lines([
    ['From', address(input.from.name, input.from.address)],
    ['Reply-To', input.replyTo],
    ['Subject', input.subject],
    ['List-Id', input.listId],
  ])
  const headers = [encoded, 'MIME-Version: 1.0', `Content-Type: multipart/alternative; boundary="${boundary}"`].join(
    CRLF,
  )
  return {
    headers,
    personalHeaders: new HeaderEncoder(),
    boundary,
    text: encodeBody(input.text, (v) => v),
    html: encodeBody(input.html, escapeHtml),
    htmlBytes: Buffer.byteLength(input.html, 'utf8'),
  }
}

/** Each token's value is encoded once per copy, however often it occurs (a tracked message has one per link). */
function renderBody(body: EncodedBody, values: TokenValues, out: Buffer[]): void {
  const encoded = new Map<string, Buffer>()
  for (const piece of body.pieces) {
    if (Buffer.isBuffer(piece)) {
      out.push(piece)
      continue
    }
    let value = encoded.get(piece.token)
    if (!value) {
      value = Buffer.from(endWithBreak(encodeQp(body.escape(values[piece.token] ?? ''))), 'latin1')
      encoded.set(piece.token, value)
    }
    out.push(value)
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
        message.personalHeaders.lines([['To', address(recipient.name, recipient.email)]]),
        `Date: ${rfc2822Date(date)}`,
        `Message-ID: ${recipient.messageId}`,
        // Both links are URL-serialised bases (settings.ts) plus a base64url token: no line breaks.
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
