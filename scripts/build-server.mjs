#!/usr/bin/env node
// `npm run build:server`: bundles the express server, the `briefing` CLI and the importer's parse
// thread into dist/ (ESM, source maps), so production runs plain JavaScript: no TypeScript is
// transpiled at run time. Packages stay external (node_modules, resolved from dist/ at run time);
// Next compiles its own part (`next build` → .next/). `--outdir <dir>` builds elsewhere (tests).
import { builtinModules } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const flag = process.argv.indexOf('--outdir')
const outdir = path.resolve(flag > 0 ? process.argv[flag + 1] : path.join(root, 'dist'))

/** The entry points, by output name (dist/<name>.mjs). */
export const ENTRIES = {
  server: 'src/server.ts',
  cli: 'src/cli/index.ts',
  parseWorker: 'src/importer/formats/parseWorker.ts',
}

const started = Date.now()
fs.rmSync(outdir, { recursive: true, force: true })
const result = await build({
  absWorkingDir: root,
  entryPoints: ENTRIES,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outExtension: { '.js': '.mjs' },
  // Chunks beside the entries: a module finds the built parse thread next to itself (inWorker.ts).
  chunkNames: '[name]-[hash]',
  jsx: 'automatic',
  metafile: true,
  logLevel: 'warning',
})

// Every package the bundles import must be a dependency: the image installs only those (--omit=dev).
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
const builtins = new Set(builtinModules)
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/')
const missing = new Set()
for (const output of Object.values(result.metafile.outputs))
  for (const { path: spec, external } of output.imports) {
    if (!external || spec.startsWith('node:') || builtins.has(spec)) continue
    if (!pkg.dependencies[packageName(spec)]) missing.add(packageName(spec))
  }
if (missing.size) {
  console.error(`build:server: imported but not in "dependencies": ${[...missing].sort().join(', ')}`)
  process.exit(1)
}
console.error(
  `build:server: ${Object.keys(ENTRIES).length} entries → ${path.relative(root, outdir) || '.'} in ${Date.now() - started} ms`,
)
