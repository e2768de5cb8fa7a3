import { shutdownTimeoutSeconds } from '../env'

/**
 * On SIGTERM or SIGINT: say so, call `drain` once, and exit 1 if the process is still running after
 * SHUTDOWN_TIMEOUT_SECONDS (a drain that hangs must not keep an orchestrator waiting forever).
 * Returns a function that removes the listeners.
 */
export function onShutdownSignal(name: string, drain: (signal: NodeJS.Signals) => void): () => void {
  const seconds = shutdownTimeoutSeconds()
  const handle = (signal: NodeJS.Signals) => {
    remove()
    console.error(`${name}: ${signal}: draining (at most ${seconds} s)`)
    setTimeout(() => {
      console.error(`${name}: not drained after ${seconds} s; exiting`)
      process.exit(1)
    }, seconds * 1000).unref()
    drain(signal)
  }
  const remove = () => {
    process.off('SIGTERM', handle)
    process.off('SIGINT', handle)
  }
  process.once('SIGTERM', handle)
  process.once('SIGINT', handle)
  return remove
}
