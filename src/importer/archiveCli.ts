import { SingleBar } from 'cli-progress'

import { fail, withPayload } from '../cli/context'
import { restoreArchive } from './archive'

/** `briefing import --archive <dir>`: restore everything, with a progress bar per collection. */
export async function runRestore(dir: string): Promise<void> {
  await withPayload(async (payload) => {
    const bar = new SingleBar({
      format: 'restoring {slug} [{bar}] {value}/{total}',
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    })
    let current = ''
    const summary = await restoreArchive(payload, dir, (slug, done, total) => {
      if (slug !== current) {
        if (current) bar.stop()
        current = slug
        bar.start(total, 0, { slug })
      }
      bar.update(done, { slug })
    }).finally(() => bar.stop())
    const counts = Object.entries(summary.collections).map(([slug, n]) => `${n} ${slug}`)
    console.log(`restored ${counts.join(', ')}; ${summary.drafts} newer draft(s); ${summary.files} media file(s)`)
    if (summary.rebuilt.length)
      console.log(`rebuilt by hooks, not restored from the archive: ${summary.rebuilt.join(', ')}`)
  }).catch((err: Error) => fail(`import --archive ${dir}: ${err.message}`))
}
