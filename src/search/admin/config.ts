import type { Config } from 'payload'

/** The admin Search view (/admin/search) and the nav links to Search and Consistency. */
export const withSearchAdmin = (config: Config): Config => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), '/search/admin/NavLinks#NavLinks'],
      views: {
        ...config.admin?.components?.views,
        search: { Component: '/search/admin/SearchView#SearchView', path: '/search' },
      },
    },
  },
})
