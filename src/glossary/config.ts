import type { CollectionConfig, Config, Field } from 'payload'

import { consistencyEndpoints, termSuggestionsEndpoint } from './endpoints'
import { linkEntryTerms, linkMarkedTerms, linkTranslationTerms } from './suggestions'

const suggestionField: Field = {
  name: 'termSuggestions',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '/glossary/admin/TermSuggestions#TermSuggestions' } },
}

function extend(c: CollectionConfig): CollectionConfig {
  if (c.slug === 'items') {
    return {
      ...c,
      fields: [...c.fields, suggestionField],
      endpoints: [...(c.endpoints || []), termSuggestionsEndpoint],
      hooks: { ...c.hooks, beforeChange: [...(c.hooks?.beforeChange ?? []), linkMarkedTerms] },
    }
  }
  if (c.slug === 'translations' || c.slug === 'issues') {
    const link = c.slug === 'translations' ? linkTranslationTerms : linkEntryTerms
    return { ...c, hooks: { ...c.hooks, beforeChange: [...(c.hooks?.beforeChange ?? []), link] } }
  }
  if (c.slug === 'glossary-terms') return { ...c, endpoints: [...(c.endpoints || []), ...consistencyEndpoints] }
  return c
}

/** Glossary: term suggestions, auto-linking of marked terms (items, translations, special-issue entries), the Consistency view and its endpoints. */
export const withGlossary = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(extend),
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      views: {
        ...config.admin?.components?.views,
        consistency: { Component: '/glossary/admin/ConsistencyView#ConsistencyView', path: '/consistency' },
      },
    },
  },
})
