#!/usr/bin/env node
// The `briefing` command: runs the TypeScript CLI through tsx.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { register } from 'tsx/esm/api'

register()
const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'index.ts')
await import(pathToFileURL(entry).href)
