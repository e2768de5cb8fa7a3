import { parentPort } from 'node:worker_threads'

import { ImportError } from '../types'
import { parseFile } from './index'

/** The parse thread (started by inWorker.ts): parse each file posted to it, answer the blocks or the refusal. */
parentPort!.on('message', ({ id, name, data }: { id: number; name: string; data: Uint8Array }) => {
  parseFile(name, data).then(
    (parsed) => parentPort!.postMessage({ id, ok: true, parsed }),
    (err: Error) =>
      parentPort!.postMessage({
        id,
        ok: false,
        importError: err instanceof ImportError,
        message: err.message,
        line: err instanceof ImportError ? err.line : undefined,
      }),
  )
})
