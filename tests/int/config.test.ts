import { spawn, spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { briefing } from '../helpers/cli'

/** The configuration is checked before anything starts: server, CLI and worker refuse bad values. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-config-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

type Env = Record<string, string | undefined>
const baseEnv = (extra: Env): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URI: `file:${path.join(dir, 'ok.db')}`, ...extra }
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key]
  return env
}

/** `npm run dev`'s process, in its own process group so that anything it leaves behind can be found. */
function devServer(extra: Env): Promise<{ status: number | null; stderr: string; ms: number; leftovers: boolean }> {
  const started = Date.now()
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/server.ts'], {
    env: baseEnv({ PORT: '0', ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000)
  return new Promise((resolve) =>
    child.on('exit', async (status) => {
      clearTimeout(killer)
      const ms = Date.now() - started
      // tsx's esbuild helper ends with its parent; anything else (e.g. `payload generate:types`) lingers.
      let leftovers = true
      for (let i = 0; i < 30 && leftovers; i++) {
        await new Promise((r) => setTimeout(r, 100))
        leftovers = groupAlive(child.pid!)
      }
      if (leftovers) process.kill(-child.pid!, 'SIGKILL')
      resolve({ status, stderr, ms, leftovers })
    }),
  )
}

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

const BAD: Array<[string, Env, RegExp]> = [
  ['DATABASE_URI', { DATABASE_URI: 'mysql://root@127.0.0.1/briefing' }, /DATABASE_URI.*mysql:/],
  ['DATABASE_URI', { DATABASE_URI: 'foo://bar' }, /DATABASE_URI.*foo:/],
  ['PORT', { PORT: 'eighty' }, /PORT.*eighty/],
  ['PORT', { PORT: '70000' }, /PORT.*70000/],
  ['PUBLIC_URL', { PUBLIC_URL: 'javascript:alert(1)' }, /PUBLIC_URL.*absolute http/],
  ['PUBLIC_URL', { PUBLIC_URL: 'example.com' }, /PUBLIC_URL.*absolute http/],
  ['SMTP_URL', { SMTP_URL: 'http://mail.example.com' }, /SMTP_URL.*smtp:\/\/ or smtps:\/\//],
  ['NEWSLETTER_BATCH_SIZE', { NEWSLETTER_BATCH_SIZE: 'many' }, /NEWSLETTER_BATCH_SIZE="many" is not a number/],
]

describe('configuration is validated before anything starts', () => {
  it('the dev server exits non-zero at once with one line naming the variable, leaving no process behind', async () => {
    for (const [name, extra, line] of BAD.slice(0, 3)) {
      const run = await devServer(extra)
      expect(run.status, `${name}: ${run.stderr}`).toBe(1)
      const lines = run.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(line)
      expect(lines[0]).toContain(name)
      expect(run.leftovers).toBe(false)
      expect(run.ms).toBeLessThan(30_000)
    }
  }, 180_000)

  it('every CLI command (seed, worker) refuses each bad value with one clear line', async () => {
    for (const [name, extra, line] of BAD) {
      const run = await briefing(['seed'], extra)
      expect(run.status, `${name}: ${run.stderr}`).toBe(1)
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)])
      expect(run.stdout).toBe('')
    }
    const worker = await briefing(['worker', '--once'], { DATABASE_URI: 'foo://bar' })
    expect(worker.status).toBe(1)
    expect(worker.stderr).toMatch(/DATABASE_URI/)
  }, 180_000)
})

const KNOWN_DEV_SECRET = 'briefing-development-secret-not-for-production'

/** Print the secret the app signs with, twice, in a fresh process as the server or CLI would. */
const secretIn = (extra: Env) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "import { payloadSecret } from './src/env.ts'; console.log(payloadSecret()); console.log(payloadSecret())",
    ],
    { env: baseEnv({ PAYLOAD_SECRET: undefined, NODE_ENV: undefined, ...extra }), encoding: 'utf8' },
  )

describe('development secret', () => {
  it('is generated at random on first start, kept beside the database (0600) and reused, with one warning', () => {
    const uri = `file:${path.join(dir, 'secret', 'briefing.db')}`
    const first = secretIn({ DATABASE_URI: uri })
    expect(first.status).toBe(0)
    const [a, b] = first.stdout.trim().split('\n')
    expect(a).toBe(b)
    expect(a).not.toBe(KNOWN_DEV_SECRET)
    expect(a!.length).toBeGreaterThanOrEqual(40)
    const file = path.join(dir, 'secret', '.dev-secret')
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(a)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(first.stderr.match(/PAYLOAD_SECRET is not set/g)).toHaveLength(1)
    expect(first.stderr).toContain(file)

    const second = secretIn({ DATABASE_URI: uri })
    expect(second.stdout.trim().split('\n')[0]).toBe(a)

    const elsewhere = secretIn({ DATABASE_URI: `file:${path.join(dir, 'other', 'briefing.db')}` })
    expect(elsewhere.stdout.trim().split('\n')[0]).not.toBe(a)
  })

  it('a subscription token signed with the old fixed secret is refused', async () => {
    const body = Buffer.from(JSON.stringify(['unsubscribe', '1', 'a@example.com', 0])).toString('base64url')
    const forged = `${body}.${createHmac('sha256', `newsletter:${KNOWN_DEV_SECRET}`).update(body).digest('base64url')}`
    const check = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { verifyToken } from './src/newsletter/tokens.ts'; console.log(JSON.stringify(verifyToken(${JSON.stringify(forged)}, 'unsubscribe')))`,
      ],
      {
        env: baseEnv({ PAYLOAD_SECRET: undefined, NODE_ENV: undefined, DATABASE_URI: `file:${dir}/t/briefing.db` }),
        encoding: 'utf8',
      },
    )
    expect(JSON.parse(check.stdout)).toEqual({ ok: false, reason: 'invalid signature' })
  })

  it('PAYLOAD_SECRET, when set, is used as is and nothing is written', () => {
    const uri = `file:${path.join(dir, 'given', 'briefing.db')}`
    const run = secretIn({ DATABASE_URI: uri, PAYLOAD_SECRET: 'given-secret' })
    expect(run.stdout.trim().split('\n')[0]).toBe('given-secret')
    expect(run.stderr).toBe('')
    expect(fs.existsSync(path.join(dir, 'given', '.dev-secret'))).toBe(false)
  })
})

describe('next.config.mjs', () => {
  it('allows the admin’s dev resources from localhost, 127.0.0.1 and the host of PUBLIC_URL', async () => {
    const config = await import('../../next.config.mjs')
    expect(config.default.allowedDevOrigins).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']))
    expect(config.devOrigins('http://192.168.1.20:3000')).toEqual(['localhost', '127.0.0.1', '192.168.1.20'])
    expect(config.devOrigins('https://briefing.example.com')).toContain('briefing.example.com')
    expect(config.devOrigins('not a url')).toEqual(['localhost', '127.0.0.1'])
  })
})
