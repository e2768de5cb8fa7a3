import { parentPort, workerData } from 'node:worker_threads'

import { ImportError } from '../types'
import { parseFile } from './index'

/** The parse worker thread (started by inWorker.ts): parse one file, post the blocks or the refusal. */
const { name, data } = workerData as { name: string; data: Uint8Array }
parseFile(name, data).then(
  (parsed) => parentPort!.postMessage({ ok: true, parsed }),
  (err: Error) =>
    parentPort!.postMessage({
      ok: false,
      importError: err instanceof ImportError,
      message: err.message,
      line: err instanceof ImportError ? err.line : undefined,
    }),
)
