#!/usr/bin/env node
// The `briefing` command: runs the TypeScript CLI through tsx.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { register } from 'tsx/esm/api'

register()
const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'index.ts')
// Node 20 runs tsx's loader hooks on a separate thread; while an import waits on that thread the main
// event loop can have nothing referenced, and Node then exits with code 13 ("unsettled top-level
// await") before the command has run. Seen intermittently under load; a referenced timer prevents it.
const keepAlive = setInterval(() => {}, 60_000)
try {
  await import(pathToFileURL(entry).href)
} finally {
  clearInterval(keepAlive)
}
