// Entry of the import parse worker thread: TypeScript through tsx, as bin/briefing.mjs does (with the
// same referenced timer, so that the thread does not end while tsx's loader is still compiling).
import { register } from 'tsx/esm/api'

register()
const keepAlive = setInterval(() => {}, 60_000)
try {
  await import('./parseWorker.ts')
} finally {
  clearInterval(keepAlive)
}
