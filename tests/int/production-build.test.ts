import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'

import { dropTestDatabase, testDatabaseUri } from '../helpers/payload'

/**
 * The production build (`npm run build:server`): the server, the CLI and the import parse thread as
 * plain JavaScript in dist/, run by Node with no TypeScript loader. Built here into a throwaway app
 * folder laid out like the image's (dist/, bin/, node_modules), then run as real child processes in
 * production mode. tsx cannot even be resolved from that folder (its node_modules links every package
 * but tsx), and a loader probe records every module the main thread loads.
 * Next's own build (`next build`, minutes on this machine) is not made here: the server is tested up
 * to its express layer (`createApp`: health, security edge, public pages), not the admin and REST.
 */
const app = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-built-'))
const log = path.join(app, 'loaded.txt')
const probe = path.join(app, 'probe.mjs')
const databaseUri = testDatabaseUri(app, 'built')
const env = {
  ...process.env,
  NODE_ENV: 'production' as const,
  PAYLOAD_SECRET: 'a-test-secret-for-the-built-app',
  DATABASE_URI: databaseUri,
  DATABASE_ID_TYPE: '', // production runs the shipped migrations, which create numeric ids
  OUTBOX_DIR: path.join(app, 'outbox'),
  MEDIA_DIR: path.join(app, 'media'),
  PUBLIC_URL: 'http://localhost:3000',
  NODE_OPTIONS: '',
}

// Resolve hooks that append each module URL the main thread loads to `log`.
const HOOKS = `import fs from 'node:fs'
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  fs.appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n')
  return resolved
}`
const PROBE = `import { register } from 'node:module'
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}))`

const node = (args: string[]) =>
  spawnSync(process.execPath, args, { cwd: app, env, encoding: 'utf8', timeout: 180_000 })
/** `node dist/cli.mjs …` as the image runs it (with the probe). */
const builtCli = (...args: string[]) => node(['--conditions=production', '--import', probe, 'dist/cli.mjs', ...args])
const loaded = () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)
/** Modules that would mean TypeScript is compiled at run time. */
const typescriptLoads = (urls: string[]) =>
  urls.filter((u) => /\/node_modules\/(tsx|typescript|esbuild)\//.test(u) || /\.(ts|tsx|mts|cts)$/.test(u))

const FIXTURE = 'tests/fixtures/import/weekly-report-3-9.txt'
let server: ChildProcess | undefined

beforeAll(() => {
  fs.mkdirSync(path.join(app, 'node_modules'))
  for (const name of fs.readdirSync('node_modules').filter((n) => n !== 'tsx' && n !== '.bin'))
    fs.symlinkSync(path.resolve('node_modules', name), path.join(app, 'node_modules', name))
  fs.cpSync(path.resolve('bin'), path.join(app, 'bin'), { recursive: true })
  fs.writeFileSync(probe, PROBE)
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', path.join(app, 'dist')], {
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`build:server failed: ${built.stderr}`)
})

afterAll(async () => {
  server?.kill('SIGTERM')
  await dropTestDatabase(databaseUri)
  fs.rmSync(app, { recursive: true, force: true })
})

