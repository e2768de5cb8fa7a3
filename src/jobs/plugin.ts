import type { Plugin } from 'payload'

import { installAtomicJobClaims } from '../lib/db'

/**
 * The jobs queue every process shares (scheduled publishing, newsletter sends): a due job is claimed
 * by exactly one worker, whichever of the web processes and `briefing worker`s looks first.
 */
export const jobsPlugin: Plugin = (config) => {
  const onInit = config.onInit
  return {
    ...config,
    onInit: async (payload) => {
      installAtomicJobClaims(payload)
      await onInit?.(payload)
    },
  }
}
