import type { Plugin } from 'payload'

import { schemaPushSkipped } from '../env'
import type { Feature } from '../feature'
import { upgradeToPublications } from './upgrade'

/** On start, every issue without a publication joins the weekly report (a no-op once upgraded). */
const publicationsPlugin: Plugin = (config) => {
  const onInit = config.onInit
  return {
    ...config,
    onInit: async (payload) => {
      await onInit?.(payload)
      // A boot without the schema push (`briefing migrate`, `backup`) may find no tables yet; the
      // migration that adds publications runs the same upgrade.
      if (!schemaPushSkipped()) await upgradeToPublications(payload)
    },
  }
}

/** Publications: the weekly report, special issues and translations beside one another. */
export const publicationsFeature: Feature = { name: 'publications', plugin: publicationsPlugin }
