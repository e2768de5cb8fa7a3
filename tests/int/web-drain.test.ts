import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startWeb, type Instance } from '../helpers/instances'
import { dropTestDatabase, testDatabaseUri } from '../helpers/payload'

/**
 * SIGTERM drains the web server (a real child process, `tsx src/server.ts`): it stops accepting new
 * connections, closes idle keep-alive connections at once, lets a request in flight finish with its
 * real answer, and exits 0 within SHUTDOWN_TIMEOUT_SECONDS. The request in flight is a one-click
 * unsubscribe (an express route) whose JSON body the client sends slowly, so the server is still
 * reading it when the signal arrives.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-web-drain-'))
const uri = testDatabaseUri(dir, 'web-drain')
let web: Instance
let expectedStatus = 0
const body = JSON.stringify({ 'List-Unsubscribe': 'One-Click', token: 'not-a-real-token' })
const unsubscribe = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body,
}

beforeAll(async () => {
  web = await startWeb(
    {
      DATABASE_URI: uri,
      OUTBOX_DIR: path.join(dir, 'outbox'),
      MEDIA_DIR: path.join(dir, 'media'),
      BRIEFING_JOBS_AUTORUN: '0',
      SHUTDOWN_TIMEOUT_SECONDS: '20',
      // Its own Next folder (listed in tsconfig.json, so that Next does not rewrite it).
      NEXT_DIST_DIR: '.next-web-drain',
    },
    540_000, // a dev server's first start on a busy machine
  )
  // The answer the drained request must get too: the token is not valid.
  const answer = await fetch(`${web.url}/unsubscribe`, unsubscribe)
  expect(answer.status).toBeGreaterThanOrEqual(400)
  expect(answer.status).toBeLessThan(500)
  expectedStatus = answer.status
}, 600_000)
afterAll(async () => {
  await web?.stop()
  await dropTestDatabase(uri)
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A raw HTTP/1.1 connection: what it received, and when the server closed it. */
function connection(port: number) {
  const socket = net.connect(port, '127.0.0.1')
  let received = ''
  socket.setEncoding('utf8')
  socket.on('data', (d: string) => (received += d))
  socket.on('error', () => undefined)
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())))
  const until = async (text: string) => {
    while (!received.includes(text)) await new Promise((r) => setTimeout(r, 20))
  }
  return { socket, closed, received: () => received, until }
}

const head = `POST /unsubscribe HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`

describe('web server SIGTERM', () => {
  it('stops accepting, closes idle keep-alives, finishes the request in flight, exits 0 in time', async () => {
    const port = Number(new URL(web.url!).port)
    const idle = connection(port)
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
    await idle.until('"status"')
    const inFlight = connection(port)
    inFlight.socket.write(head + body.slice(0, 10))
    await new Promise((r) => setTimeout(r, 500))

    const exited = new Promise<number | null>((resolve) => web.child.once('exit', (code) => resolve(code)))
    const signalled = Date.now()
    web.child.kill('SIGTERM')

    // The idle keep-alive connection is closed while the other request is still in flight.
    expect(await idle.closed).toBeLessThan(signalled + 5000)
    expect(inFlight.received()).toBe('')
    expect(inFlight.socket.destroyed).toBe(false)
    // New connections are refused.
    await expect(fetch(`${web.url}/healthz`)).rejects.toThrow()

    await new Promise((r) => setTimeout(r, 1000))
    inFlight.socket.write(body.slice(10))
    await inFlight.closed
    expect(inFlight.received()).toMatch(new RegExp(`^HTTP/1\\.1 ${expectedStatus} `))
    expect(inFlight.received()).toContain('"errors"')

    expect(await exited, web.output()).toBe(0)
    expect(Date.now() - signalled).toBeLessThan(20_000)
    expect(web.output()).toContain('draining')
  }, 120_000)
})
