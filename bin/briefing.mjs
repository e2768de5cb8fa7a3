#!/usr/bin/env node
// The `briefing` command: runs the TypeScript CLI through tsx, with an export condition.
//
// Lexical's Node entry points (`*.node.mjs`) load their real module with a dynamic import inside a
// top-level await that Node 20 sometimes leaves unsettled (the process exits with code 13 or idles).
// With `--conditions=development` (or `production`) Node loads `*.dev.mjs`/`*.prod.mjs` directly.
// Started without one, the command starts itself again with it (tests/int/cli-boot.test.ts).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const hasCondition = (args) => args.some((a) => a === '-C' || a.startsWith('--conditions'))
const nodeOptions = (process.env.NODE_OPTIONS ?? '').split(/\s+/)

if (!hasCondition(process.execArgv) && !hasCondition(nodeOptions)) {
  const condition = process.env.NODE_ENV === 'production' ? 'production' : 'development'
  const child = spawn(process.execPath, [`--conditions=${condition}`, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'index.ts')
  await import(pathToFileURL(entry).href)
}
