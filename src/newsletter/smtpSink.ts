import net from 'node:net'

import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server'

/**
 * A real SMTP server on 127.0.0.1 for tests and the bench (the `smtp-server` package), with fault
 * injection: per-recipient answers (421/450/550…) and dropped connections through a TCP proxy that
 * cuts the link in the middle of a message's DATA.
 */
export type Received = { envelopeTo: string[]; raw: string }
export type Fault = { code: number; message: string } | null

export type SinkOptions = {
  /** Keep messages (tests) or only count them (bench). */
  keep?: boolean
  /** Answer RCPT TO for this address with an error (called for every attempt). */
  rcptFault?: (address: string, attempt: number) => Fault
  /** Wait this long before accepting each message (to slow a send down in tests). */
  dataDelayMs?: number
}

export type SmtpSink = {
  port: number
  url: (maxConnections?: number) => string
  messages: Received[]
  count: () => number
  /** Drop the next `n` connections in the middle of a message (the message is not delivered). */
  dropNext: (n: number) => void
  /** How many connections were cut so far. */
  dropped: () => number
  /** Go away: cut every connection and stop listening (new connections are refused). */
  stop: () => Promise<void>
  /** Listen again on the same port after `stop()`. */
  restart: () => Promise<void>
  close: () => Promise<void>
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: Received[] = []
  let count = 0
  const server = createSmtpServer(options, messages, () => count++)
  // A client or the proxy cutting a connection (stop(), dropNext()) resets the server's socket: that is
  // expected here, not an error of the process (smtp-server re-emits it on the server).
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const smtpPort = (server.server.address() as net.AddressInfo).port

  const cutter = createCuttingProxy(smtpPort)
  const { proxy } = cutter
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const port = (proxy.address() as net.AddressInfo).port
  let listening = true
  const stop = async () => {
    for (const s of cutter.sockets) s.destroy()
    if (!listening) return
    listening = false
    await new Promise<void>((resolve) => proxy.close(() => resolve()))
  }

  return {
    port,
    url: (maxConnections = 5) => `smtp://127.0.0.1:${port}?maxConnections=${maxConnections}&ignoreTLS=true`,
    messages,
    count: () => count,
    dropNext: cutter.dropNext,
    dropped: cutter.dropped,
    stop,
    restart: async () => {
      if (listening) return
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve))
      listening = true
    },
    close: async () => {
      await stop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The SMTP server itself: answers RCPT TO with the injected faults, keeps (or counts) each message. */
function createSmtpServer(options: SinkOptions, messages: Received[], counted: () => void): SMTPServer {
  const attempts = new Map<string, number>()
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const n = (attempts.get(address.address) ?? 0) + 1
      attempts.set(address.address, n)
      const fault = options.rcptFault?.(address.address, n)
      if (fault) return callback(Object.assign(new Error(fault.message), { responseCode: fault.code }))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => options.keep !== false && chunks.push(c))
      stream.on('end', async () => {
        if (options.dataDelayMs) await new Promise((resolve) => setTimeout(resolve, options.dataDelayMs))
        counted()
        if (options.keep !== false) {
          messages.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
        }
        callback()
      })
    },
  })
}

/** Proxy in front of the server so that a test can cut connections mid-message. */
function createCuttingProxy(smtpPort: number) {
  let drops = 0
  let droppedCount = 0
  const sockets = new Set<net.Socket>()
  const proxy = net.createServer((client) => {
    const upstream = net.connect({ port: smtpPort, host: '127.0.0.1', noDelay: true })
    client.setNoDelay(true)
    sockets.add(client).add(upstream)
    let inData = false
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1')
      if (/^DATA\r\n/im.test(text)) inData = true
      if (inData && drops > 0 && text.length > 0 && !/^DATA\r\n$/i.test(text)) {
        drops--
        droppedCount++
        client.destroy()
        upstream.destroy()
        return
      }
      if (text.includes('\r\n.\r\n')) inData = false
      upstream.write(chunk)
    })
    upstream.pipe(client)
    const cleanup = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', cleanup).on('close', cleanup)
    upstream.on('error', cleanup).on('close', cleanup)
  })
  return {
    proxy,
    sockets,
    dropNext: (n: number) => {
      drops += n
    },
    dropped: () => droppedCount,
  }
}
