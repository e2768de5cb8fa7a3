import type { Plugin } from 'payload'

import { ImportProfiles } from '../../collections/ImportProfiles'
import { importEndpoint } from './endpoint'

/**
 * Import: POST /api/import (editors and admins) and the admin "Import reports" view at
 * /admin/import with a link in the navigation; the import profiles (saved corrections).
 */
export const importerPlugin: Plugin = (config) => ({
  ...config,
  collections: [...(config.collections ?? []), ImportProfiles],
  endpoints: [...(config.endpoints ?? []), importEndpoint],
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      afterNavLinks: [
        ...(config.admin?.components?.afterNavLinks ?? []),
        '/importer/admin/ImportNavLink#ImportNavLink',
      ],
      views: {
        ...config.admin?.components?.views,
        importReports: { Component: '/importer/admin/ImportView#ImportView', path: '/import' },
      },
    },
  },
})
