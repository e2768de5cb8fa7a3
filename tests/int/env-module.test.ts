import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/** `src/env.ts` is the configuration: the only module that reads or sets environment variables. */
const CONFIG_MODULE = path.join('src', 'env.ts')
const ROOTS = ['src', 'collections', 'templates']
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/
// process.env, process['env'], const { env } = process
const READS_ENV = /process\s*(\??\.\s*env\b|\[\s*['"`]env['"`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*=\s*process\b/

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return SOURCE.test(entry.name) ? [file] : []
  })

// Variables env.ts sets for other libraries, not configuration: Next's build phase, Payload's reload socket and migrate mode.
const NOT_CONFIGURATION = new Set(['NEXT_PHASE', 'DISABLE_PAYLOAD_HMR', 'PAYLOAD_MIGRATING'])

const variablesOf = (text: string): Set<string> =>
  new Set(
    [
      ...text.matchAll(
        /process\.env\.([A-Z][A-Z0-9_]+)|(?:read|numberVar)\('([A-Z][A-Z0-9_]+)'\)|^ {2}([A-Z][A-Z0-9_]+): \d/gm,
      ),
    ]
      .map((m) => m[1] ?? m[2] ?? m[3]!)
      .filter((name) => !NOT_CONFIGURATION.has(name)),
  )

describe('configuration module', () => {
  it('no file under src, collections or templates but src/env.ts reads process.env', () => {
    const readers = ROOTS.flatMap(sourceFiles)
      .filter((file) => file !== CONFIG_MODULE)
      .filter((file) => READS_ENV.test(fs.readFileSync(file, 'utf8')))
    expect(readers).toEqual([])
  })

  it('every variable the module reads is in .env.example and the README configuration table', () => {
    const names = [...variablesOf(fs.readFileSync(CONFIG_MODULE, 'utf8'))]
    expect(names.length).toBeGreaterThan(25)
    const example = fs.readFileSync('.env.example', 'utf8')
    const readme = fs.readFileSync('README.md', 'utf8')
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Security notes'))
    expect(names.filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(example))).toEqual([])
    expect(names.filter((name) => !table.includes(`\`${name}\``))).toEqual([])
  })
})
