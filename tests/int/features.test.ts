import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { features } from '../../src/features'
import { briefing } from '../helpers/cli'

/** Issue 10, feature boundaries: one manifest per feature, iterated by the config, the server and the CLI. */
describe('feature manifests', () => {
  it('every feature folder exports one manifest from its index.ts; glossary, reuse and backup are features', () => {
    const names = features.map((f) => f.name)
    expect(names).toEqual(expect.arrayContaining(['web', 'importer', 'newsletter', 'search', 'glossary', 'reuse']))
    expect(names).toContain('backup')
    for (const name of names) expect(fs.existsSync(path.join('src', name, 'index.ts')), name).toBe(true)
    expect(features.filter((f) => f.routesLast).map((f) => f.name)).toEqual(['web'])
  })

  it('the Payload config gets each feature plugin: reuse and glossary endpoints on items, /search at the root', async () => {
    const config = await (await import('../../src/payload.config')).default
    const items = config.collections.find((c) => c.slug === 'items')!
    const paths = (items.endpoints || []).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['/:id/reuse', '/:id/related', '/:id/term-suggestions']))
    expect((config.endpoints || []).map((e) => e.path)).toEqual(expect.arrayContaining(['/search', '/import']))
  })

  it('the CLI lists the commands of every feature', async () => {
    const run = await briefing(['--help'])
    expect(run.status).toBe(0)
    for (const command of ['import', 'export', 'newsletter', 'search', 'glossary:consistency'])
      expect(run.stdout).toContain(command)
  })
})