describe('npm run build:server', () => {
  it('bundles the server, the CLI and the parse thread into dist/ with source maps', () => {
    for (const entry of ['server', 'cli', 'parseWorker']) {
      expect(fs.existsSync(path.join(app, 'dist', `${entry}.mjs`)), entry).toBe(true)
      expect(fs.existsSync(path.join(app, 'dist', `${entry}.mjs.map`)), entry).toBe(true)
    }
  })

  it('the built CLI seeds and exports a production database with no TypeScript loaded', () => {
    const seeded = builtCli('seed')
    expect(seeded.stderr).not.toMatch(/Error/)
    expect(seeded.status).toBe(0)
    expect(seeded.stdout + seeded.stderr).toMatch(/Migrat/)
    expect(seeded.stdout).toContain('issue 3-9 created (published, 6 items)')

    const exported = builtCli('export', '--issue', '3-9', '--format', 'txt')
    expect(exported.status).toBe(0)
    expect(exported.stdout).toContain('Weekly Report 3|9')

    const urls = loaded()
    expect(urls.some((u) => u.endsWith('/dist/cli.mjs'))).toBe(true)
    expect(typescriptLoads(urls)).toEqual([])
  }, 240_000)

  it('bin/briefing.mjs runs the built CLI in production', () => {
    fs.rmSync(log, { force: true })
    const out = node(['--import', probe, 'bin/briefing.mjs', 'export', '--issue', '3-9', '--format', 'md'])
    expect(out.status).toBe(0)
    expect(out.stdout).toContain('Weekly Report 3|9')
    const urls = loaded()
    expect(urls.some((u) => u.endsWith('/dist/cli.mjs'))).toBe(true)
    expect(typescriptLoads(urls)).toEqual([])
  }, 120_000)

  it('the built server answers /healthz and a public page; its parse thread runs the built parser', async () => {
    fs.rmSync(log, { force: true })
    // The express layer of dist/server.mjs, then one file through the parse thread it started.
    const main = `const { createApp } = await import(${JSON.stringify(path.join(app, 'dist', 'server.mjs'))})
const listener = (await createApp()).listen(0, '127.0.0.1', () => console.log('listening ' + listener.address().port))
const { worker } = globalThis.briefingParseThread
const data = (await import('node:fs')).readFileSync(${JSON.stringify(path.resolve(FIXTURE))})
const answer = await new Promise((resolve, reject) => {
  worker.on('message', resolve).on('error', reject).postMessage({ id: -1, name: 'report.txt', data })
})
console.log('parsed ' + JSON.stringify({ ok: answer.ok, format: answer.parsed?.format, message: answer.message }))`
    // A file, not -e: worker threads inherit the execArgv, where --input-type would stop them.
    fs.writeFileSync(path.join(app, 'express-layer.mjs'), main)
    server = spawn(process.execPath, ['--conditions=production', '--import', probe, 'express-layer.mjs'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    server.stdout!.on('data', (d) => (output += d))
    server.stderr!.on('data', (d) => (output += d))
    /** The first match of `pattern` in what the server prints (or its exit, with what it printed). */
    const printed = async (pattern: RegExp): Promise<string> => {
      for (;;) {
        const m = pattern.exec(output)
        if (m) return m[1]
        if (server!.exitCode !== null) throw new Error(`server exited (${server!.exitCode}): ${output.slice(-2000)}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    const base = `http://127.0.0.1:${await printed(/listening (\d+)/)}`

    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } })
    const page = await fetch(`${base}/issues/3-9`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Weekly Report 3|9')
    expect(page.headers.get('content-security-policy')).toBeTruthy()

    // Started from dist/parseWorker.mjs: through tsx (unresolvable here) the thread would fail to start.
    expect(JSON.parse(await printed(/parsed (.+)\n/))).toEqual({ ok: true, format: 'txt' })
    expect(typescriptLoads(loaded())).toEqual([])
  }, 180_000)
})

describe('the image', () => {
  const dockerfile = fs.readFileSync('Dockerfile', 'utf8')
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '))

  it('builds in a build stage and runs the built server on runtime dependencies, without tsx', () => {
    expect(dockerfile).toMatch(/AS build\n[\s\S]*RUN npm run build/)
    expect(finalStage).toContain('CMD ["node", "--conditions=production", "dist/server.mjs"]')
    expect(finalStage).toMatch(/COPY --from=runtime-deps \/app\/node_modules/)
    expect(finalStage).not.toMatch(/tsx|src\/|COPY --from=build \/app \.\/|COPY \. /)
  })

  it('docker-compose.yml parses, and its services run files the image contains', () => {
    const compose = YAML.parse(fs.readFileSync('docker-compose.yml', 'utf8')) as {
      services: Record<string, { build?: string; image?: string; command?: string[]; depends_on?: object }>
      volumes: Record<string, unknown>
    }
    const copied = [...finalStage.matchAll(/COPY --from=build (.+) \S+\n/g)].flatMap((m) =>
      m[1].split(' ').map((p) => p.replace(/^\/app\//, '')),
    )
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.build ?? service.image, name).toBeTruthy()
      for (const dep of Object.keys(service.depends_on ?? {})) expect(compose.services[dep], dep).toBeDefined()
      if (!service.build || !service.command) continue
      const [cmd, script] = service.command
      expect(cmd, name).toBe('node')
      expect(
        copied.some((dir) => script.startsWith(`${dir}/`)),
        `${name} runs ${script}`,
      ).toBe(true)
    }
  })
})
